import Diagnostics

/// The body's UTF-8 bytes split into lines, so cmark's byte positions can be
/// turned into file positions (1-based lines moved by `lineOffset`, columns
/// counted in Unicode scalars). Lines end at `\n`, `\r\n` or `\r`, as in cmark.
struct SourceMap {
    let bytes: [UInt8]
    let lineOffset: Int
    /// Byte offset where each line starts; index 0 is line 1.
    private let lineStarts: [Int]
    /// Byte offset just after each line's last character (before its line ending).
    private let lineEnds: [Int]
    /// How many scalars start before byte `k * checkpointStride`: a column is
    /// found from the nearest checkpoint, so every position costs at most
    /// one stride of bytes however long its line (thousands of links on one
    /// line stay linear).
    private let checkpoints: [Int]
    private static let checkpointStride = 64

    init(bytes: [UInt8], lineOffset: Int) {
        self.bytes = bytes
        self.lineOffset = lineOffset
        var starts = [0]
        var ends: [Int] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                ends.append(i)
                if b == UInt8(ascii: "\r"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        ends.append(bytes.count)
        lineStarts = starts
        lineEnds = ends
        var counts = [0]
        counts.reserveCapacity(bytes.count / Self.checkpointStride + 1)
        var scalars = 0
        for (index, byte) in bytes.enumerated() {
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if (index + 1) % Self.checkpointStride == 0 { counts.append(scalars) }
        }
        checkpoints = counts
    }

    /// The number of scalars that start before byte `offset`.
    private func scalars(before offset: Int) -> Int {
        let checkpoint = offset / Self.checkpointStride
        var count = checkpoints[min(checkpoint, checkpoints.count - 1)]
        var i = min(checkpoint, checkpoints.count - 1) * Self.checkpointStride
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    private func index(_ line: Int) -> Int { min(max(line, 1), lineStarts.count) - 1 }

    func lineStart(_ line: Int) -> Int { lineStarts[index(line)] }
    func lineEnd(_ line: Int) -> Int { lineEnds[index(line)] }

    /// The byte offset of a 1-based byte column, kept inside the line.
    func offset(line: Int, byteColumn: Int) -> Int {
        min(lineStart(line) + max(byteColumn - 1, 0), lineEnd(line))
    }

    /// The file position of a byte offset on `line`.
    func position(line: Int, offset: Int) -> SourcePosition {
        let start = lineStart(line)
        let end = min(max(offset, start), lineEnd(line))
        let column = 1 + scalars(before: end) - scalars(before: start)
        return SourcePosition(line: index(line) + 1 + lineOffset, column: column)
    }

    /// A range from cmark's inclusive byte positions. An end column of 0
    /// (cmark's "ends before this line") ends the range on the previous line.
    func range(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) -> SourceRange {
        let start = position(line: startLine, offset: offset(line: startLine, byteColumn: startColumn))
        let end: SourcePosition
        if endColumn <= 0 && endLine > startLine {
            end = position(line: endLine - 1, offset: lineEnd(endLine - 1))
        } else {
            end = position(line: endLine, offset: offset(line: endLine, byteColumn: endColumn) + 1)
        }
        return SourceRange(start: start, end: end)
    }

    /// The range between two byte offsets on known lines (`end` exclusive).
    func range(line: Int, offset: Int, endLine: Int, endOffset: Int) -> SourceRange {
        SourceRange(start: position(line: line, offset: offset), end: position(line: endLine, offset: endOffset))
    }

    /// The line holding a byte offset.
    func line(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Where the text of a paragraph continuation line begins: after the `>`
    /// markers of the block quotes around it and any indentation.
    func contentStart(line: Int, quoteDepth: Int) -> Int {
        var i = lineStart(line)
        let end = lineEnd(line)
        func skipBlanks() {
            while i < end, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
        }
        for _ in 0..<quoteDepth {
            skipBlanks()
            guard i < end, bytes[i] == UInt8(ascii: ">") else { break }
            i += 1
        }
        skipBlanks()
        return i
    }

    /// Whether `needle` occurs at byte offset `at`.
    func matches(_ needle: [UInt8], at: Int) -> Bool {
        guard at >= 0, at + needle.count <= bytes.count else { return false }
        for (k, b) in needle.enumerated() where bytes[at + k] != b { return false }
        return true
    }

    /// The first offset in `from..<to` where `needle` occurs entirely before `to`.
    func firstOffset(of needle: [UInt8], from: Int, to: Int) -> Int? {
        guard !needle.isEmpty, from <= to - needle.count else { return nil }
        return (from...(to - needle.count)).first { matches(needle, at: $0) }
    }

    /// The last offset in `from..<to` where `needle` occurs entirely before `to`.
    func lastOffset(of needle: [UInt8], from: Int, to: Int) -> Int? {
        guard !needle.isEmpty, from <= to - needle.count else { return nil }
        return (from...(to - needle.count)).reversed().first { matches(needle, at: $0) }
    }
}
