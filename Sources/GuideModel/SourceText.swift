/// A content file's text, kept so diagnostics can quote the line they point
/// at. Lines are found on demand: only files with diagnostics are ever split.
public struct SourceText: Sendable {
    public let path: String
    public let text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Line `n` (1-based) without its line end, if it exists.
    public func line(_ n: Int) -> String? {
        guard n >= 1 else { return nil }
        var current = 1
        var start = text.utf8.startIndex
        var i = start
        let utf8 = text.utf8
        while i < utf8.endIndex {
            if utf8[i] == UInt8(ascii: "\n") {
                if current == n { return String(text[start..<i]) }
                current += 1
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        return current == n ? String(text[start..<utf8.endIndex]) : nil
    }
}
