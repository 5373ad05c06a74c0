import Diagnostics
import Foundation
import GuideModel
import JSON
import Schema
import Synchronization

/// Checks a guide again after an edit, re-checking only the entries the edit
/// can have changed; `run` always returns what `GuideChecker.run` returns for
/// the same arguments.
///
/// The rule it relies on (see `Check`): what is found in an entry's files
/// (their schema diagnostics and every check's per-entry part) depends only on
///
/// - the entry's own files (`Entry.fingerprint`) and its source hash;
/// - shared inputs: guide.yml's settings, the schemas and the rules read from
///   them, `today`, the media files, the set of entries, and the files the
///   loader could not read;
/// - for references to other entries, the section ids of their source files
///   (and whether they have one).
///
/// So a run re-checks the entries whose files changed, and the entries that
/// name an entry whose section ids changed (`Entry.referencedEntries`), and
/// reuses the previous run's results for all others. When a shared input
/// changed, and on the first run, it checks every entry. guide.yml and the
/// handouts are checked on every run: they are few, and their checks read
/// many entries.
public final class IncrementalChecker: Sendable {
    /// How much of the guide a run checked.
    public struct RunSummary: Sendable, Equatable {
        /// Entries in the guide.
        public var entries: Int
        /// Entries checked; the others' results were reused.
        public var checkedEntries: Int
    }

    /// What one run leaves for the next. Runs hold the lock from start to end.
    private struct Memory {
        var previous: Snapshot?
        var summary = RunSummary(entries: 0, checkedEntries: 0)
        /// guide.yml and handouts that passed their schema (by path), and the schemas they passed.
        var passedGuideFiles: [String: JSONObject] = [:]
        var passedSchemas: (registry: SchemaRegistry?, uris: [String: String])?
    }

    private let memory = Mutex(Memory())

    public init() {}

    /// What the last `run` checked.
    public var lastRun: RunSummary {
        memory.withLock { $0.summary }
    }

    /// Checks `guide` as `GuideChecker.run` does, reusing what the previous
    /// call found in the entries this one cannot have changed. Schemas are
    /// compared by identity: pass the same `SchemaSet` while the schema files
    /// are unchanged, or every entry is checked.
    public func run(
        guide: Guide, schemas: SchemaSet, loadDiagnostics: [Diagnostic], today: Date,
        drafts: Bool = false
    ) -> [Diagnostic] {
        memory.withLock { memory in
            Self.run(
                guide: guide, schemas: schemas, loadDiagnostics: loadDiagnostics, today: today, drafts: drafts,
                memory: &memory)
        }
    }

    private static func run(
        guide: Guide, schemas: SchemaSet, loadDiagnostics: [Diagnostic], today: Date,
        drafts: Bool, memory: inout Memory
    ) -> [Diagnostic] {
        let start: GuideChecker.Start
        switch begin(guide: guide, schemas: schemas, loadDiagnostics: loadDiagnostics, memory: &memory) {
        case .stop(let diagnostics):
            memory.summary = RunSummary(entries: guide.entries.values.reduce(0) { $0 + $1.count }, checkedEntries: 0)
            return diagnostics
        case .proceed(let s):
            start = s
        }
        let context = CheckContext(
            guide: guide, schemas: schemas, today: today, unloadable: start.unloadable, drafts: drafts)
        let entries = guide.allEntries
        // With guide.yml invalid only schema diagnostics are reported: nothing
        // to keep (the previous results stay for when it is fixed).
        if start.configInvalid {
            memory.summary = RunSummary(entries: entries.count, checkedEntries: entries.count)
            return GuideChecker.finish(
                start, context: context,
                entries: GuideChecker.checkEntries(entries, start: start, context: context))
        }

        let shared = SharedInputs(
            guide: guide, entries: entries, schemas: schemas, today: today, unloadable: start.unloadable,
            drafts: drafts)
        let sourceLanguage = guide.config.sourceLanguage
        var records = [EntryRecord?](repeating: nil, count: entries.count)
        var stale: [Int] = []
        if let previous = memory.previous, previous.shared == shared {
            // The same entries in the same order: records line up with `entries`.
            // First the entries whose files changed, then those naming one whose
            // section ids or statuses (what links to it resolve and show) changed.
            var renamedSections: Set<Reference> = []
            for i in entries.indices {
                let record = previous.records[i]
                if record.matches(entries[i], sourceHash: guide.sourceHashes[record.reference]) {
                    records[i] = record
                } else {
                    stale.append(i)
                    if record.sectionIDs != EntryRecord.sectionIDs(of: entries[i], sourceLanguage: sourceLanguage)
                        || record.statuses != EntryRecord.statuses(of: entries[i])
                    {
                        renamedSections.insert(record.reference)
                    }
                }
            }
            if !renamedSections.isEmpty {
                for i in records.indices {
                    guard let record = records[i] else { continue }
                    let referenced = record.referenced ?? entries[i].referencedEntries
                    record.referenced = referenced
                    if !referenced.isDisjoint(with: renamedSections) { stale.append(i) }
                }
            }
        } else {
            stale = Array(entries.indices)
        }

        let results = GuideChecker.checkEntries(stale.map { entries[$0] }, start: start, context: context)
        for (i, result) in zip(stale, results) {
            records[i] = EntryRecord(entries[i], in: guide, result: result, referenced: records[i]?.referenced)
        }
        let done = records.map { $0! }
        memory.previous = Snapshot(shared: shared, records: done)
        memory.summary = RunSummary(entries: entries.count, checkedEntries: stale.count)
        return GuideChecker.finish(start, context: context, entries: done.lazy.map(\.result))
    }

    /// `GuideChecker.begin`, without validating again the guide.yml and
    /// handouts that passed the same schemas unchanged.
    private static func begin(
        guide: Guide, schemas: SchemaSet, loadDiagnostics: [Diagnostic],
        memory: inout Memory
    ) -> GuideChecker.Beginning {
        if let passedSchemas = memory.passedSchemas,
            passedSchemas.registry !== schemas.registry || passedSchemas.uris != schemas.uris
        {
            memory.passedGuideFiles = [:]
        }
        memory.passedSchemas = (schemas.registry, schemas.uris)
        let passedBefore = memory.passedGuideFiles
        let beginning = GuideChecker.begin(guide: guide, schemas: schemas, loadDiagnostics: loadDiagnostics) {
            path, value in
            passedBefore[path] == value
        }
        guard case .proceed(let start) = beginning else { return beginning }
        let failed = Set(start.guideSchemaDiagnostics.map(\.file))
        var passed: [String: JSONObject] = [:]
        if let config = guide.configDocument, !failed.contains(config.path) { passed[config.path] = config.value }
        for handout in guide.handouts where !failed.contains(handout.path) { passed[handout.path] = handout.value }
        memory.passedGuideFiles = passed
        return beginning
    }

    /// The results of the last run that checked entries, and what they were found from.
    private struct Snapshot {
        var shared: SharedInputs
        /// One per entry, in `Guide.allEntries` order.
        var records: [EntryRecord]
    }

    /// One entry's results, with what tells whether they still hold. (A
    /// class: records are handed from run to run, and copying one is a
    /// single reference.)
    private final class EntryRecord {
        let reference: Reference
        /// The entry's files: language and content hash of each, what
        /// `Entry.fingerprint` hashes.
        let files: [(language: String, contentHash: String)]
        let sourceHash: String?
        /// Its source file's section ids, nil without a source file: what references to it resolve against.
        let sectionIDs: [String]?
        /// Each file's `status` by language: whether links to it are shown (see `PublishedLinkCheck`).
        let statuses: [String: String]
        let result: GuideChecker.EntryResult
        /// The entries it names, found when first needed (while the run holds the checker's lock).
        var referenced: Set<Reference>?

        init(_ entry: Entry, in guide: Guide, result: GuideChecker.EntryResult, referenced: Set<Reference>?) {
            reference = entry.reference
            files = entry.files.map { ($0.key, $0.value.contentHash) }
            sourceHash = guide.sourceHashes[reference]
            sectionIDs = Self.sectionIDs(of: entry, sourceLanguage: guide.config.sourceLanguage)
            statuses = Self.statuses(of: entry)
            self.result = result
            self.referenced = referenced
        }

        static func statuses(of entry: Entry) -> [String: String] {
            entry.files.mapValues(\.status)
        }

        static func sectionIDs(of entry: Entry, sourceLanguage: String) -> [String]? {
            entry.files[sourceLanguage].map { _ in ReferenceIndex.sectionIDs(of: entry, sourceLanguage: sourceLanguage)
            }
        }

        /// Whether the entry is as it was when these results were found: the
        /// same languages with the same content hashes (what comparing
        /// `Entry.fingerprint`s decides, without hashing every entry on every
        /// run), and the same source hash. A file without a content hash
        /// (made in code) never matches.
        func matches(_ entry: Entry, sourceHash: String?) -> Bool {
            guard entry.files.count == files.count, sourceHash == self.sourceHash else { return false }
            for (language, file) in entry.files {
                guard !file.contentHash.isEmpty,
                    files.contains(where: { $0.language == language && $0.contentHash == file.contentHash })
                else { return false }
            }
            return true
        }
    }
}

/// Everything besides an entry's own files that its results depend on.
private struct SharedInputs: Equatable {
    var config: GuideConfig
    /// guide.yml as written, and where it is (every file's path starts with its folder).
    var configDocument: JSONObject?
    var configPath: String?
    var fieldRules: [EntryType: FieldRules]
    var sectionRules: [EntryType: [SectionRule]]
    var registry: SchemaRegistry?
    var schemaURIs: [String: String]
    var today: Date
    var media: Set<String>
    /// Every entry, in `Guide.allEntries` order.
    var entries: [Reference]
    var unloadable: Set<String>
    var drafts: Bool
    /// Every entry's term checks read it.
    var termbase: Termbase?

    init(guide: Guide, entries: [Entry], schemas: SchemaSet, today: Date, unloadable: Set<String>, drafts: Bool) {
        config = guide.config
        configDocument = guide.configDocument?.value
        configPath = guide.configDocument?.path
        fieldRules = guide.fieldRules
        sectionRules = guide.sectionRules
        registry = schemas.registry
        schemaURIs = schemas.uris
        self.today = today
        media = guide.media
        self.entries = entries.map(\.reference)
        self.unloadable = unloadable
        self.drafts = drafts
        termbase = guide.termbase
    }

    static func == (a: SharedInputs, b: SharedInputs) -> Bool {
        // The registry is compared by identity (schemas loaded again are new
        // ones); it is held, so its address is not reused by another.
        a.registry === b.registry && a.today == b.today && a.config == b.config && a.configPath == b.configPath
            && a.configDocument == b.configDocument && a.fieldRules == b.fieldRules && a.sectionRules == b.sectionRules
            && a.schemaURIs == b.schemaURIs && a.media == b.media && a.unloadable == b.unloadable
            && a.entries == b.entries
            && a.drafts == b.drafts
            && a.termbase == b.termbase
    }
}
