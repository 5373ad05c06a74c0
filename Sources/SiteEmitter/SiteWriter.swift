import Diagnostics
import Dispatch
import FileSystem
import Foundation
import Glibc
import GuideModel
import Synchronization

/// Writes the site's files, rendering pages in parallel, and remembers what
/// it wrote (path and bytes' hash) for the offline lists and the version.
final class SiteWriter: Sendable {
    struct Written: Sendable {
        let path: String
        let hash: UInt64
    }

    let folder: URL
    /// Writing over the previous output that is being served: each file is
    /// replaced whole (see `OutputFiles.replace`).
    let inPlace: Bool
    private struct Record {
        var mediaProblems: [Diagnostic] = []
        /// Files that could not be written, with the `errno`.
        var failures: [(path: String, error: Int32)] = []
        /// Folders a page creates itself, just before writing (see `createFolders`).
        var ownFolders: Set<String> = []
    }

    private let record = Mutex(Record())

    /// One `site.write` per kind of failure (a full disk fails every file:
    /// one diagnostic, at the first, with the count of the others).
    var problems: [Diagnostic] {
        let (mediaProblems, failures) = record.withLock { ($0.mediaProblems, $0.failures) }
        var result = mediaProblems
        let byError = Dictionary(grouping: failures, by: \.error)
        for error in byError.keys.sorted() {
            let paths = byError[error]!.map(\.path).sorted()
            let more = paths.count > 1 ? " (and \(paths.count - 1) more file\(paths.count == 2 ? "" : "s"))" : ""
            result.append(
                .error(
                    "site.write", file: paths[0], at: nil,
                    "cannot write: \(String(cString: strerror(error)))\(more)",
                    help: "check that the output folder is writable and the disk is not full"))
        }
        return result
    }

    init(folder: URL, inPlace: Bool = false) {
        self.folder = folder
        self.inPlace = inPlace
    }

    /// Creates, once and in order, every folder that holds other folders or
    /// the files of `shared`; the folder of one page alone (most pages:
    /// `<lang>/<type>/<id>/`) is made by that page's own job, in parallel.
    func createFolders(pages: [String], shared: [String]) {
        let parent = Self.parent
        var folders: Set<String> = []
        var parents: Set<String> = []
        for path in pages + shared {
            var folder = parent(path)
            while !folder.isEmpty, folders.insert(folder).inserted {
                let up = parent(folder)
                if !up.isEmpty { parents.insert(up) }
                folder = up
            }
        }
        for path in shared { parents.insert(parent(path)) }
        var pageFolders: [String: Int] = [:]
        for path in pages { pageFolders[parent(path), default: 0] += 1 }
        let ownFolders = Set(pageFolders.filter { !$0.key.isEmpty && $0.value == 1 && !parents.contains($0.key) }.keys)
        record.withLock { $0.ownFolders = ownFolders }
        // Sorted, a parent comes before its children: one mkdir each.
        for relative in folders.subtracting(ownFolders).sorted() {
            let path = folder.path + "/" + relative
            if mkdir(path, 0o755) != 0, errno != EEXIST {
                try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            }
        }
    }

    /// The folder part of a relative output path (`en/concepts/x` of
    /// `en/concepts/x/index.html`, "" for `index.html`), without Foundation's
    /// path bridging, which was most of the time spent planning folders.
    static func parent(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// Renders one page straight from its context to bytes to its file (no page is kept).
    func render(_ page: PlannedPage, with templates: SiteTemplates) -> Written {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32 * 1024)
        templates.render(page.template, page.context(), into: &bytes)
        makeOwnFolder(of: page.path)
        return write(page.path, bytes)
    }

    private func makeOwnFolder(of path: String) {
        let folder = Self.parent(path)
        if record.withLock({ $0.ownFolders.contains(folder) }) { _ = mkdir(self.folder.path + "/" + folder, 0o755) }
    }

    @discardableResult
    func write(_ path: String, _ text: String) -> Written {
        write(path, Array(text.utf8))
    }

    @discardableResult
    func write(_ path: String, _ data: Data) -> Written {
        write(path, [UInt8](data))
    }

    /// Writes `bytes` with plain POSIX calls (folders exist already, see
    /// `createFolders`; a missing one is created and the write retried).
    @discardableResult
    func write(_ path: String, _ bytes: [UInt8]) -> Written {
        let full = folder.path + "/" + path
        let error = inPlace ? OutputFiles.replace(full, with: bytes) : OutputFiles.write(full, bytes)
        if error != 0 {
            let shown = SiteEmitter.display(URL(fileURLWithPath: full))
            record.withLock { $0.failures.append((shown, error)) }
        }
        return Written(path: path, hash: FNV1a.wordHash(bytes))
    }

    /// Copies every file under `source` to `target` (relative), sorted.
    func copyTree(from source: URL, to target: String) throws -> [Written] {
        try copyAll(from: source, to: target)
    }

    private func copyAll(from source: URL, to target: String) throws -> [Written] {
        guard let enumerator = FileManager.default.enumerator(atPath: source.path) else { return [] }
        var relatives: [String] = []
        for case let relative as String in enumerator {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: source.appendingPathComponent(relative).path, isDirectory: &isFolder)
            if exists, !isFolder.boolValue, !relative.hasPrefix("."), !relative.contains("/.") {
                relatives.append(relative)
            }
        }
        return relatives.sorted().compactMap { relative in
            guard let data = FileManager.default.contents(atPath: source.appendingPathComponent(relative).path) else {
                return nil
            }
            let path = "\(target)/\(relative)"
            try? FileManager.default.createDirectory(
                at: folder.appendingPathComponent(path).deletingLastPathComponent(),
                withIntermediateDirectories: true)
            return write(path, data)
        }
    }

    /// Copies media files (paths relative to `Content/`, such as `media/x.svg`).
    /// `displayRoot` is `Content/` as diagnostics show it.
    func copyMedia(_ paths: [String], contentRoot: URL?, displayRoot: String) throws -> [Written] {
        guard let contentRoot else { return [] }
        return paths.compactMap { path in
            guard let data = FileManager.default.contents(atPath: contentRoot.appendingPathComponent(path).path) else {
                let problem = Diagnostic.error(
                    "site.media", file: displayRoot.isEmpty ? path : "\(displayRoot)/\(path)",
                    at: nil, "cannot read the media file",
                    help: "check that the file still exists and is readable, then build again")
                record.withLock { $0.mediaProblems.append(problem) }
                return nil
            }
            try? FileManager.default.createDirectory(
                at: folder.appendingPathComponent(path).deletingLastPathComponent(),
                withIntermediateDirectories: true)
            return write(path, data)
        }
    }

    /// A short hash of every written file, in path order: the site's version.
    static func version(of files: [Written]) -> String {
        var hasher = FNV1a()
        for file in files.sorted(by: { $0.path < $1.path }) {
            hasher.add(file.path)
            hasher.add(littleEndian: file.hash)
        }
        return String(hasher.value, radix: 16)
    }
}
