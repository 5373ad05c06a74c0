import Diagnostics
import Yams

extension YAMLReader {
    /// Turns a libyaml/Yams error into one diagnostic at the place to edit.
    func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // An unclosed quote or bracket is noticed lines later (often at the
            // end of the front matter); the place to edit is where it opened.
            if let context, context.mark.line < mark.line,
               context.text.contains("quoted scalar") || context.text.contains("flow") {
                return syntaxDiagnostic(problem: "\(problem) \(context.text)", line: context.mark.line,
                                        column: context.mark.column)
            }
            return syntaxDiagnostic(problem: problem, line: mark.line, column: mark.column)
        case .reader(let problem, _, _, _):
            return .error("yaml.syntax", file: path, at: nil, "cannot read YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return duplicateKeyDiagnostic(key: duplicates.first ?? "", firstLine: context.mark.line,
                                          column: context.mark.column)
        default:
            return .error("yaml.syntax", file: path, at: nil, "cannot read YAML: \(error)")
        }
    }

    private func syntaxDiagnostic(problem: String, line: Int, column: Int) -> Diagnostic {
        let lines = self.lines
        // A tab in indentation is the most common cause of scanner errors; say so plainly.
        for l in stride(from: min(line, lines.count), through: max(line - 1, 1), by: -1) {
            let text = lines[l - 1]
            let indent = text.prefix { $0 == " " || $0 == "\t" }
            if let tab = indent.firstIndex(of: "\t") {
                let col = text.distance(from: text.startIndex, to: tab) + 1
                return .error("yaml.tab", file: path, at: SourceRange(line: l + lineOffset, column: col, length: 1),
                              "tab character in YAML indentation", help: "indent with spaces")
            }
        }
        let range = SourceRange(line: line + lineOffset, column: max(column, 1), length: 1)
        return .error("yaml.syntax", file: path, at: range, "invalid YAML: \(problem)",
                      help: "check the quotes, colons and indentation on this line or the one before")
    }

    /// Yams reports the first occurrence; the place to edit is the repeated key.
    private func duplicateKeyDiagnostic(key: String, firstLine: Int, column: Int) -> Diagnostic {
        let lines = self.lines
        var repeated = SourceRange(line: firstLine + lineOffset, column: column, length: key.count)
        for l in firstLine..<lines.count {
            let text = lines[l]  // 0-based index l is line l + 1, i.e. after the first occurrence
            let scalars = Array(text.unicodeScalars)
            guard scalars.count >= column - 1 + key.unicodeScalars.count else { continue }
            let lead = scalars[0..<(column - 1)]
            guard lead.allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            let rest = String(String.UnicodeScalarView(scalars[(column - 1)...]))
            if rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
                repeated = SourceRange(line: l + 1 + lineOffset, column: column, length: key.count)
                break
            }
        }
        return .error("yaml.duplicate-key", file: path, at: repeated,
                      "\"\(key)\" is set twice (first on line \(firstLine + lineOffset))",
                      help: "keep one of the two")
    }
}
