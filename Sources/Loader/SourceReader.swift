import Diagnostics
import Foundation

/// Reads a content file's bytes into text, refusing what an editor would not
/// have meant to write: files too large to be content, invalid UTF-8. A
/// byte-order mark is removed with a warning; CRLF line ends are read as LF
/// (line and column positions stay those the editor shows).
enum SourceReader {
    /// Content files are small; anything bigger is a mistake (a pasted binary, a runaway export).
    static let maximumBytes = 1 << 20

    struct Result {
        var text: String
        var diagnostics: [Diagnostic]
    }

    static func read(_ location: String, displayPath: String) -> Result {
        var diagnostics: [Diagnostic] = []
        func fail(_ code: String, _ message: String, help: String? = nil, at range: SourceRange? = nil) -> Result {
            Result(text: "", diagnostics: [.error(code, file: displayPath, at: range, message, help: help)])
        }
        guard
            var bytes = readBytes(
                location, limit: maximumBytes,
                onTooLarge: { size in
                    diagnostics = [
                        .error(
                            "file.too-large", file: displayPath, at: nil,
                            "file is \(size / 1_048_576) MB; content files may be at most 1 MB",
                            help: "split it into several entries, or move large data out of Content/")
                    ]
                })
        else {
            return Result(
                text: "",
                diagnostics: diagnostics.isEmpty
                    ? [
                        .error(
                            "file.unreadable", file: displayPath, at: nil, "cannot read this file",
                            help: "check its permissions")
                    ]
                    : diagnostics)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            diagnostics.append(
                .warning(
                    "file.bom", file: displayPath, at: SourceRange(line: 1, column: 1, length: 1),
                    "file starts with a byte-order mark", help: "save the file as UTF-8 without BOM"))
        }
        if String(validating: bytes, as: UTF8.self) == nil, let bad = firstInvalidUTF8(bytes) {
            let (line, column) = position(ofByte: bad, in: bytes)
            return fail(
                "file.encoding", "file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))",
                help: "save the file as UTF-8", at: SourceRange(line: line, column: column, length: 1))
        }
        if bytes.contains(0x0D) { bytes = normalisingLineEnds(bytes) }
        let text = String(decoding: bytes, as: UTF8.self)
        return Result(text: text, diagnostics: diagnostics)
    }

    /// The file's bytes with one open, fstat and read: nil when it cannot be
    /// read or is larger than `limit` (then `onTooLarge` gets its size; the
    /// file is never read).
    static func readBytes(_ path: String, limit: Int, onTooLarge: (Int) -> Void) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        if size > limit {
            onTooLarge(size)
            return nil
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, size - done) }
            guard n > 0 else { break }
            done += n
        }
        if done < size { bytes.removeSubrange(done...) }
        return bytes
    }

    /// CRLF and lone CR become LF: lines stay the lines an editor shows.
    static func normalisingLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(bytes[i])
            }
            i += 1
        }
        return out
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            switch b {
            case 0xC2...0xDF:
                length = 2
                minimum = 0x80
            case 0xE0...0xEF:
                length = 3
                minimum = 0x800
            case 0xF0...0xF4:
                length = 4
                minimum = 0x10000
            default: return i
            }
            guard i + length <= n else { return i }
            var scalar = UInt32(b) & (0xFF >> (length + 1))
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            minimum = 0
            i += length
        }
        return nil
    }

    /// 1-based line and column (in scalars) of a byte offset in valid-up-to-there UTF-8.
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        for b in bytes[..<offset] {
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
