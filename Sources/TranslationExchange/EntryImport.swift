import Diagnostics
import Foundation
import GuideModel

/// Imports one entry's units: checks each target (its inline codes, its
/// length, whether its source changed since export), then works out the
/// translation file's new text with `TranslationWriter`.
struct EntryImport {
    /// A target that passed its checks, with the source slot it translates.
    struct Accepted {
        var unit: ExchangeUnit
        var slot: TextSlot
        var target: [Piece]
        var status: UnitStatus
        /// The translation's current text of the unit, if any.
        var existing: [Piece]?
    }

    let slots: EntrySlots
    let exchange: ExchangeEntry
    let format: ExchangeFormat
    let language: String
    let path: String
    let maxLengths: [String: Int]
    let termbase: Termbase?
    var diagnostics: [Diagnostic] = []

    mutating func run() -> FileChange? {
        var sourceByKey: [String: TextSlot] = [:]
        for slot in slots.sourceFields + slots.sourceBody { sourceByKey[slot.key] = slot }
        // The translation's blocks are numbered like the export's source when it had the same structure.
        let translationMatchesExport =
            slots.translation != nil
            && ExportVersion.structure(of: slots.translationBody) == (exchange.version?.structure ?? slots.structure)
        var accepted: [Accepted] = []
        var failed = false
        for unit in exchange.units {
            guard let slot = sourceByKey[unit.key], let current = slot.pieces else {
                diagnostics.append(
                    .warning(
                        "translate.unknown-unit", file: path, at: place(unit.line, unit.column),
                        "\(exchange.reference) has no unit \"\(unit.key)\"; it is ignored",
                        help: "the source changed since export: export again to get its current units"))
                continue
            }
            if unit.source.signature != current.signature {
                diagnostics.append(
                    .warning(
                        "translate.source-changed", file: path,
                        at: place(unit.sourceElementLine, unit.sourceElementColumn),
                        "the source of \(exchange.reference) \(slot.description) changed since export; it now reads: \(Self.quote(current.plainText))",
                        help:
                            "the translation is imported and stamped with the exported version, so it shows as outdated until updated"
                    ))
            }
            guard let written = unit.target,
                !written.plainText.trimmingCharacters(in: .whitespaces).isEmpty
                    || written.contains(where: { $0.code != nil })
            else { continue }
            let reference =
                unit.source.contains(where: { $0.code != nil && $0.code?.native.isEmpty == false })
                    || unit.source.allSatisfy({ $0.code == nil })
                ? unit.source : current
            let existing = existingPieces(slot, aligned: translationMatchesExport)?.numbered(like: reference)
            let target = format == .po ? written.numbered(like: reference) : written
            let (checked, problems) =
                slot.isField
                ? fieldProblems(target) : CodeVerifier(source: reference, translation: existing).verify(target)
            for problem in problems {
                let message = "\(exchange.reference) \(slot.description): \(problem.message)"
                diagnostics.append(
                    problem.isError
                        ? .error(
                            "translate.inline-code", file: path, at: place(unit.targetLine, unit.targetColumn), message,
                            help:
                                "restore the code as in the source: codes stand for links, emphasis and code, which translators keep"
                        )
                        : .warning(
                            "translate.inline-code", file: path, at: place(unit.targetLine, unit.targetColumn), message,
                            help: "keep the source's links and code in the translation"))
            }
            if problems.contains(where: \.isError) {
                failed = true
                continue
            }
            if case .field(let name) = slot.kind, let limit = maxLengths[name],
                checked.plainText.unicodeScalars.count > limit
            {
                diagnostics.append(
                    .error(
                        "translate.too-long", file: path, at: place(unit.targetLine, unit.targetColumn),
                        "the translation of \(exchange.reference) \(name) has \(checked.plainText.unicodeScalars.count) characters; at most \(limit) are allowed",
                        help: "shorten it to \(limit) characters"))
                failed = true
                continue
            }
            accepted.append(
                Accepted(
                    unit: unit, slot: slot, target: checked,
                    status: unit.status ?? .review, existing: existing))
        }
        guard !failed, !accepted.isEmpty else { return nil }
        var writer = TranslationWriter(
            slots: slots, exchange: exchange, format: format, language: language,
            path: path, termbase: termbase, translationMatchesExport: translationMatchesExport)
        let change = writer.write(accepted)
        diagnostics += writer.diagnostics
        return change
    }

    /// The translation's current pieces for a source slot's key.
    private func existingPieces(_ slot: TextSlot, aligned: Bool) -> [Piece]? {
        if slot.isField { return slots.translationFields[slot.key]?.pieces }
        guard aligned, let index = Int(slot.key.dropFirst(5)), index >= 1, index <= slots.translationBody.count else {
            return nil
        }
        return slots.translationBody[index - 1].pieces
    }

    /// Field values are plain text: any code in them is a mistake.
    private func fieldProblems(_ target: [Piece]) -> ([Piece], [CodeVerifier.Problem]) {
        let codes = target.compactMap(\.code)
        guard !codes.isEmpty else { return (target, []) }
        return (
            target,
            [CodeVerifier.Problem(message: "a field value takes no inline codes (found \(codes.count))", isError: true)]
        )
    }

    private func place(_ line: Int, _ column: Int) -> SourceRange {
        SourceRange(line: max(line, 1), column: max(column, 1), length: 1)
    }

    static func quote(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        return "\"" + (scalars.count > 80 ? String(String.UnicodeScalarView(scalars[..<80])) + "…" : text) + "\""
    }
}
