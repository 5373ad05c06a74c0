import GuideModel
import Schema

/// Builds one language's exchange document from the guide: for every entry
/// with a source file (or, with `outdatedOnly`, those whose translation is
/// missing or outdated), one unit per translatable field value and per body
/// text, with the existing translation as target.
public struct ExportBuilder {
    let guide: Guide
    let schemas: SchemaSet
    let language: String
    let text: (EntryFile) -> String?

    /// `text` reads a file's text as the loader did (no byte-order mark, LF line ends).
    public init(guide: Guide, schemas: SchemaSet, language: String, text: @escaping (EntryFile) -> String?) {
        self.guide = guide
        self.schemas = schemas
        self.language = language
        self.text = text
    }

    public func document(outdatedOnly: Bool) -> ExchangeDocument {
        var entries: [ExchangeEntry] = []
        for entry in guide.allEntries {
            let state = guide.translationState(of: entry, in: language)
            if outdatedOnly, case .current = state { continue }
            guard let slots = EntrySlots(entry: entry, language: language, guide: guide, text: text),
                let hash = guide.sourceHash(of: entry)
            else { continue }
            entries.append(exchangeEntry(slots, hash: hash, state: state))
        }
        return ExchangeDocument(sourceLanguage: guide.config.sourceLanguage, targetLanguage: language, entries: entries)
    }

    private func exchangeEntry(_ slots: EntrySlots, hash: String, state: TranslationState) -> ExchangeEntry {
        let reference = slots.entry.reference
        let status = slots.translationStatus
        let notes = TermNotes(termbase: guide.termbase, from: guide.config.sourceLanguage, to: language)
        let limits = maxLengths(slots.entry.type)
        var entryNotes: [String] = []
        if case .outdated = state {
            entryNotes.append(
                "The source changed since this translation was made: check every unit against its source.")
        }
        var units: [ExchangeUnit] = []
        for slot in slots.sourceFields {
            guard let source = slot.pieces else { continue }
            var unit = ExchangeUnit(
                key: slot.key, source: source,
                target: slots.translationFields[slot.key]?.pieces, status: status)
            if unit.target == nil { unit.status = nil }
            if case .field(let name) = slot.kind { unit.maxLength = limits[name] }
            let limit = unit.maxLength.map { ", at most \($0) characters" } ?? ""
            unit.notes =
                ["\(reference): \(slot.description)\(limit)."] + entryNotes + notes.notes(for: source.plainText)
            unit.sourceLine = slot.line
            units.append(unit)
        }
        let aligned = slots.aligned
        for (i, slot) in slots.sourceBody.enumerated() {
            guard let source = slot.pieces, !source.isEmpty else { continue }
            let target = aligned ? slots.translationBody[i].pieces.map { $0.numbered(like: source) } : nil
            var unit = ExchangeUnit(key: slot.key, source: source, target: target, status: target == nil ? nil : status)
            var unitNotes = ["\(reference): \(slot.description)."] + entryNotes
            if slots.translation != nil, !aligned {
                unitNotes.append(
                    "The translation's body is laid out differently from the source's, so its text is not shown here; translating every block of the body replaces it."
                )
            }
            unit.notes = unitNotes + notes.notes(for: source.plainText)
            unit.sourceLine = slot.line
            units.append(unit)
        }
        let sourceFile = "\(reference.type.rawValue)/\(reference.id).\(guide.config.sourceLanguage).md"
        return ExchangeEntry(
            reference: reference, sourceFile: sourceFile,
            version: ExportVersion(sourceHash: hash, structure: slots.structure), units: units)
    }

    /// `maxLength` of each property of the type's schema.
    private func maxLengths(_ type: EntryType) -> [String: Int] {
        guard let registry = schemas.registry, let uri = schemas.uri(type.schemaName) else { return [:] }
        return registry.propertyAnnotations(of: uri).compactMapValues { $0["maxLength"]?.numberValue?.integerValue }
    }
}

/// The termbase's terms for a unit's concepts, as notes for the translator.
struct TermNotes {
    let termbase: Termbase?
    let from: String
    let to: String

    func notes(for text: String) -> [String] {
        guard let termbase, let matcher = termbase.matchers[from] else { return [] }
        var seen: Set<Int> = []
        var lines: [String] = []
        for occurrence in matcher.occurrences(inPlainText: text) where occurrence.term.kind != .forbidden {
            guard seen.insert(occurrence.concept).inserted else { continue }
            let concept = termbase.concepts[occurrence.concept]
            guard let terms = concept.terms[to], let preferred = terms.preferred else { continue }
            var line = "Term: \"\(occurrence.term.text)\" → \"\(preferred.text)\""
            if !terms.variants.isEmpty { line += " (also: " + terms.variants.map(\.text).joined(separator: ", ") + ")" }
            for forbidden in terms.forbidden {
                line += "; never \"\(forbidden.text)\"" + (forbidden.reason.map { " (\($0))" } ?? "")
            }
            if let note = terms.note { line += ". " + note }
            lines.append(line)
        }
        return lines
    }
}
