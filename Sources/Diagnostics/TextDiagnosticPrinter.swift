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
        var out = paint("\(Self.escaped(d.file)):\(p.line):\(p.column): ", bold: true)
        out += paint("\(d.severity.rawValue):", code: severityColor(d.severity), bold: true)
        out += paint(" \(Self.escaped(d.message))", bold: true) + " [\(d.code)]\n"
        if let range = d.range, let text = lineProvider(d.file, range.start.line) {
            out += snippet(text, range: range)
        }
        if let help = d.help {
            out += "  " + paint("help:", code: "36", bold: true) + " \(Self.escaped(help))\n"
        }
        return out
    }

    /// Text from the content (file names, values quoted in messages) with
    /// control characters written as `\u{1B}` escapes: a file named with an
    /// escape sequence or a newline cannot change the terminal or forge a line.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The widest stretch of a line a snippet shows; a longer line is cut
    /// around the range, with `…` where text is left out, so a diagnostic on
    /// a 500 KB line prints a line's worth, not the whole line.
    static let maximumWidth = 120

    /// The source line and a caret range under the columns the range covers
    /// (to the end of the line when the range spans lines). Tabs are shown as
    /// single spaces and control characters as `?`, so the caret lines up
    /// with what is printed and nothing in the file reaches the terminal as
    /// a control sequence.
    private func snippet(_ text: String, range: SourceRange) -> String {
        var scalars = Array(text.unicodeScalars)
        let gutter = String(range.start.line)
        let pad = String(repeating: " ", count: gutter.count)
        var startCol = min(max(range.start.column, 1), scalars.count + 1)
        var endCol = range.end.line == range.start.line ? range.end.column : scalars.count + 1
        endCol = min(max(endCol, startCol + 1), max(scalars.count + 1, startCol + 1))
        var prefix = ""
        var suffix = ""
        if scalars.count > Self.maximumWidth {
            let first = max(0, min(startCol - 1 - Self.maximumWidth / 4, scalars.count - Self.maximumWidth))
            let last = min(scalars.count, first + Self.maximumWidth)
            if first > 0 { prefix = "…" }
            if last < scalars.count { suffix = "…" }
            scalars = Array(scalars[first..<last])
            startCol = startCol - first + prefix.count
            endCol = min(endCol - first + prefix.count, scalars.count + prefix.count + 1)
            endCol = max(endCol, startCol + 1)
        }
        let shown = prefix + String(String.UnicodeScalarView(scalars.map(Self.printable))) + suffix
        let marker = "^" + String(repeating: "~", count: max(endCol - startCol - 1, 0))
        var out = "  \(gutter) | \(shown)\n"
        out +=
            "  \(pad) | " + String(repeating: " ", count: max(startCol - 1, 0)) + paint(marker, code: "32", bold: true)
            + "\n"
        return out
    }

    /// A scalar as a snippet shows it: a tab as a space, any other control
    /// character (C0, DEL, C1, bidirectional overrides) as `?`.
    static func printable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar == "\t" { return " " }
        return isControl(scalar) ? "?" : scalar
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
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
