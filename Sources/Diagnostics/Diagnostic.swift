/// How serious a diagnostic is.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case note, warning, error

    private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One problem, reported once, at the place the user must edit.
public struct Diagnostic: Hashable, Sendable {
    /// Stable identifier such as `schema.enum`; documented in docs/diagnostics.md.
    public var code: String
    public var severity: Severity
    /// The file as the user named it (relative to the working folder when possible).
    public var file: String
    /// Where in the file; `nil` only for problems with the file as a whole
    /// (unreadable, empty, missing), which print at 1:1.
    public var range: SourceRange?
    public var message: String
    /// A suggested fix ("did you mean …?"), printed as `help:`.
    public var help: String?

    public init(
        _ code: String, _ severity: Severity, file: String, range: SourceRange?,
        message: String, help: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.file = file
        self.range = range
        self.message = message
        self.help = help
    }

    public static func error(
        _ code: String, file: String, at range: SourceRange?, _ message: String,
        help: String? = nil
    ) -> Diagnostic {
        Diagnostic(code, .error, file: file, range: range, message: message, help: help)
    }

    public static func warning(
        _ code: String, file: String, at range: SourceRange?, _ message: String,
        help: String? = nil
    ) -> Diagnostic {
        Diagnostic(code, .warning, file: file, range: range, message: message, help: help)
    }

    /// Start position used for printing and sorting (1:1 for whole-file problems).
    public var position: SourcePosition { range?.start ?? SourcePosition(line: 1, column: 1) }
}

extension Diagnostic: Comparable {
    /// Diagnostics print in file order, then position, then code, so output is stable.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.position != b.position { return a.position < b.position }
        if a.code != b.code { return a.code < b.code }
        return a.message < b.message
    }
}

/// A diagnostic can be thrown by a stage that stops at its first problem.
extension Diagnostic: Error {}
