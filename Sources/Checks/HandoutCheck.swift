import Diagnostics
import Foundation
import GuideModel
import Schema

/// Handout definitions: languages are declared and each has a title,
/// `include` resolves and selects something, the QR target can be encoded,
/// and the paper suits the layout.
struct HandoutCheck: Check {
    /// Papers each layout is designed for.
    static let papers: [String: [String]] = [
        "pocket-card": ["cr80", "a6"], "sheet": ["a4", "letter"], "poster": ["a4", "a3"], "booklet": ["a4", "letter"],
    ]

    func checkGuide(_ context: CheckContext, invalidFrontMatter: Set<String>) -> [Diagnostic] {
        let guide = context.guide
        let index = context.references
        let declared = guide.config.languageCodes
        var out: [Diagnostic] = []
        for handout in guide.handouts where !invalidFrontMatter.contains(handout.path) {
            let p = handout.positions
            for (i, language) in handout.languages.enumerated() {
                if !declared.contains(language) {
                    out.append(
                        .error(
                            "handout.language", file: handout.path, at: p.valueRange(["languages", String(i)]),
                            "language \"\(language)\" is not declared in guide.yml",
                            help: Suggestion.closest(to: language, among: declared).map { "did you mean \"\($0)\"?" }
                                ?? "declare it under `languages` in guide.yml, or remove it here"))
                } else if handout.title[language] == nil {
                    out.append(
                        .error(
                            "handout.title", file: handout.path, at: p.keyRange(["title"]),
                            "no title for \"\(language)\"", help: "add `\(language): …` under title"))
                }
            }
            if let papers = Self.papers[handout.layout], !papers.contains(handout.paper) {
                out.append(
                    .error(
                        "handout.paper", file: handout.path, at: p.valueRange(["paper"]),
                        "a \(handout.layout) is printed on \(papers.joined(separator: " or ")), not \(handout.paper)",
                        help: "set paper: \(papers[0])"))
            }
            for (i, item) in (handout.value["include"]?.arrayValue ?? []).enumerated() {
                let at = p.valueRange(["include", String(i)])
                if let text = item.stringValue {
                    if let d = ReferenceCheck.check(text, in: handout.path, at: at, index: index) { out.append(d) }
                } else if i < handout.include.count, guide.entries(selectedBy: handout.include[i]).isEmpty,
                    !selectionMayMissInvalidEntries(handout.include[i], guide, invalidFrontMatter)
                {
                    out.append(
                        .warning(
                            "handout.empty-selection", file: handout.path, at: at,
                            "this selection matches no published entry",
                            help: "check the filter values, or remove the selection"))
                }
            }
            if let text = handout.value["qr"]?.stringValue, text != "home" {
                let at = p.valueRange(["qr"])
                if let d = ReferenceCheck.check(text, in: handout.path, at: at, index: index) {
                    out.append(d)
                } else if let reference = Reference(parsing: text), reference.type == .helplines,
                    let file = guide.entry(reference).flatMap(guide.sourceFile(of:)),
                    QRPayload.helplineLink(file) == nil
                {
                    out.append(
                        .error(
                            "handout.qr", file: handout.path, at: at,
                            "helpline \(reference.id) has no phone or WhatsApp channel for a QR code",
                            help: "choose a helpline with a phone channel, or qr: home"))
                }
            }
            out += printChecks(handout, context)
        }
        return out
    }

    /// What only print needs: `order` names entries, `office_print` suits the layout, and no
    /// stale number is printed where guide.yml refuses them.
    private func printChecks(_ handout: HandoutDefinition, _ context: CheckContext) -> [Diagnostic] {
        let guide = context.guide
        let p = handout.positions
        var out: [Diagnostic] = []
        for (i, item) in (handout.value["order"]?.arrayValue ?? []).enumerated() {
            guard let text = item.stringValue else { continue }
            if let d = ReferenceCheck.check(
                text, in: handout.path, at: p.valueRange(["order", String(i)]),
                index: context.references)
            {
                out.append(d)
            }
        }
        if handout.value["office_print"] != nil, handout.layout != "pocket-card" {
            out.append(
                .error(
                    "handout.office-print", file: handout.path, at: p.keyRange(["office_print"]),
                    "office_print imposes pocket cards several-up; this handout is a \(handout.layout)",
                    help: "remove office_print, or use layout: pocket-card"))
        }
        if guide.handoutSettings.staleHelplines == .refuse {
            let today = FullDate(utcDayOf: context.today)
            let stale = guide.helplinesPrinted(by: handout, drafts: false).compactMap { entry -> String? in
                guard let freshness = guide.freshness(of: entry, today: today), freshness.isStale else { return nil }
                return "\(entry.id) (verified \(freshness.verifiedOn))"
            }
            if !stale.isEmpty {
                let at = handout.country != nil ? p.valueRange(["country"]) : p.keyRange(["include"])
                out.append(
                    .error(
                        "handout.stale-helpline", file: handout.path, at: at,
                        "this handout would print helplines past their re-check window "
                            + "(helpline_max_age_days \(guide.config.helplineMaxAgeDays)), which guide.yml refuses "
                            + "(handouts.stale_helplines: refuse): \(stale.joined(separator: ", "))",
                        help: "re-check each number against its source and update verified_on, "
                            + "or set handouts.stale_helplines: print to print them with their date and a warning"))
            }
        }
        return out
    }

    /// An entry whose front matter failed the schema has untrusted values and
    /// may be why a selection is empty; that mistake is already reported.
    private func selectionMayMissInvalidEntries(
        _ selection: HandoutDefinition.Selection, _ guide: Guide,
        _ invalid: Set<String>
    ) -> Bool {
        guard case .filter(let type, _) = selection else { return false }
        return guide.entries(of: type).contains { entry in
            entry.files.values.contains { invalid.contains($0.path) }
        }
    }
}
