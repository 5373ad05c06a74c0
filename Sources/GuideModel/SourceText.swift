import Synchronization

/// A content file's text, kept so diagnostics can quote the line they point
/// at. Lines are indexed on first use (only files with diagnostics are ever
/// split), then each line is found in constant time: a file with thousands
/// of diagnostics is not scanned once per diagnostic.
public final class SourceText: Sendable {
    public let path: String
    public let text: String
    /// The byte offset of each line's start in `text.utf8`, once a line is asked for.
    private let lineStarts = Mutex<[Int]?>(nil)

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Line `n` (1-based) without its line end, if it exists.
    public func line(_ n: Int) -> String? {
        let starts = lineStarts.withLock { starts in
            if let starts { return starts }
            var found = [0]
            for (offset, byte) in text.utf8.enumerated() where byte == UInt8(ascii: "\n") { found.append(offset + 1) }
            starts = found
            return found
        }
        guard n >= 1, n <= starts.count else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: starts[n - 1])
        let end = n < starts.count ? utf8.index(utf8.startIndex, offsetBy: starts[n] - 1) : utf8.endIndex
        return String(text[start..<end])
    }
}
