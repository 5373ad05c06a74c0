import Foundation
import JSON
import Parallel

/// Everything loaded from `Content/`: settings, entries, handouts, media.
public struct Guide: Sendable {
    public var config: GuideConfig
    /// `guide.yml` as written, for validation against its schema.
    public var configDocument: YAMLDocument?
    public var entries: [EntryType: [String: Entry]]
    public var handouts: [HandoutDefinition]
    /// Media files, as paths relative to `Content/` (`media/diagram.svg`).
    public var media: Set<String>
    /// Where the loader read `Content/` (the site copies media files from
    /// there), and that folder as diagnostics show it.
    public var contentFolder: URL?
    public var contentFolderDisplay = "Content"
    /// The schema documents' translatable and per-language field names per type.
    public var fieldRules: [EntryType: FieldRules]
    /// Section rules (`x-sections`) per type.
    public var sectionRules: [EntryType: [SectionRule]]
    /// The current source hash of every entry with a source file, computed once.
    public private(set) var sourceHashes: [Reference: String] = [:]
    /// Entries that left the bundle (`tombstones.yml`) and the last published bundle to compare with.
    public var tombstones = TombstoneRecords()
    /// The content schemas as written, by file name (`common.schema.json`): the bundle's schema is made from them.
    public var contentSchemas: [String: JSONValue] = [:]
    /// The termbase (`termbase.yml`), when the guide has one.
    public var termbase: Termbase?

    public init(
        config: GuideConfig, configDocument: YAMLDocument? = nil, entries: [EntryType: [String: Entry]] = [:],
        handouts: [HandoutDefinition] = [],
        media: Set<String> = [], fieldRules: [EntryType: FieldRules] = [:],
        sectionRules: [EntryType: [SectionRule]] = [:]
    ) {
        self.config = config
        self.configDocument = configDocument
        self.entries = entries
        self.handouts = handouts
        self.media = media
        self.fieldRules = fieldRules
        self.sectionRules = sectionRules
    }

    public func entry(_ reference: Reference) -> Entry? { entries[reference.type]?[reference.id] }

    /// Puts `file` in as the entry's file in `language`, or removes that
    /// language's file (nil); an entry left without files is removed.
    public mutating func setFile(_ file: EntryFile?, type: EntryType, id: String, language: String) {
        entries[type, default: [:]][id, default: Entry(type: type, id: id)].files[language] = file
        if entries[type]?[id]?.files.isEmpty == true { entries[type]?[id] = nil }
    }

    /// Computes every entry's source hash (in parallel), so translation states
    /// are cheap to ask for. With a `memo` (kept by `guide serve` between
    /// loads), hashes of unchanged source files are not computed again.
    public mutating func computeSourceHashes(memo: SourceHashMemo? = nil) {
        let all = allEntries
        let guide = self
        let hashes = Parallel.map(all.count) { guide.computedSourceHash(of: all[$0], memo: memo) }
        for (entry, hash) in zip(all, hashes) { sourceHashes[entry.reference] = hash }
        memo?.prune(keeping: all.count)
    }

    /// Computes the source hashes of the entries `references` name again
    /// (after their files changed; an entry that is gone loses its hash).
    public mutating func updateSourceHashes(of references: some Sequence<Reference>, memo: SourceHashMemo? = nil) {
        for reference in references {
            sourceHashes[reference] = entry(reference).flatMap { computedSourceHash(of: $0, memo: memo) }
        }
        memo?.prune(keeping: entries.values.reduce(0) { $0 + $1.count })
    }

    private func computedSourceHash(of entry: Entry, memo: SourceHashMemo?) -> String? {
        guard let file = sourceFile(of: entry) else { return nil }
        let translatable = fieldRules[entry.type]?.translatable ?? []
        let compute = { SourceHash.of(file, translatable: translatable) }
        guard let memo, !file.contentHash.isEmpty else { return compute() }
        return memo.value(for: file.contentHash + "\u{0}" + translatable.sorted().joined(separator: ","), compute)
    }

    /// The source hash translations of `entry` must record to be current.
    public func sourceHash(of entry: Entry) -> String? {
        sourceHashes[entry.reference]
            ?? sourceFile(of: entry).map {
                SourceHash.of($0, translatable: fieldRules[entry.type]?.translatable ?? [])
            }
    }

    /// All entries of a type, sorted by id.
    public func entries(of type: EntryType) -> [Entry] {
        (entries[type] ?? [:]).values.sorted { $0.id < $1.id }
    }

    /// All entries, by type then id.
    public var allEntries: [Entry] { EntryType.allCases.flatMap { entries(of: $0) } }

    /// The source-language file of an entry, if present.
    public func sourceFile(of entry: Entry) -> EntryFile? { entry.files[config.sourceLanguage] }
}

/// Which front-matter fields a translation may hold, from the schema's annotations.
public struct FieldRules: Sendable, Hashable {
    /// `"x-translatable": true`: translated text, hashed for freshness.
    public var translatable: Set<String>
    /// `"x-per-language": true`: may differ per language, not hashed (e.g. `status`).
    public var perLanguage: Set<String>

    public init(translatable: Set<String>, perLanguage: Set<String>) {
        self.translatable = translatable
        self.perLanguage = perLanguage
    }

    /// Fields allowed in a translation file (besides `source_hash`).
    public var allowedInTranslation: Set<String> { translatable.union(perLanguage) }
}

/// A section the schema declares with `x-sections`.
public struct SectionRule: Sendable, Hashable {
    public enum Content: String, Sendable {
        case orderedList = "ordered-list"
        case bulletList = "bullet-list"
        case paragraph, any
    }
    public var id: String
    public var required: Bool
    public var content: Content
    /// `maxLength`: the most characters the section's text may have (its
    /// plain text, heading excluded), e.g. a paragraph printed on cards.
    public var maxLength: Int?

    public init(id: String, required: Bool, content: Content, maxLength: Int? = nil) {
        self.id = id
        self.required = required
        self.content = content
        self.maxLength = maxLength
    }
}

/// Source hashes by source file content and translatable fields, kept
/// between loads in one process (`guide serve`).
public typealias SourceHashMemo = ProcessMemo<String>
