import Diagnostics
import Foundation
import GuideModel
import Markdown

/// A translation keeps its source's structure: the same section ids, the same
/// number of protocol steps, and the same phone numbers, e-mail addresses,
/// URLs and references in the body. Differences are warnings at the place
/// in the translation where they occur.
struct TranslationParityCheck: Check {
    func run(_ context: CheckContext) -> [Diagnostic] {
        let guide = context.guide
        var out: [Diagnostic] = []
        for entry in guide.allEntries {
            guard let source = guide.sourceFile(of: entry) else { continue }
            let sourceSections = source.body.sections
            let sourceTokens = BodyTokens(source)
            for language in entry.languages where language != guide.config.sourceLanguage {
                guard let file = entry.files[language] else { continue }
                out += sections(file, against: sourceSections)
                out += steps(file, against: source, rules: guide.sectionRules[entry.type] ?? [])
                out += tokens(file, BodyTokens(file), against: sourceTokens)
            }
        }
        return out
    }

    private func sections(_ file: EntryFile, against source: [MarkdownSection]) -> [Diagnostic] {
        let expected = source.map(\.id)
        let found = file.body.sections
        var out: [Diagnostic] = []
        for section in found where !expected.contains(section.id) {
            out.append(.warning("translation.sections", file: file.path,
                                at: section.heading.idRange ?? section.headingRange,
                                "section \"\(section.id)\" is not in the source",
                                help: Suggestion.closest(to: section.id, among: expected).map { "the source has \"\($0)\"" }
                                    ?? "use the source's section ids: \(expected.joined(separator: ", "))"))
        }
        let foundIDs = Set(found.map(\.id))
        for id in expected where !foundIDs.contains(id) {
            // A renamed id was reported above; only a section with no counterpart is reported missing.
            if found.contains(where: { !expected.contains($0.id) && Suggestion.closest(to: $0.id, among: expected) == id }) {
                continue
            }
            out.append(.warning("translation.sections", file: file.path, at: file.bodyStart,
                                "section \"\(id)\" of the source is missing",
                                help: "add a heading ending in {#\(id)}"))
        }
        return out
    }

    private func steps(_ file: EntryFile, against source: EntryFile, rules: [SectionRule]) -> [Diagnostic] {
        rules.filter { $0.content == .orderedList }.compactMap { rule in
            guard let expected = Self.firstList(in: source.body.section(id: rule.id)),
                  let section = file.body.section(id: rule.id), let found = Self.firstList(in: section),
                  found.list.items.count != expected.list.items.count else { return nil }
            return .warning("translation.steps", file: file.path, at: found.range,
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
        for (kind, value, range) in found.items where !expected.contains(kind, value) {
            out.append(.warning("translation.parity", file: file.path, at: range,
                                "\(kind) \(value) is not in the source",
                                help: "translations keep the source's \(kind)s unchanged"))
        }
        for (kind, value, _) in expected.items where !found.contains(kind, value) {
            out.append(.warning("translation.parity", file: file.path, at: file.bodyStart,
                                "\(kind) \(value) of the source is missing here",
                                help: "keep every \(kind) of the source in the translation"))
        }
        return out
    }
}
