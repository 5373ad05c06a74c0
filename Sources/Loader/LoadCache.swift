import Diagnostics
import FileSystem
import Foundation
import GuideModel
import Synchronization

/// Entry files as last read, by path, for loads that follow one another in
/// one process (`guide serve`). Thread-safe: files load in parallel.
public final class LoadCache: Sendable {
    /// Source hashes of unchanged source files.
    let sourceHashes = SourceHashMemo()

    typealias LoadedSchemas = (schemas: SchemaSet, diagnostics: [Diagnostic], sources: [String: SourceText])

    private struct State {
        var kept: [String: (stamp: FileStamp, languages: [String], output: EntryFileLoader.Output)] = [:]
        var reads = 0
        /// The compiled schemas, with the stamps of the files they came from.
        var schemas: (stamps: [String: FileStamp], loaded: LoadedSchemas)?
        /// The last walk, with its files' paths (normalised) for lookups.
        var lastWalk: (root: String, walk: ContentWalker.Walk, paths: [String: String])?
        var last: LastLoad?
    }

    private let state = Mutex(State())

    public init() {}

    /// The schemas compiled from `files`: the ones kept when no schema file
    /// changed, else freshly loaded by `load`.
    func schemas(of files: [ContentWalker.File], load: () -> LoadedSchemas) -> LoadedSchemas {
        var stamps: [String: FileStamp] = [:]
        for file in files { stamps[file.path] = FileStamp(file.path) }
        let kept = state.withLock { $0.schemas }
        if let kept, kept.stamps == stamps, !stamps.values.contains(where: { $0.inode == 0 }) {
            return kept.loaded
        }
        let loaded = load()
        state.withLock { $0.schemas = (stamps, loaded) }
        return loaded
    }

    /// How many entry files the last load read and parsed (the others came from the cache).
    public var filesReadLastTime: Int {
        state.withLock { $0.reads }
    }

    /// An absolute path without `.`, `..` or repeated slashes (no symbolic
    /// links resolved): the form the watcher's and the walker's paths are compared in.
    static func normalised(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                _ = parts.popLast()
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    func store(walk: ContentWalker.Walk, root: URL) {
        var paths: [String: String] = [:]
        for file in walk.files { paths[Self.normalised(file.path)] = file.path }
        let root = Self.normalised(root.path)
        state.withLock { $0.lastWalk = (root, walk, paths) }
    }

    /// The last walk of `root` and the files among `changed` (as walked), when every
    /// changed path under `root` is a regular file that walk found and that
    /// is still there; nil when the folders must be walked again.
    func walk(root: URL, unchangedExcept changed: [String]) -> (walk: ContentWalker.Walk, edited: Set<String>)? {
        let last = state.withLock { $0.lastWalk }
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
        state.withLock { state in
            paths.map { path in
                guard !edited.contains(path), let hit = state.kept[path], hit.languages == languages else { return nil }
                return hit.output
            }
        }
    }

    func output(for path: String, stamp: FileStamp, languages: [String]) -> EntryFileLoader.Output? {
        state.withLock { state in
            guard let hit = state.kept[path], hit.stamp == stamp, hit.languages == languages, stamp.inode != 0 else {
                return nil
            }
            return hit.output
        }
    }

    func store(_ output: EntryFileLoader.Output, for path: String, stamp: FileStamp, languages: [String]) {
        state.withLock { state in
            state.kept[path] = (stamp, languages, output)
            state.reads += 1
        }
    }

    /// Forgets files that are gone; starts counting reads for the next load.
    func keep(only paths: Set<String>) {
        state.withLock { state in state.kept = state.kept.filter { paths.contains($0.key) } }
    }

    /// The last load's result, and the entry files it was read from by
    /// path: a load after edits to entry files only patches it.
    struct LastLoad: Sendable {
        let root: String
        let content: LoadedContent
        let entryFiles: [String: EntryFileJob]
    }

    func remember(_ content: LoadedContent, root: URL, entryFiles: [String: EntryFileJob]) {
        let load = LastLoad(root: Self.normalised(root.path), content: content, entryFiles: entryFiles)
        state.withLock { $0.last = load }
    }

    /// The last load of `root`, if any.
    func lastLoad(of root: URL) -> LastLoad? {
        let load = state.withLock { $0.last }
        return load?.root == Self.normalised(root.path) ? load : nil
    }

    /// The output kept for `path`, whatever its stamp.
    func keptOutput(for path: String) -> EntryFileLoader.Output? {
        state.withLock { $0.kept[path]?.output }
    }

    func startLoad() {
        state.withLock { $0.reads = 0 }
    }
}
