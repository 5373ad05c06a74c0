import Diagnostics

/// Splits `---` front matter from the Markdown body, keeping line offsets so
/// positions in either part are positions in the file.
enum FrontMatterSplitter {
    struct Parts {
        var yaml: String
        /// Add to a YAML line number to get the file line.
        var yamlLineOffset: Int
        var body: String
        /// Add to a body line number to get the file line.
        var bodyLineOffset: Int
    }

    static func split(_ text: String, path: String) -> Result<Parts, Diagnostic> {
        let bytes = Array(text.utf8)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) {
            return .failure(
                .error(
                    "file.empty", file: path, at: nil, "file is empty",
                    help: "start with front matter between two `---` lines, then the Markdown body"))
        }
        // Line starts, as byte offsets (the text's line ends are already LF).
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        func line(_ n: Int) -> ArraySlice<UInt8> {
            let end = n + 1 < starts.count ? starts[n + 1] - 1 : bytes.count
            return bytes[starts[n]..<max(end, starts[n])]
        }
        guard isFence(line(0)) else {
            return .failure(
                .error(
                    "frontmatter.missing", file: path,
                    at: SourceRange(
                        line: 1, column: 1, length: String(decoding: line(0), as: UTF8.self).unicodeScalars.count),
                    "file does not start with front matter",
                    help: "add a line `---`, the fields (title, summary …), and another `---` before the body"))
        }
        guard let close = (1..<starts.count).first(where: { isFence(line($0)) || Array(line($0)) == Array("...".utf8) })
        else {
            return .failure(
                .error(
                    "frontmatter.unclosed", file: path, at: SourceRange(line: 1, column: 1, length: 3),
                    "front matter is not closed",
                    help: "add a line `---` after the last front-matter field"))
        }
        let yamlStart = starts[1]
        let yamlEnd = max(starts[close] - 1, yamlStart)
        let bodyStart = close + 1 < starts.count ? starts[close + 1] : bytes.count
        return .success(
            Parts(
                yaml: String(decoding: bytes[yamlStart..<yamlEnd], as: UTF8.self), yamlLineOffset: 1,
                body: String(decoding: bytes[bodyStart...], as: UTF8.self), bodyLineOffset: close + 1))
    }

    private static func isFence(_ line: ArraySlice<UInt8>) -> Bool {
        line.starts(with: [0x2D, 0x2D, 0x2D]) && line.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
