/// Prints diagnostics the way compilers do:
///
/// ```
/// Content/indicators/x.en.md:5:11: error: message [code]
///   5 | strength: strnog
///     |           ^~~~~~
///   help: did you mean "strong"?
/// ```
public struct TextDiagnosticPrinter: Sendable {
    /// Returns the text of line `line` (1-based, without its line end) of `file`.
    public typealias LineProvider = @Sendable (_ file: String, _ line: Int) -> String?

    public var color: Bool
    private let lineProvider: LineProvider

    public init(color: Bool = false, lines: @escaping LineProvider) {
        self.color = color
        self.lineProvider = lines
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    public func render(_ d: Diagnostic) -> String {
        let p = d.position
        var out = paint("\(d.file):\(p.line):\(p.column): ", bold: true)
        out += paint("\(d.severity.rawValue):", code: severityColor(d.severity), bold: true)
        out += paint(" \(d.message)", bold: true) + " [\(d.code)]\n"
        if let range = d.range, let text = lineProvider(d.file, range.start.line) {
            out += snippet(text, range: range)
        }
        if let help = d.help {
            out += "  " + paint("help:", code: "36", bold: true) + " \(help)\n"
        }
        return out
    }

    /// The source line and a caret range under the columns the range covers
    /// (to the end of the line when the range spans lines). Tabs are shown as
    /// single spaces so the caret lines up with what is printed.
    private func snippet(_ text: String, range: SourceRange) -> String {
        let scalars = Array(text.unicodeScalars.map { $0 == "\t" ? " " : $0 })
        let shown = String(String.UnicodeScalarView(scalars))
        let gutter = String(range.start.line)
        let pad = String(repeating: " ", count: gutter.count)
        let startCol = min(max(range.start.column, 1), scalars.count + 1)
        var endCol = range.end.line == range.start.line ? range.end.column : scalars.count + 1
        endCol = min(max(endCol, startCol + 1), max(scalars.count + 1, startCol + 1))
        let marker = "^" + String(repeating: "~", count: max(endCol - startCol - 1, 0))
        var out = "  \(gutter) | \(shown)\n"
        out += "  \(pad) | " + String(repeating: " ", count: startCol - 1) + paint(marker, code: "32", bold: true) + "\n"
        return out
    }

    private func severityColor(_ s: Severity) -> String {
        switch s {
        case .error: return "31"
        case .warning: return "35"
        case .note: return "36"
        }
    }

    private func paint(_ s: String, code: String? = nil, bold: Bool = false) -> String {
        guard color else { return s }
        var codes: [String] = []
        if bold { codes.append("1") }
        if let code { codes.append(code) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m" + s + "\u{1B}[0m"
    }
}
