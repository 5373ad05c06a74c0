import CLibYAML
import Diagnostics

extension YAMLReader {
    /// A libyaml syntax error as one diagnostic at the place to edit.
    func syntaxDiagnostic(
        problem: String, at mark: yaml_mark_t, context: String?,
        contextMark: yaml_mark_t
    ) -> Diagnostic {
        // An unclosed quote or bracket is noticed lines later (often at the
        // end of the front matter); the place to edit is where it opened.
        if let context, contextMark.line < mark.line,
            context.contains("quoted scalar") || context.contains("flow")
        {
            return syntaxDiagnostic(
                problem: "\(problem) \(context)", line: Int(contextMark.line) + 1,
                column: Int(contextMark.column) + 1)
        }
        return syntaxDiagnostic(problem: problem, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private func syntaxDiagnostic(problem: String, line: Int, column: Int) -> Diagnostic {
        let lines = self.lines
        // A tab in indentation is the most common cause of scanner errors; say so plainly.
        for l in stride(from: min(line, lines.count), through: max(line - 1, 1), by: -1) {
            let text = lines[l - 1]
            let indent = text.prefix { $0 == " " || $0 == "\t" }
            if let tab = indent.firstIndex(of: "\t") {
                let col = text.distance(from: text.startIndex, to: tab) + 1
                return .error(
                    "yaml.tab", file: path, at: SourceRange(line: l + lineOffset, column: col, length: 1),
                    "tab character in YAML indentation", help: "indent with spaces")
            }
        }
        let range = SourceRange(line: line + lineOffset, column: max(column, 1), length: 1)
        return .error(
            "yaml.syntax", file: path, at: range, "invalid YAML: \(problem)",
            help: "check the quotes, colons and indentation on this line or the one before")
    }
}
