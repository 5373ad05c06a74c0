import GuideModel

/// What the site emitter keeps of a build in memory, so the next build in
/// place (`guide serve`) re-renders only pages whose inputs changed: the
/// fingerprint of everything global (templates, strings, guide.yml, schemas,
/// drafts), every entry's fingerprint, and per file its bytes' hash and, for
/// a page, the entries it was rendered from.
struct SiteRecord: Sendable {

    var global: SiteInputs
    var entries: [String: String]
    var files: [String: File]

    struct File: Sendable {
        var hash: UInt64
        /// nil for files written on every build (search index, offline
        /// lists, service worker, assets, media).
        var dependencies: PageDependencies?
    }

    /// The entries added, removed or changed since `old`.
    func changes(since old: SiteRecord) -> EntryChanges {
        var changed: Set<String> = []
        for (key, fingerprint) in entries where old.entries[key] != fingerprint { changed.insert(key) }
        for key in old.entries.keys where entries[key] == nil { changed.insert(key) }
        return EntryChanges(entries: changed)
    }

    init(global: SiteInputs, entries: [String: String], files: [String: File] = [:]) {
        self.global = global
        self.entries = entries
        self.files = files
    }
}

/// The entries a page's bytes depend on, besides what is global.
enum PageDependencies: Sendable, Equatable {
    /// Every entry (the home page's counts).
    case all
    /// Every entry of these types (a listing), and these entries.
    case entries(types: [EntryType], references: [String])

    /// Whether a page rendered with `old` (or to be rendered with `self`)
    /// must be rendered again after `changes`. The union of old and new
    /// dependencies matters: an entry leaving a list changes it.
    func isStale(recorded old: PageDependencies, changes: EntryChanges) -> Bool {
        if changes.entries.isEmpty { return false }
        switch (self, old) {
        case (.all, _), (_, .all):
            return true
        case (.entries(let types, let references), .entries(let oldTypes, let oldReferences)):
            return types.contains(where: changes.types.contains) || oldTypes.contains(where: changes.types.contains)
                || references.contains(where: changes.contains) || oldReferences.contains(where: changes.contains)
        }
    }

    static let none = PageDependencies.entries(types: [], references: [])
}

/// The entries (`type/id`) that changed between two builds, and their types.
struct EntryChanges: Sendable {
    let entries: Set<String>
    let types: Set<EntryType>
    /// The same entries as a list, when there are few (an edit changes one):
    /// comparing a few strings is cheaper than hashing each one looked up.
    private let few: [String]?

    init(entries: Set<String>) {
        self.entries = entries
        types = Set(entries.compactMap { EntryType(rawValue: String($0.prefix { $0 != "/" })) })
        few = entries.count <= 4 ? Array(entries) : nil
    }

    func contains(_ entry: String) -> Bool {
        if let few { return few.contains(entry) }
        return entries.contains(entry)
    }
}
