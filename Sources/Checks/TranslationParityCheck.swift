import Diagnostics
import Foundation
import GuideModel
import Markdown

/// A translation keeps its source's structure: the same section ids, the same
/// number of protocol steps, and the same phone numbers, e-mail addresses,
/// URLs and references in the body. Differences are warnings at the place
/// in the translation where they occur.
struct TranslationParityCheck: Check {
    func check(_ entry: EntryFiles, in context: CheckContext) -> [Diagnostic] {
        let guide = context.guide
        guard let source = entry.source, entry.files.count > 1 else { return [] }
        let rules = guide.sectionRules[entry.entry.type] ?? []
        // A malformed id in the source is reported there (section.id); comparing
        // against the source's ids would only repeat it in every translation.
        let compareSections = !source.body.problems.contains(where: { $0.kind == .malformedSectionID })
        let sourceSectionIDs = source.body.sections.map(\.id)
        // A required section the source lacks is reported there (section.missing).
        let required = rules.filter(\.required).map(\.id)
        let sourceTokens = BodyTokens(source)
        var out: [Diagnostic] = []
        for file in entry.files where file.language != guide.config.sourceLanguage {
            if compareSections { out += sections(file, against: sourceSectionIDs, required: required) }
            out += steps(file, against: source, rules: rules)
            out += tokens(file, BodyTokens(file), against: sourceTokens)
        }
        return out
    }

    private func sections(_ file: EntryFile, against expected: [String], required: [String]) -> [Diagnostic] {
        let found = file.body.sections.filter { !required.contains($0.id) || expected.contains($0.id) }
        let foundIDs = Set(found.map(\.id))
        // A renamed (or translated) id is one mistake: it is reported where it
        // is written, paired with the source id it replaces (the closest, else
        // the next in order), and that source id is not reported missing too.
        var missing = expected.filter { !foundIDs.contains($0) }
        var out: [Diagnostic] = []
        for section in found where !expected.contains(section.id) {
            let meant = Suggestion.closest(to: section.id, among: missing) ?? missing.first
            missing.removeAll { $0 == meant }
            out.append(
                .warning(
                    "translation.sections", file: file.path,
                    at: section.heading.idRange ?? section.headingRange,
                    "section \"\(section.id)\" is not in the source",
                    help: meant.map { "the source has \"\($0)\" here: section ids stay as in the source" }
                        ?? (expected.isEmpty
                            ? "the source has no section ids: remove {#\(section.id)}"
                            : "use the source's section ids: \(expected.joined(separator: ", "))")))
        }
        for id in missing {
            out.append(
                .warning(
                    "translation.sections", file: file.path, at: file.bodyStart,
                    "section \"\(id)\" of the source is missing",
                    help: "add a heading ending in {#\(id)}"))
        }
        return out
    }

    private func steps(_ file: EntryFile, against source: EntryFile, rules: [SectionRule]) -> [Diagnostic] {
        rules.filter { $0.content == .orderedList }.compactMap { rule in
            guard let expected = Self.firstList(in: source.body.section(id: rule.id)),
                let section = file.body.section(id: rule.id), let found = Self.firstList(in: section),
                found.list.items.count != expected.list.items.count
            else { return nil }
            return .warning(
                "translation.steps", file: file.path, at: found.range,
                "\(found.list.items.count) steps here, \(expected.list.items.count) in the source",
                help: "translate each step of the source as one list item")
        }
    }

    static func firstList(in section: MarkdownSection?) -> (list: List, range: SourceRange)? {
        for block in section?.blocks ?? [] {
            if case .list(let list) = block.kind, list.ordered { return (list, block.range) }
        }
        return nil
    }

    private func tokens(_ file: EntryFile, _ found: BodyTokens, against expected: BodyTokens) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // A changed number or address is one mistake: the value written here is
        // paired with the source's value of the same kind that is missing.
        var missing = expected.items.filter { !found.contains($0.kind, $0.value) }
        for (kind, value, range) in found.items where !expected.contains(kind, value) {
            if let i = missing.firstIndex(where: { $0.kind == kind }) {
                let meant = missing.remove(at: i).value
                out.append(
                    .warning(
                        "translation.parity", file: file.path, at: range,
                        "\(kind) \(value) is not in the source, which has \(meant)",
                        help: "translations keep the source's \(kind)s unchanged: write \(meant)"))
                continue
            }
            out.append(
                .warning(
                    "translation.parity", file: file.path, at: range,
                    "\(kind) \(value) is not in the source",
                    help: "translations keep the source's \(kind)s unchanged"))
        }
        for (kind, value, _) in missing {
            out.append(
                .warning(
                    "translation.parity", file: file.path, at: file.bodyStart,
                    "\(kind) \(value) of the source is missing here",
                    help: "keep every \(kind) of the source in the translation"))
        }
        return out
    }
}
