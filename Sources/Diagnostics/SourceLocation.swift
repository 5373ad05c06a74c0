/// A place in a source file: 1-based line and 1-based column, where a column
/// counts Unicode scalars (a tab is one column, as editors that jump to
/// `file:line:column` expect).
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open range in one file: `end` is the position just after the last
/// character (for a one-line range, `end.column - start.column` characters).
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = max(start, end)
    }

    /// A range covering `length` characters from `line:column` on one line.
    public init(line: Int, column: Int, length: Int) {
        self.init(
            start: SourcePosition(line: line, column: column),
            end: SourcePosition(line: line, column: column + max(length, 0)))
    }

    /// The same range moved down by `lines` lines (front matter before a body).
    public func shifted(lines: Int) -> SourceRange {
        SourceRange(
            start: SourcePosition(line: start.line + lines, column: start.column),
            end: SourcePosition(line: end.line + lines, column: end.column))
    }

    public var description: String { "\(start)-\(end)" }
}
