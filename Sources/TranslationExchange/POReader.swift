import Diagnostics
import GuideModel
import Markdown

/// Reads a gettext PO file written by `POWriter` and returned by a PO tool.
/// Obsolete (`#~`) entries and the header are skipped; a malformed line is
/// a diagnostic at that line, and reading stops there.
public enum POReader {
    private struct Message {
        var context: String?, id: String?, string: String?
        var fuzzy = false
        var comments: [String] = []
        var line = 0, idLine = 0, stringLine = 0
        var plural = false
    }

    private enum Field { case context, id, string, other }

    public static func read(_ text: String, path: String) -> (ExchangeDocument?, [Diagnostic]) {
        var messages: [Message] = []
        var current = Message()
        var field = Field.other
        var started = false
        func finish() {
            if started { messages.append(current) }
            current = Message()
            field = .other
            started = false
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("#") {
                if current.string != nil { finish() }
                if trimmed.hasPrefix("#~") { continue }
                if trimmed.hasPrefix("#,") {
                    current.fuzzy =
                        current.fuzzy
                        || trimmed.dropFirst(2).split(separator: ",").contains { $0.trimmingBlanks == "fuzzy" }
                } else if trimmed.hasPrefix("#.") {
                    current.comments.append(String(trimmed.dropFirst(2)).trimmingBlanks)
                }
                if !started {
                    current.line = number
                    started = true
                }
                continue
            }
            let keyword = trimmed.prefix { $0 != " " && $0 != "\t" && $0 != "\"" }
            var rest = trimmed.dropFirst(keyword.count).drop(while: { $0 == " " || $0 == "\t" })
            let column = line.count - rest.count + 1
            if keyword.isEmpty {
                guard field != .other else {
                    return (nil, [syntax(path, number, column, "a string continues no msgid, msgstr or msgctxt")])
                }
            } else if keyword == "msgctxt" || keyword == "msgid" || keyword == "msgid_plural" || keyword == "msgstr"
                || keyword.hasPrefix("msgstr[")
            {
                if keyword == "msgctxt" || keyword == "msgid", current.string != nil { finish() }
                if !started {
                    current.line = number
                    started = true
                }
                switch keyword {
                case "msgctxt":
                    field = .context
                    current.context = ""
                case "msgid":
                    field = .id
                    current.id = ""
                    current.idLine = number
                case "msgid_plural":
                    field = .other
                    current.plural = true
                default:
                    if keyword != "msgstr" && keyword != "msgstr[0]" {
                        field = .other
                        continue
                    }
                    field = .string
                    current.string = ""
                    current.stringLine = number
                }
            } else {
                return (nil, [syntax(path, number, 1, "unknown keyword \"\(keyword)\"")])
            }
            switch unquote(&rest) {
            case .failure(let error):
                return (nil, [syntax(path, number, column, error.message)])
            case .success(let value):
                switch field {
                case .context: current.context? += value
                case .id: current.id? += value
                case .string: current.string? += value
                case .other: break
                }
            }
        }
        finish()
        return document(messages, path: path)
    }

    private static func document(_ messages: [Message], path: String) -> (ExchangeDocument?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var language: String?
        var sourceLanguage = ""
        var entries: [ExchangeEntry] = []
        var byReference: [Reference: Int] = [:]
        for message in messages {
            guard let id = message.id else { continue }
            if id.isEmpty && message.context == nil {
                for field in (message.string ?? "").split(separator: "\n") {
                    if field.hasPrefix("Language:") { language = String(field.dropFirst(9)).trimmingBlanks }
                    if field.hasPrefix("X-Guide-Source-Language:") {
                        sourceLanguage = String(field.dropFirst(24)).trimmingBlanks
                    }
                }
                continue
            }
            let at = SourceRange(line: message.line, column: 1, length: 1)
            guard let context = message.context, let hash = context.firstIndex(of: "#"),
                let reference = Reference(parsing: String(context[..<hash])), reference.section == nil, !message.plural
            else {
                diagnostics.append(
                    .warning(
                        "translate.unknown-unit", file: path, at: at,
                        "message \(message.context.map { "\"\($0)\"" } ?? "without msgctxt") is not a unit of this guide; it is ignored",
                        help: "units have msgctxt \"<type>/<id>#<unit>\" as exported"))
                continue
            }
            let key = String(context[context.index(after: hash)...])
            let target = message.string.flatMap { $0.isEmpty ? nil : pieces($0, key: key) }
            var unit = ExchangeUnit(
                key: key, source: pieces(id, key: key), target: target,
                status: target == nil ? nil : message.fuzzy ? .review : .published)
            unit.line = message.line
            unit.sourceElementLine = message.idLine
            unit.targetLine = message.stringLine
            let version = message.comments.lazy.compactMap { ExportVersion(written: $0) }.first
            if let index = byReference[reference] {
                entries[index].units.append(unit)
                if entries[index].version == nil { entries[index].version = version }
            } else {
                byReference[reference] = entries.count
                var entry = ExchangeEntry(reference: reference, sourceFile: "", version: version, units: [unit])
                entry.line = message.line
                entries.append(entry)
            }
        }
        guard let language, !language.isEmpty else {
            diagnostics.append(
                .error(
                    "translate.format", file: path, at: SourceRange(line: 1, column: 1, length: 1),
                    "the PO header has no Language field",
                    help: "import the PO file `guide translate export --format po` wrote"))
            return (nil, diagnostics)
        }
        return (
            ExchangeDocument(sourceLanguage: sourceLanguage, targetLanguage: language, entries: entries, format: .po),
            diagnostics
        )
    }

    /// A PO text as pieces: Markdown for body texts, plain text for field values.
    static func pieces(_ text: String, key: String) -> [Piece] {
        guard POWriter.isMarkdown(key) else { return [.text(text)] }
        let source = text + "\n"
        let document = MarkdownParser.parse(source)
        guard document.blocks.count == 1, case .paragraph(let inlines) = document.blocks[0].kind,
            let pieces = InlineAligner.pieces(inlines, bytes: Array(source.utf8), span: 0..<text.utf8.count)
        else { return [.text(text)] }
        return pieces
    }

    /// The quoted string at the start of `rest` with escapes resolved.
    private static func unquote(_ rest: inout Substring) -> Result<String, POError> {
        guard rest.first == "\"" else { return .failure(POError("expected a string in double quotes")) }
        var out = ""
        var i = rest.index(after: rest.startIndex)
        while i < rest.endIndex {
            let c = rest[i]
            if c == "\"" {
                let after = rest[rest.index(after: i)...]
                guard after.allSatisfy({ $0 == " " || $0 == "\t" }) else {
                    return .failure(POError("text after the closing quote"))
                }
                return .success(out)
            }
            if c == "\\" {
                i = rest.index(after: i)
                guard i < rest.endIndex else { break }
                switch rest[i] {
                case "n": out += "\n"
                case "t": out += "\t"
                case "r": out += "\r"
                case "\"": out += "\""
                case "\\": out += "\\"
                case "a", "b", "f", "v": break
                default: return .failure(POError("unknown escape \\\(rest[i])"))
                }
            } else {
                out.append(c)
            }
            i = rest.index(after: i)
        }
        return .failure(POError("the string is not closed"))
    }

    private struct POError: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    private static func syntax(_ path: String, _ line: Int, _ column: Int, _ message: String) -> Diagnostic {
        .error(
            "translate.syntax", file: path, at: SourceRange(line: line, column: column, length: 1),
            "not a valid PO file: \(message)",
            help: "the file was damaged after export: export again, or fix this line")
    }
}

extension StringProtocol {
    fileprivate var trimmingBlanks: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
