import Diagnostics
import Foundation
import GuideModel
import Markdown
import Synchronization

/// Answers "does this reference resolve?" and "what did the user mean?" for
/// every check that meets references. Built once per run and shared by
/// reference (it holds the guide, which is large to copy).
///
/// What it answers depends only on the set of entries, each entry's source
/// file's section ids (and whether it has a source file), the schemas' section
/// rules and the unloadable files: `IncrementalChecker` relies on this.
final class ReferenceIndex: Sendable {
    private let guide: Guide
    /// Files that exist but could not be loaded: a reference to them is not a second mistake.
    private let unloadable: Set<String>
    private let allReferences = Mutex<[String]?>(nil)

    init(guide: Guide, unloadable: Set<String> = []) {
        self.guide = guide
        self.unloadable = unloadable
    }

    /// Every entry as `<type>/<id>`, in guide order, for suggestions; made
    /// when first needed (a guide without mistakes never needs it).
    private var all: [String] {
        allReferences.withLock { known in
            if let known { return known }
            let made = EntryType.allCases.flatMap { type in
                (guide.entries[type] ?? [:]).keys.sorted().map { "\(type.rawValue)/\($0)" }
            }
            known = made
            return made
        }
    }

    enum Resolution {
        case resolved
        case unknownEntry(suggestion: String?)
        case unknownSection(known: [String], suggestion: String?)
    }

    func resolve(_ reference: Reference) -> Resolution {
        guard let entry = guide.entries[reference.type]?[reference.id] else {
            let stem = "/\(reference.entry.description)."
            if unloadable.contains(where: { $0.hasSuffix(".md") && $0.contains(stem) }) { return .resolved }
            return .unknownEntry(suggestion: suggestion(for: reference.entry.description))
        }
        guard let section = reference.section else { return .resolved }
        let known = Self.sectionIDs(of: entry, sourceLanguage: guide.config.sourceLanguage)
        if known.isEmpty && entry.files[guide.config.sourceLanguage] == nil { return .resolved }
        if known.contains(section) { return .resolved }
        // A required section missing from the target is reported there (section.missing).
        if guide.sectionRules[reference.type]?.contains(where: { $0.required && $0.id == section }) == true {
            return .resolved
        }
        return .unknownSection(known: known, suggestion: Suggestion.closest(to: section, among: known))
    }

    /// The closest existing reference: a typo in the id, or the right id under another type.
    func suggestion(for text: String) -> String? {
        let all = all
        if let close = Suggestion.closest(to: text, among: all) { return close }
        let id = text.split(separator: "/").last.map(String.init) ?? text
        return all.first { $0.hasSuffix("/" + id) }
    }

    /// Section ids of an entry, taken from its source-language file: what a
    /// `#section` part of a reference to the entry is resolved against.
    static func sectionIDs(of entry: Entry, sourceLanguage: String) -> [String] {
        entry.files[sourceLanguage]?.body.headings.compactMap(\.heading.id) ?? []
    }
}
