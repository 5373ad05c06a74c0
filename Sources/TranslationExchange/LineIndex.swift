import Diagnostics

/// A text's UTF-8 bytes with its line starts, to turn file positions (line,
/// column in Unicode scalars) into byte offsets and back.
struct LineIndex {
    let bytes: [UInt8]
    /// Byte offset where each line starts; index 0 is line 1.
    private let starts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        self.starts = starts
    }

    var lineCount: Int { starts.count }

    func lineStart(_ line: Int) -> Int { starts[min(max(line, 1), starts.count) - 1] }

    /// Just after the last character of `line` (before its line end).
    func lineEnd(_ line: Int) -> Int {
        let index = min(max(line, 1), starts.count)
        return index < starts.count ? starts[index] - 1 : bytes.count
    }

    /// The byte offset of a position; a column past the line's end stops at the end.
    func offset(_ position: SourcePosition) -> Int {
        var i = lineStart(position.line)
        let end = lineEnd(position.line)
        var column = 1
        while i < end, column < position.column {
            i += 1
            while i < end, bytes[i] & 0xC0 == 0x80 { i += 1 }
            column += 1
        }
        return i
    }

    /// The position of a byte offset.
    func position(_ offset: Int) -> SourcePosition {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var i = starts[low]
        while i < min(offset, bytes.count) {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourcePosition(line: low + 1, column: column)
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[max(range.lowerBound, 0)..<min(range.upperBound, bytes.count)], as: UTF8.self)
    }
}
