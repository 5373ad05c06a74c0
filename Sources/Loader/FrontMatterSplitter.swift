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
        if text.allSatisfy(\.isWhitespace) {
            return .failure(.error("file.empty", file: path, at: nil, "file is empty",
                                   help: "start with front matter between two `---` lines, then the Markdown body"))
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard isFence(lines[0]) else {
            return .failure(.error("frontmatter.missing", file: path,
                                   at: SourceRange(line: 1, column: 1, length: lines[0].unicodeScalars.count),
                                   "file does not start with front matter",
                                   help: "add a line `---`, the fields (title, summary …), and another `---` before the body"))
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) || lines[$0] == "..." }) else {
            return .failure(.error("frontmatter.unclosed", file: path, at: SourceRange(line: 1, column: 1, length: 3),
                                   "front matter is not closed",
                                   help: "add a line `---` after the last front-matter field"))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(Parts(yaml: yaml, yamlLineOffset: 1, body: body, bodyLineOffset: close + 1))
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
