import Dispatch
import GuideModel
import JSON
import Markdown
import Parallel

/// The guide as the site shows it: which entries have a page in which
/// language, and what each page shows. Built once, read by every page.
struct SiteModel: Sendable {
    let guide: Guide
    let drafts: Bool
    let languages: [String]
    let source: String
    /// Entries in builds, by type then id.
    let entries: [Entry]
    /// What each language shows of each entry; absent when it has no page there.
    let localized: [String: [Reference: LocalizedEntry]]
    /// The same, per language and type, in `entries` order (built once: lists read them often).
    private let byType: [String: [EntryType: [LocalizedEntry]]]
    /// The source-language file's front matter of each entry (fields a translation lacks).
    private let sourceFrontMatter: [Reference: JSONObject]
    /// Every entry of the guide by its reference's text (`type/id`), so the
    /// references pages name are looked up rather than parsed again each time.
    private let referencesByText: [String: Reference]
    /// Per language, the page each published entry's reference leads to
    /// (`target(of:in:)` without a section), by reference and by its text.
    private let targets: [String: [Reference: String]]
    private let targetsByText: [String: [String: String]]

    init(guide: Guide, drafts: Bool) {
        self.guide = guide
        self.drafts = drafts
        languages = guide.config.languageCodes
        source = guide.config.sourceLanguage
        entries = guide.publishedEntries(drafts: drafts)
        // Each language's share is independent: built on all cores.
        struct Language {
            var localized: [Reference: LocalizedEntry] = [:]
            var byType: [EntryType: [LocalizedEntry]] = [:]
            var targets: [Reference: String] = [:]
            var targetsByText: [String: String] = [:]
        }
        let (languages, entries, source) = (self.languages, self.entries, self.source)
        let perLanguage = Parallel.map(languages.count) { index in
            let language = languages[index]
            var result = Language()
            for entry in entries {
                if let shown = guide.localized(entry, in: language, drafts: drafts) {
                    result.localized[entry.reference] = shown
                }
            }
            for type in EntryType.allCases {
                result.byType[type] = entries.filter { $0.type == type }.compactMap { result.localized[$0.reference] }
            }
            // `target(of:in:)` of every published entry (no section): its page here, else the source language's.
            for entry in entries {
                let pageLanguage = result.localized[entry.reference] != nil ? language : source
                let target = SitePaths.entry(pageLanguage, entry.type, entry.id)
                result.targets[entry.reference] = target
                result.targetsByText[entry.reference.description] = target
            }
            return result
        }
        var localized: [String: [Reference: LocalizedEntry]] = [:]
        var byType: [String: [EntryType: [LocalizedEntry]]] = [:]
        var targets: [String: [Reference: String]] = [:]
        var targetsByText: [String: [String: String]] = [:]
        for (language, built) in zip(languages, perLanguage) {
            localized[language] = built.localized
            byType[language] = built.byType
            targets[language] = built.targets
            targetsByText[language] = built.targetsByText
        }
        self.localized = localized
        self.byType = byType
        self.targets = targets
        self.targetsByText = targetsByText
        var sourceFrontMatter: [Reference: JSONObject] = [:]
        for entry in entries {
            if let file = guide.sourceFile(of: entry) { sourceFrontMatter[entry.reference] = file.frontMatter }
        }
        self.sourceFrontMatter = sourceFrontMatter
        var referencesByText: [String: Reference] = [:]
        for entry in guide.allEntries { referencesByText[entry.reference.description] = entry.reference }
        self.referencesByText = referencesByText
    }

    /// `Reference(parsing: text)`, looked up when `text` is an entry's own `type/id`.
    func reference(_ text: String) -> Reference? {
        referencesByText[text] ?? Reference(parsing: text)
    }

    func shown(_ reference: Reference, in language: String) -> LocalizedEntry? {
        localized[language]?[reference.entry]
    }

    /// Entries with a page in `language`, optionally of one type, by id.
    func entries(of type: EntryType, in language: String) -> [LocalizedEntry] {
        byType[language]?[type] ?? []
    }

    /// The page a reference leads to from a `language` page: the same
    /// language's, or the source language's when that language has none.
    func target(of reference: Reference, in language: String) -> String? {
        if let known = targets[language] {
            guard let path = known[reference.entry] else { return nil }
            guard let section = reference.section else { return path }
            return path + "#" + section
        }
        // A language the guide does not declare: worked out as the tables are.
        let entryReference = reference.entry
        guard guide.entry(entryReference).map({ guide.isPublished($0, drafts: drafts) }) == true else { return nil }
        let pageLanguage = shown(entryReference, in: language) != nil ? language : source
        var path = SitePaths.entry(pageLanguage, reference.type, reference.id)
        if let section = reference.section { path += "#" + section }
        return path
    }

    /// A value of an entry's front matter: the shown file's, else the source's.
    func field(_ key: String, of shown: LocalizedEntry) -> JSONValueBox? {
        if let value = shown.file.frontMatter[key] { return JSONValueBox(value: value, language: shown.file.language) }
        if let value = sourceFrontMatter[shown.entry.reference]?[key] {
            return JSONValueBox(value: value, language: source)
        }
        return nil
    }

    /// Resolves Markdown link targets on `page` (a `language` page): references
    /// to their pages, `media/…` to the copied media; unknown references are
    /// made unsafe so the renderer keeps only their text.
    func linkResolver(page: String, language: String) -> @Sendable (String) -> String? {
        let model = self
        let root = SitePaths.rootPrefix(of: page)
        let known = targetsByText[language] ?? [:]
        return { destination in
            // Most links name a published entry (`type/id`, maybe `#section`): looked up.
            if let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#")) {
                if let target = known[String(destination[..<hash])] {
                    return root + target + destination[hash...]
                }
            } else if let target = known[destination] {
                return root + target
            }
            if let reference = Reference(parsing: destination) {
                guard let target = model.target(of: reference, in: language) else { return "about:invalid" }
                return SitePaths.link(from: page, to: target)
            }
            if destination.hasPrefix("media/") { return SitePaths.link(from: page, to: destination) }
            return nil
        }
    }

    /// Renders an entry's body for `page`, with headings shifted so the
    /// body's highest heading is an `<h2>` under the page's `<h1>`.
    func bodyHTML(_ shown: LocalizedEntry, page: String, language: String) -> String {
        let levels = shown.file.body.headings.map(\.heading.level)
        let shift = (levels.min()).map { 2 - $0 } ?? 0
        let renderer = HTMLRenderer(
            headingLevelShift: shift, idPrefix: "",
            linkResolver: linkResolver(page: page, language: language))
        return renderer.render(shown.file.body)
    }
}

/// A front-matter value with the language of the file it came from.
struct JSONValueBox {
    var value: JSONValue
    var language: String
}
