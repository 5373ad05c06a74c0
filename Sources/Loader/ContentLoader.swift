import Diagnostics
import FileSystem
import Foundation
import GuideModel
import JSON
import Parallel
import Synchronization

/// Reads `Content/` into a `Guide`: guide.yml, schemas, entries (in parallel),
/// handout definitions and media. Problems that stop a file from being read
/// are diagnostics; everything that can be read is returned for checking.
public struct ContentLoader {
    public let root: URL
    /// The folder as the user named it, used as the prefix of every path in diagnostics.
    public let displayRoot: String
    /// The last published bundle when the command line names one: `guide.yml`'s
    /// `published_bundle` is then not read.
    public var publishedBundle: PublishedBundle?

    public init(root: URL, displayRoot: String) {
        self.root = root
        self.displayRoot = displayRoot
    }

    /// Reads everything; with a `cache` (kept by `guide serve` between
    /// loads), entry files whose size, modification time and inode are
    /// unchanged are taken from it instead of being read and parsed again.
    ///
    /// `changed`, when the caller knows it (a file watcher's report), lists
    /// every path changed since the last load: if those are all files the
    /// last load saw, and still are, the folders are not walked again and
    /// only those files are looked at. Anything else (a file added or
    /// removed, a folder, a path outside) means a full walk. When those
    /// files are all entry files, the last load is patched with them
    /// (`patch(_:edited:cache:)`) instead of being assembled again.
    public func load(cache: LoadCache? = nil, changed: [String]? = nil) -> LoadedContent {
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceText] = [:]
        let walker = ContentWalker(root: root, displayRoot: displayRoot)
        let known = changed.flatMap { cache?.walk(root: root, unchangedExcept: $0) }
        let (files, walkDiagnostics) = known?.walk ?? walker.walk()
        if known == nil { cache?.store(walk: (files, walkDiagnostics), root: root) }
        let edited = known?.edited
        if let edited, let cache, let last = cache.lastLoad(of: root),
            let patched = patch(last, edited: edited, cache: cache)
        {
            cache.remember(patched, root: root, entryFiles: last.entryFiles)
            return patched
        }
        diagnostics += walkDiagnostics

        var configDocument: YAMLDocument?
        var config = GuideConfig()
        if let guideFile = files.first(where: { $0.relative == "guide.yml" }) {
            if let parsed = ParsedYAMLFile.read(
                guideFile.path, path: walker.display("guide.yml"),
                into: &diagnostics, sources: &sources),
                let object = parsed.value.objectValue
            {
                configDocument = YAMLDocument(path: parsed.path, value: object, positions: parsed.positions)
                config = GuideConfig(json: object)
            }
        } else {
            diagnostics.append(
                .error(
                    "config.missing", file: walker.display("guide.yml"), at: nil,
                    "guide.yml is missing", help: "create \(walker.display("guide.yml")) with the guide's settings"))
        }

        // The schemas are compiled on another thread while the entry files load (they need only guide.yml).
        let schemaFiles = files.filter { $0.relative.hasPrefix("schema/") }
        let schemaLoad = Background {
            let load = {
                var found: [Diagnostic] = []
                var read: [String: SourceText] = [:]
                let schemas = SchemaSet.load(schemaFiles, walker: walker, diagnostics: &found, sources: &read)
                return (schemas, found, read)
            }
            return cache?.schemas(of: schemaFiles, load: load) ?? load()
        }

        var entryJobs: [EntryFileJob] = []
        var handouts: [HandoutDefinition] = []
        var media: Set<String> = []
        var termbase: Termbase?
        for file in files {
            let relative = file.relative
            guard let slash = relative.utf8.firstIndex(of: UInt8(ascii: "/")) else {
                if relative == Termbase.fileName {
                    termbase = Termbase.load(
                        file.path, path: walker.display(relative), into: &diagnostics, sources: &sources)
                } else if relative != "guide.yml", relative != TombstoneRecords.fileName, !relative.hasSuffix(".md") {
                    unexpected(file, walker, &diagnostics)
                }
                continue
            }
            let folder = String(relative[..<slash])
            let rest = String(relative[relative.utf8.index(after: slash)...])
            if let type = EntryType(rawValue: folder), !rest.utf8.contains(UInt8(ascii: "/")) {
                entryJobs.append(EntryFileJob(type: type, name: rest, file: file))
            } else if folder == "handouts", !rest.utf8.contains(UInt8(ascii: "/")), rest.hasSuffix(".yml") {
                let id = String(rest.dropLast(4))
                // The id names the PDFs (<id>.<lang>.pdf): the same rule as entry ids.
                guard Identifier.isValid(id) else {
                    diagnostics.append(
                        .error(
                            "file.id", file: walker.display(file.relative), at: nil,
                            "\"\(id)\" is not a valid handout id: use lower-case letters, digits and single hyphens",
                            help: "rename the file to \(Identifier.normalised(id)).yml"))
                    continue
                }
                if let parsed = ParsedYAMLFile.read(
                    file.path, path: walker.display(file.relative),
                    into: &diagnostics, sources: &sources)
                {
                    handouts.append(HandoutDefinition(id: id, file: parsed))
                }
            } else if folder == "media" {
                media.insert(file.relative)
            } else if folder != "schema" {
                unexpected(file, walker, &diagnostics)
            }
        }

        let loader = EntryFileLoader(declaredLanguages: config.languageCodes)
        cache?.startLoad()
        // Files the watcher did not report are taken as they are, in one look at the cache.
        let unchanged = edited.flatMap { edited in
            cache?.outputs(for: entryJobs.map(\.file.path), except: edited, languages: loader.declaredLanguages)
        }
        let jobs = entryJobs
        let outputs = Parallel.map(jobs.count) { i -> EntryFileLoader.Output? in
            if let kept = unchanged?[i] { return kept }
            let (type, name, file) = (jobs[i].type, jobs[i].name, jobs[i].file)
            let stamp = cache.map { _ in FileStamp(file.path) }
            if let stamp, let kept = cache?.output(for: file.path, stamp: stamp, languages: loader.declaredLanguages) {
                return kept
            }
            let output = loader.load(type: type, name: name, file: file.path, path: walker.display(file.relative))
            if let stamp { cache?.store(output, for: file.path, stamp: stamp, languages: loader.declaredLanguages) }
            return output
        }
        if edited == nil { cache?.keep(only: Set(entryJobs.map(\.file.path))) }
        var entries: [EntryType: [String: Entry]] = [:]
        for output in outputs {
            guard let output else { continue }
            diagnostics += output.diagnostics
            if let source = output.source { sources[source.path] = source }
            guard let file = output.file else { continue }
            entries[file.type, default: [:]][file.id, default: Entry(type: file.type, id: file.id)].files[
                file.language] = file
        }

        let (schemas, schemaDiagnostics, schemaSources) = schemaLoad.value
        diagnostics += schemaDiagnostics
        sources.merge(schemaSources) { $1 }
        var guide = Guide(
            config: config, configDocument: configDocument, entries: entries,
            handouts: handouts.sorted { $0.id < $1.id }, media: media,
            fieldRules: schemas.fieldRules, sectionRules: schemas.sectionRules)
        guide.contentSchemas = schemas.documents
        guide.tombstones = TombstoneRecords.load(
            from: files, config: configDocument, published: publishedBundle,
            walker: walker, diagnostics: &diagnostics, sources: &sources)
        guide.termbase = termbase
        guide.contentFolder = root
        guide.contentFolderDisplay = displayRoot
        guide.computeSourceHashes(memo: cache?.sourceHashes)
        let content = LoadedContent(guide: guide, schemas: schemas, sources: sources, diagnostics: diagnostics)
        cache?.remember(
            content, root: root, entryFiles: Dictionary(entryJobs.map { ($0.file.path, $0) }) { first, _ in first })
        return content
    }

    private func unexpected(_ file: ContentWalker.File, _ walker: ContentWalker, _ diagnostics: inout [Diagnostic]) {
        diagnostics.append(
            .warning(
                "file.unexpected", file: walker.display(file.relative), at: nil,
                "file is not part of the guide and is ignored",
                help: "entries go in concepts/, indicators/, protocols/ or helplines/ as <id>.<language>.md"))
    }
}

/// What loading produced: the guide, its schemas, the source text of every
/// file read (for printing diagnostics), and the problems found so far.
public struct LoadedContent: Sendable {
    public var guide: Guide
    public var schemas: SchemaSet
    public var sources: [String: SourceText]
    public var diagnostics: [Diagnostic]
}

/// An entry file found by the walk: its type (the folder) and file name.
struct EntryFileJob: Sendable {
    let type: EntryType
    let name: String
    let file: ContentWalker.File
}

/// A value computed on another thread; `value` waits for it.
private final class Background<Value: Sendable>: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let result = Mutex<Value?>(nil)

    init(_ compute: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            let value = compute()
            self.result.withLock { $0 = value }
            self.done.signal()
        }
    }

    var value: Value {
        done.wait()
        defer { done.signal() }
        guard let value = result.withLock({ $0 }) else { preconditionFailure("signalled before the value was stored") }
        return value
    }
}
