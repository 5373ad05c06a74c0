import Diagnostics
import GuideModel
import Loader

/// Writes an entry's accepted targets into its translation file: each
/// changed unit's bytes replaced in place (an existing translation laid out
/// like the export), or the body rebuilt on the source's skeleton (a new
/// translation, or one laid out differently and translated in full); then
/// `status` and `source_hash`. The result is read back and compared with the
/// targets before it is returned, so an import never writes a file that says
/// something else or is laid out differently.
struct TranslationWriter {
    let slots: EntrySlots
    let exchange: ExchangeEntry
    let format: ExchangeFormat
    let language: String
    let path: String
    let termbase: Termbase?
    let translationMatchesExport: Bool
    var diagnostics: [Diagnostic] = []

    private var reference: Reference { exchange.reference }

    mutating func write(_ accepted: [EntryImport.Accepted]) -> FileChange? {
        let fields = accepted.filter(\.slot.isField)
        let body = accepted.filter { !$0.slot.isField }
        let firstLine = SourceRange(
            line: max(accepted.first?.unit.targetLine ?? exchange.line, 1), column: 1, length: 1)
        // A new translation is built on the source's body, so every body text must be translated.
        let rebuild = slots.translation == nil || (!body.isEmpty && !translationMatchesExport)
        if rebuild {
            let wanted = slots.sourceBody.filter { !($0.pieces ?? []).isEmpty }.map(\.key)
            let given = Set(body.map(\.slot.key))
            let missing = wanted.filter { !given.contains($0) }
            let sameStructure = (exchange.version?.structure ?? slots.structure) == slots.structure
            if !missing.isEmpty || !sameStructure {
                let why =
                    !sameStructure
                    ? "the source's body changed its layout since export"
                    : "\(missing.count) of its \(wanted.count) body texts have no translation"
                let what =
                    slots.translation == nil ? "the new translation was not written" : "its body was not imported"
                diagnostics.append(
                    .warning(
                        slots.translation == nil ? "translate.incomplete" : "translate.structure", file: path,
                        at: firstLine,
                        "\(reference): \(what): \(why)",
                        help: sameStructure
                            ? "translate every body unit, then import again"
                            : "export again and translate the new export"))
                if slots.translation == nil { return nil }
                return write(fields)
            }
        }
        if slots.translation == nil {
            let required = ["title", "summary"].filter { key in slots.sourceFields.contains { $0.key == key } }
            let missing = required.filter { key in !fields.contains { $0.slot.key == key } }
            if !missing.isEmpty {
                diagnostics.append(
                    .warning(
                        "translate.incomplete", file: path, at: firstLine,
                        "\(reference): the new translation was not written: \(missing.joined(separator: " and ")) have no translation",
                        help: "translate them, then import again"))
                return nil
            }
        }
        var edits = TextEdits()
        var changed = 0
        var text = slots.translationText ?? ""
        // Fields: replaced where they are, or added before the closing `---`.
        var added: [(String, String)] = []
        var lists: [String: [String]] = [:]
        for item in fields {
            switch item.slot.kind {
            case .field(let name):
                if let existing = item.existing, existing.plainText == item.target.plainText { continue }
                changed += 1
                let value = YAMLScalar.render(item.target.plainText)
                if let place = slots.translationFields[item.slot.key] {
                    edits.replace(place.span, with: value)
                } else {
                    added.append((name, value))
                }
            case .listItem(let name, let index):
                var list = lists[name] ?? (slots.translation?.strings(name) ?? [])
                if index < list.count {
                    list[index] = item.target.plainText
                } else if index == list.count {
                    list.append(item.target.plainText)
                }
                lists[name] = list
            default: break
            }
        }
        for (name, list) in lists.sorted(by: { $0.key < $1.key }) where list != (slots.translation?.strings(name) ?? [])
        {
            changed += 1
            if let region = listRegion(name, in: text) {
                edits.replace(region, with: YAMLScalar.flowSequence(list))
            } else {
                added.append((name, YAMLScalar.flowSequence(list)))
            }
        }
        // Body: in place, or the source's body with every text replaced.
        var newBody: String?
        if rebuild || slots.translation == nil {
            var bodyEdits = TextEdits()
            for item in body {
                bodyEdits.replace(
                    item.slot.span,
                    with: item.target.markdown(in: item.slot.context, continuation: item.slot.continuation))
            }
            let rebuilt = bodyEdits.applied(to: slots.sourceText)
            newBody = String(
                decoding: Array(rebuilt.utf8)[LineIndex(rebuilt).lineStart(slots.source.bodyLine)...], as: UTF8.self)
            changed += body.count
        } else {
            for item in body {
                guard let index = Int(item.slot.key.dropFirst(5)), index >= 1, index <= slots.translationBody.count
                else { continue }
                if let existing = item.existing, existing.sameText(as: item.target) { continue }
                let place = slots.translationBody[index - 1]
                edits.replace(
                    place.span, with: item.target.markdown(in: place.context, continuation: place.continuation))
                changed += 1
            }
        }
        let existingStatus = slots.translationStatus
        var status = accepted.map(\.status).min() ?? existingStatus ?? .review
        if format == .po {
            if changed > 0 { status = min(status, .review) }
            if status == .review, existingStatus == .draft { status = .draft }
        }
        if status == .published, let term = forbiddenTerm(in: accepted) {
            diagnostics.append(
                .warning(
                    "term.forbidden", file: path,
                    at: SourceRange(line: max(term.line, 1), column: max(term.column, 1), length: 1),
                    "\(reference): \"\(term.text)\" is a forbidden term; the translation stays in review",
                    help: term.help))
            status = .review
        }
        if changed == 0, status == existingStatus { return nil }
        if let translation = slots.translation {
            if let newBody {
                let index = LineIndex(text)
                edits.replace(index.lineStart(translation.bodyLine)..<index.bytes.count, with: newBody)
            }
            text = edits.applied(to: text)
        } else {
            text = "---\n---\n" + (newBody ?? "")
        }
        for (name, value) in added { text = FrontMatterEditor.setting(name, to: value, in: text) ?? text }
        if status != existingStatus {
            text = FrontMatterEditor.setting("status", to: status.rawValue, in: text) ?? text
        }
        if let version = exchange.version {
            text = FrontMatterEditor.setting("source_hash", to: "\"\(version.sourceHash)\"", in: text) ?? text
        } else {
            diagnostics.append(
                .warning(
                    "translate.format", file: path, at: SourceRange(line: max(exchange.line, 1), column: 1, length: 1),
                    "\(reference): the file does not say which source version it was exported from, so the translation is not stamped",
                    help: "the translation tool dropped the export's header note; run `guide stamp` after review"))
        }
        guard verify(text, accepted: accepted, rebuilt: newBody != nil) else { return nil }
        return FileChange(
            relativePath: "\(reference.type.rawValue)/\(reference.id).\(language).md", text: text,
            isNew: slots.translation == nil, changedUnits: changed, status: status)
    }

    /// Where a list field's value is written: from its first item (or `[`) to its last (or `]`).
    private func listRegion(_ name: String, in text: String) -> Range<Int>? {
        guard let translation = slots.translation, let start = translation.positions.place([name])?.value else {
            return nil
        }
        let index = LineIndex(text)
        let items = translation.strings(name).count
        var end = index.offset(start.end)
        if items > 0, let last = translation.positions.place([name, String(items - 1)])?.value {
            end = max(end, index.offset(last.end))
        }
        let lower = index.offset(start.start)
        if lower < index.bytes.count, index.bytes[lower] == UInt8(ascii: "[") {
            var j = end
            while j < index.bytes.count, index.bytes[j] != UInt8(ascii: "]"), index.bytes[j] != 0x0A { j += 1 }
            if j < index.bytes.count, index.bytes[j] == UInt8(ascii: "]") { end = j + 1 }
        }
        return lower..<max(lower, end)
    }

    /// A forbidden term in a target, with where it is in the exchange file.
    private func forbiddenTerm(in accepted: [EntryImport.Accepted]) -> (
        text: String, line: Int, column: Int, help: String?
    )? {
        guard let termbase, let matcher = termbase.matchers[language] else { return nil }
        for item in accepted where item.slot.key.split(separator: ".").first != "aliases" {
            for occurrence in matcher.occurrences(inPlainText: item.target.plainText)
            where occurrence.term.kind == .forbidden {
                let preferred = termbase.concepts[occurrence.concept].terms[language]?.preferred?.text
                return (
                    occurrence.term.text, item.unit.targetLine, item.unit.targetColumn,
                    preferred.map { "use \"\($0)\"" }
                )
            }
        }
        return nil
    }

    /// Reads the new text back: it must parse, keep its layout, and say what the targets say.
    private mutating func verify(_ text: String, accepted: [EntryImport.Accepted], rebuilt: Bool) -> Bool {
        let display = "\(reference.type.rawValue)/\(reference.id).\(language).md"
        switch EntryFileLoader.parse(text, type: reference.type, id: reference.id, language: language, path: display) {
        case .failure(let problem):
            diagnostics.append(
                .error(
                    "translate.markdown", file: path,
                    at: SourceRange(line: max(exchange.line, 1), column: 1, length: 1),
                    "\(reference): the translation cannot be written: \(problem.message)"))
            return false
        case .success(let file):
            let reread = SlotExtractor(file: file, text: text)
            let fields = Dictionary(reread.fieldSlots(slots.fields).map { ($0.key, $0) }) { a, _ in a }
            let body = reread.bodySlots()
            let expectedShapes =
                rebuilt || slots.translation == nil ? slots.sourceBody.map(\.shape) : slots.translationBody.map(\.shape)
            var problems: [(ExchangeUnit, String)] = []
            let shapes = body.map(\.shape)
            if shapes != expectedShapes {
                // Blame the unit where the layout first differs, if it was imported.
                let first =
                    Array(zip(shapes, expectedShapes)).firstIndex { $0.0 != $0.1 }
                    ?? min(shapes.count, expectedShapes.count)
                let unit =
                    accepted.first { $0.slot.key == "body.\(first + 1)" } ?? accepted.first { !$0.slot.isField }
                    ?? accepted[0]
                problems.append((unit.unit, "it would change the body's layout"))
            }
            for item in accepted {
                let found =
                    item.slot.isField
                    ? fields[item.slot.key]?.pieces
                    : Int(item.slot.key.dropFirst(5)).flatMap {
                        $0 >= 1 && $0 <= body.count ? body[$0 - 1].pieces : nil
                    }
                let same =
                    item.slot.isField
                    ? found?.plainText == item.target.plainText : found?.sameText(as: item.target) == true
                if !same {
                    problems.append(
                        (item.unit, "it would read back as \(EntryImport.quote(found?.plainText ?? "nothing"))"))
                }
            }
            for (unit, problem) in problems.prefix(1) {
                diagnostics.append(
                    .error(
                        "translate.markdown", file: path,
                        at: SourceRange(line: max(unit.targetLine, 1), column: max(unit.targetColumn, 1), length: 1),
                        "\(reference) \(unit.key): the translation cannot be written as Markdown as it stands: \(problem)",
                        help: "check the text for Markdown the translation tool may have changed, or report the unit"))
            }
            return problems.isEmpty
        }
    }
}

/// Byte-range replacements in one text, applied from the end so earlier ranges stay valid.
struct TextEdits {
    private var edits: [(range: Range<Int>, text: String)] = []

    mutating func replace(_ range: Range<Int>, with text: String) { edits.append((range, text)) }

    func applied(to text: String) -> String {
        var bytes = Array(text.utf8)
        var lowest = Int.max
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound })
        where edit.range.upperBound <= lowest {
            let range = min(edit.range.lowerBound, bytes.count)..<min(edit.range.upperBound, bytes.count)
            bytes.replaceSubrange(range, with: Array(edit.text.utf8))
            lowest = range.lowerBound
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
