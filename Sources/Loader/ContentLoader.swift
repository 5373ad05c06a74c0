import Diagnostics
import Foundation
import GuideModel
import JSON

/// Reads `Content/` into a `Guide`: guide.yml, schemas, entries (in parallel),
/// handout definitions and media. Problems that stop a file from being read
/// are diagnostics; everything that can be read is returned for checking.
public struct ContentLoader {
    public let root: URL
    /// The folder as the user named it, used as the prefix of every path in diagnostics.
    public let displayRoot: String

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
    /// removed, a folder, a path outside) means a full walk.
    public func load(cache: LoadCache? = nil, changed: [String]? = nil) -> LoadedContent {
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceText] = [:]
        let walker = ContentWalker(root: root, displayRoot: displayRoot)
        let known = changed.flatMap { cache?.walk(root: root, unchangedExcept: $0) }
        let (files, walkDiagnostics) = known?.walk ?? walker.walk()
        if known == nil { cache?.store(walk: (files, walkDiagnostics), root: root) }
        let edited = known?.edited
        diagnostics += walkDiagnostics

        var configDocument: YAMLDocument?
        var config = GuideConfig()
        if let guideFile = files.first(where: { $0.relative == "guide.yml" }) {
            if let parsed = ParsedYAMLFile.read(guideFile.path, path: walker.display("guide.yml"),
                                                into: &diagnostics, sources: &sources),
               let object = parsed.value.objectValue {
                configDocument = YAMLDocument(path: parsed.path, value: object, positions: parsed.positions)
                config = GuideConfig(json: object)
            }
        } else {
            diagnostics.append(.error("config.missing", file: walker.display("guide.yml"), at: nil,
                                      "guide.yml is missing", help: "create \(walker.display("guide.yml")) with the guide's settings"))
        }

        let schemaFiles = files.filter { $0.relative.hasPrefix("schema/") }
        let schemas: SchemaSet
        if let cache {
            let loaded = cache.schemas(of: schemaFiles) {
                var found: [Diagnostic] = [], read: [String: SourceText] = [:]
                let schemas = SchemaSet.load(schemaFiles, walker: walker, diagnostics: &found, sources: &read)
                return (schemas, found, read)
            }
            schemas = loaded.schemas
            diagnostics += loaded.diagnostics
            sources.merge(loaded.sources) { $1 }
        } else {
            schemas = SchemaSet.load(schemaFiles, walker: walker, diagnostics: &diagnostics, sources: &sources)
        }

        var entryJobs: [(EntryType, String, ContentWalker.File)] = []
        var handouts: [HandoutDefinition] = []
        var media: Set<String> = []
        for file in files {
            let parts = file.relative.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                if file.relative != "guide.yml", !file.relative.hasSuffix(".md") { unexpected(file, walker, &diagnostics) }
                continue
            }
            let (folder, rest) = (parts[0], parts[1])
            if let type = EntryType(rawValue: folder), !rest.contains("/") {
                entryJobs.append((type, rest, file))
            } else if folder == "handouts", !rest.contains("/"), rest.hasSuffix(".yml") {
                let id = String(rest.dropLast(4))
                if let parsed = ParsedYAMLFile.read(file.path, path: walker.display(file.relative),
                                                    into: &diagnostics, sources: &sources) {
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
        var outputs = edited.flatMap { edited in
            cache?.outputs(for: entryJobs.map(\.2.path), except: edited, languages: loader.declaredLanguages)
        } ?? [EntryFileLoader.Output?](repeating: nil, count: entryJobs.count)
        outputs.withUnsafeMutableBufferPointer { buffer in
            let slots = buffer
            DispatchQueue.concurrentPerform(iterations: entryJobs.count) { i in
                guard slots[i] == nil else { return }
                let (type, name, file) = entryJobs[i]
                let stamp = cache.map { _ in LoadCache.Stamp(file.path) }
                if let stamp, let kept = cache?.output(for: file.path, stamp: stamp, languages: loader.declaredLanguages) {
                    slots[i] = kept
                    return
                }
                let output = loader.load(type: type, name: name, file: file.path, path: walker.display(file.relative))
                if let stamp { cache?.store(output, for: file.path, stamp: stamp, languages: loader.declaredLanguages) }
                slots[i] = output
            }
        }
        if edited == nil { cache?.keep(only: Set(entryJobs.map(\.2.path))) }
        var entries: [EntryType: [String: Entry]] = [:]
        for output in outputs {
            guard let output else { continue }
            diagnostics += output.diagnostics
            if let source = output.source { sources[source.path] = source }
            guard let file = output.file else { continue }
            entries[file.type, default: [:]][file.id, default: Entry(type: file.type, id: file.id)].files[file.language] = file
        }

        var guide = Guide(config: config, configDocument: configDocument, entries: entries,
                          handouts: handouts.sorted { $0.id < $1.id }, media: media,
                          fieldRules: schemas.fieldRules, sectionRules: schemas.sectionRules)
        guide.computeSourceHashes(memo: cache?.sourceHashes)
        return LoadedContent(guide: guide, schemas: schemas, sources: sources, diagnostics: diagnostics)
    }

    private func unexpected(_ file: ContentWalker.File, _ walker: ContentWalker, _ diagnostics: inout [Diagnostic]) {
        diagnostics.append(.warning("file.unexpected", file: walker.display(file.relative), at: nil,
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

/// Entry files as last read, by path, for loads that follow one another in
/// one process (`guide serve`). Thread-safe: files load in parallel.
public final class LoadCache: @unchecked Sendable {
    /// What identifies a file's version without reading it.
    struct Stamp: Equatable {
        var seconds = 0, nanoseconds = 0, size: Int64 = 0, inode: UInt64 = 0

        init(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return }
            seconds = Int(info.st_mtim.tv_sec)
            nanoseconds = Int(info.st_mtim.tv_nsec)
            size = Int64(info.st_size)
            inode = UInt64(info.st_ino)
        }
    }

    private let lock = NSLock()
    /// Source hashes of unchanged source files.
    let sourceHashes = SourceHashMemo()
    private var kept: [String: (stamp: Stamp, languages: [String], output: EntryFileLoader.Output)] = [:]
    private var reads = 0

    public init() {}

    typealias LoadedSchemas = (schemas: SchemaSet, diagnostics: [Diagnostic], sources: [String: SourceText])
    /// The compiled schemas, with the stamps of the files they came from.
    private var schemas: (stamps: [String: Stamp], loaded: LoadedSchemas)?

    /// The schemas compiled from `files`: the ones kept when no schema file
    /// changed, else freshly loaded by `load`.
    func schemas(of files: [ContentWalker.File], load: () -> LoadedSchemas) -> LoadedSchemas {
        var stamps: [String: Stamp] = [:]
        for file in files { stamps[file.path] = Stamp(file.path) }
        lock.lock()
        if let kept = schemas, kept.stamps == stamps, !stamps.values.contains(where: { $0.inode == 0 }) {
            lock.unlock()
            return kept.loaded
        }
        lock.unlock()
        let loaded = load()
        lock.lock()
        schemas = (stamps, loaded)
        lock.unlock()
        return loaded
    }

    /// How many entry files the last load read and parsed (the others came from the cache).
    public var filesReadLastTime: Int {
        lock.lock(); defer { lock.unlock() }
        return reads
    }

    /// An absolute path without `.`, `..` or repeated slashes (no symbolic
    /// links resolved): the form the watcher's and the walker's paths are compared in.
    static func normalised(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The last walk, with its files' paths (normalised) for lookups.
    private var lastWalk: (root: String, walk: ContentWalker.Walk, paths: [String: String])?

    func store(walk: ContentWalker.Walk, root: URL) {
        var paths: [String: String] = [:]
        for file in walk.files { paths[Self.normalised(file.path)] = file.path }
        lock.lock(); defer { lock.unlock() }
        lastWalk = (Self.normalised(root.path), walk, paths)
    }

    /// The last walk of `root` and the files among `changed` (as walked), when every
    /// changed path under `root` is a regular file that walk found and that
    /// is still there; nil when the folders must be walked again.
    func walk(root: URL, unchangedExcept changed: [String]) -> (walk: ContentWalker.Walk, edited: Set<String>)? {
        lock.lock()
        let last = lastWalk
        lock.unlock()
        let rootPath = Self.normalised(root.path)
        guard let last, last.root == rootPath else { return nil }
        var edited: Set<String> = []
        for path in changed {
            let standard = Self.normalised(path)
            guard standard.hasPrefix(rootPath + "/") else { continue }
            var info = stat()
            let exists = lstat(standard, &info) == 0
            guard let walked = last.paths[standard] else {
                // Never seen and already gone: an editor's or tool's temporary file.
                if !exists { continue }
                return nil
            }
            guard exists, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            edited.insert(walked)
        }
        return (last.walk, edited)
    }

    /// The files as last read, without checking them (the caller knows they
    /// are unchanged), but those in `edited`: nil for those and any not kept.
    func outputs(for paths: [String], except edited: Set<String>, languages: [String]) -> [EntryFileLoader.Output?] {
        lock.lock(); defer { lock.unlock() }
        return paths.map { path in
            guard !edited.contains(path), let hit = kept[path], hit.languages == languages else { return nil }
            return hit.output
        }
    }

    func output(for path: String, stamp: Stamp, languages: [String]) -> EntryFileLoader.Output? {
        lock.lock(); defer { lock.unlock() }
        guard let hit = kept[path], hit.stamp == stamp, hit.languages == languages, stamp.inode != 0 else { return nil }
        return hit.output
    }

    func store(_ output: EntryFileLoader.Output, for path: String, stamp: Stamp, languages: [String]) {
        lock.lock(); defer { lock.unlock() }
        kept[path] = (stamp, languages, output)
        reads += 1
    }

    /// Forgets files that are gone; starts counting reads for the next load.
    func keep(only paths: Set<String>) {
        lock.lock(); defer { lock.unlock() }
        kept = kept.filter { paths.contains($0.key) }
    }

    func startLoad() {
        lock.lock(); defer { lock.unlock() }
        reads = 0
    }
}
