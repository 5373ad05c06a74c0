import FileSystem
import Diagnostics
import Foundation
import GuideModel

/// Entry files as last read, by path, for loads that follow one another in
/// one process (`guide serve`). Thread-safe: files load in parallel.
public final class LoadCache: @unchecked Sendable {
    private let lock = NSLock()
    /// Source hashes of unchanged source files.
    let sourceHashes = SourceHashMemo()
    private var kept: [String: (stamp: FileStamp, languages: [String], output: EntryFileLoader.Output)] = [:]
    private var reads = 0

    public init() {}

    typealias LoadedSchemas = (schemas: SchemaSet, diagnostics: [Diagnostic], sources: [String: SourceText])
    /// The compiled schemas, with the stamps of the files they came from.
    private var schemas: (stamps: [String: FileStamp], loaded: LoadedSchemas)?

    /// The schemas compiled from `files`: the ones kept when no schema file
    /// changed, else freshly loaded by `load`.
    func schemas(of files: [ContentWalker.File], load: () -> LoadedSchemas) -> LoadedSchemas {
        var stamps: [String: FileStamp] = [:]
        for file in files { stamps[file.path] = FileStamp(file.path) }
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

    func output(for path: String, stamp: FileStamp, languages: [String]) -> EntryFileLoader.Output? {
        lock.lock(); defer { lock.unlock() }
        guard let hit = kept[path], hit.stamp == stamp, hit.languages == languages, stamp.inode != 0 else { return nil }
        return hit.output
    }

    func store(_ output: EntryFileLoader.Output, for path: String, stamp: FileStamp, languages: [String]) {
        lock.lock(); defer { lock.unlock() }
        kept[path] = (stamp, languages, output)
        reads += 1
    }

    /// Forgets files that are gone; starts counting reads for the next load.
    func keep(only paths: Set<String>) {
        lock.lock(); defer { lock.unlock() }
        kept = kept.filter { paths.contains($0.key) }
    }

    /// The last load's result, and the entry files it was read from by
    /// path: a load after edits to entry files only patches it.
    struct LastLoad {
        let root: String
        let content: LoadedContent
        let entryFiles: [String: EntryFileJob]
    }

    private var last: LastLoad?

    func remember(_ content: LoadedContent, root: URL, entryFiles: [String: EntryFileJob]) {
        let load = LastLoad(root: Self.normalised(root.path), content: content, entryFiles: entryFiles)
        lock.lock(); defer { lock.unlock() }
        last = load
    }

    /// The last load of `root`, if any.
    func lastLoad(of root: URL) -> LastLoad? {
        lock.lock()
        let load = last
        lock.unlock()
        return load?.root == Self.normalised(root.path) ? load : nil
    }

    /// The output kept for `path`, whatever its stamp.
    func keptOutput(for path: String) -> EntryFileLoader.Output? {
        lock.lock(); defer { lock.unlock() }
        return kept[path]?.output
    }

    func startLoad() {
        lock.lock(); defer { lock.unlock() }
        reads = 0
    }
}
