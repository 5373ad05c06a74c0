import CFileSystem
import FileSystem
import Foundation
import Glibc
import GuideModel

/// The output folder's rules (SPEC "Promises"): it never overlaps the
/// content or templates, a folder `guide` did not write is never emptied,
/// and it always exists whole.
///
/// A build writes into a staging folder beside `Output/`, then exchanges the
/// two in one step (`renameat2` with `RENAME_EXCHANGE`), so `Output/` is at
/// every instant either the previous build or the new one, even if the
/// process is killed; the previous build, now under the staging name, is
/// removed afterwards. Builds of one output folder take turns through a lock
/// file beside it. Every folder `guide` writes carries a marker file; only
/// folders with the marker are ever replaced or removed.
struct OutputFolder {
    /// The output folder, absolute, with its parent's links resolved.
    let destination: URL

    /// The marker file at the top of every folder `guide build` writes.
    static let markerName = ".guide-output"
    static let markerText = "This folder is written by `guide build`, which replaces it whole on every build.\n"

    /// Checks `output` against the rules, before anything is read or written.
    init(output: String, content: String, templates: String) throws {
        let display = "\"\(output)\""
        var info = stat()
        if lstat(URL(fileURLWithPath: output).standardizedFileURL.path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: break
            case S_IFLNK:
                throw EnvironmentError(
                    "the output folder \(display) is a symbolic link; give the folder itself with --output")
            default:
                throw EnvironmentError("the output folder \(display) is a file, not a folder; choose another --output")
            }
        }
        let resolved = Self.resolve(output)
        if resolved.path == "/" {
            throw EnvironmentError(
                "the output folder \(display) is the root folder; choose a folder of its own with --output")
        }
        if let home = Self.home(), resolved.path == home {
            throw EnvironmentError(
                "the output folder \(display) is your home folder; choose a folder of its own with --output")
        }
        for (option, path) in [("content", content), ("templates", templates)] {
            let other = Self.resolve(path)
            let relation: String?
            if other.path == resolved.path {
                relation = "is the \(option) folder"
            } else if Self.isInside(other.path, resolved.path) {
                relation = "contains the \(option) folder \"\(path)\""
            } else if Self.isInside(resolved.path, other.path) {
                relation = "lies inside the \(option) folder \"\(path)\""
            } else {
                relation = nil
            }
            if let relation {
                throw EnvironmentError(
                    "the output folder \(display) \(relation); a build replaces its output folder whole, "
                        + "so it must be apart from --\(option): choose another --output")
            }
        }
        if Self.exists(resolved.path), !Self.isEmptyFolder(resolved.path), !Self.hasMarker(resolved.path),
            !Self.isEarlierOutput(resolved.path)
        {
            throw EnvironmentError(
                "the output folder \(display) exists and was not written by guide, which never empties such a folder; "
                    + "remove it yourself if nothing in it is needed, or choose another --output")
        }
        destination = resolved
    }

    private var parent: URL { destination.deletingLastPathComponent() }
    private var base: String { destination.lastPathComponent }

    /// Runs `build` in a staging folder. On success the staging folder
    /// becomes `destination`; outputs not rebuilt (`--only`) are carried over
    /// from the previous build. On failure nothing under `destination` changes.
    func replace(rebuilding names: [String], _ build: (URL) throws -> Bool) throws -> Bool {
        let fm = FileManager.default
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let lock = try BuildLock(
            path: parent.appendingPathComponent(".\(base).lock").path, waitingFor: destination.path)
        defer { lock.release() }
        restoreInterruptedSwap()
        removeLeftovers()

        let staging = parent.appendingPathComponent(".\(base).partial-\(getpid())")
        try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        var succeeded = false
        defer { if !succeeded { TreeRemoval.remove(staging.path) } }
        try Data(Self.markerText.utf8).write(to: staging.appendingPathComponent(Self.markerName))
        if Self.exists(destination.path) {
            for name in try fm.contentsOfDirectory(atPath: destination.path)
            where !names.contains(name) && name != Self.markerName {
                try Self.linkTree(name, from: destination, into: staging)
            }
        }
        guard try build(staging) else { return false }
        try swap(in: staging)
        succeeded = true
        return true
    }

    /// Puts `staging` in place of `destination` in one step, then removes
    /// the previous output (which the exchange left under the staging name).
    private func swap(in staging: URL) throws {
        guard Self.exists(destination.path) else {
            guard rename(staging.path, destination.path) == 0 else { throw Self.swapError(errno, destination) }
            return
        }
        if guide_exchange_paths(staging.path, destination.path) == 0 {
            TreeRemoval.remove(staging.path)
            return
        }
        guard errno == EINVAL || errno == ENOSYS else { throw Self.swapError(errno, destination) }
        // A file system that cannot exchange (some network and FUSE file
        // systems): two renames. Killed between them, the next build finds
        // the previous output under the old name and puts it back first.
        let old = parent.appendingPathComponent(".\(base).old-\(getpid())")
        guard rename(destination.path, old.path) == 0 else { throw Self.swapError(errno, destination) }
        guard rename(staging.path, destination.path) == 0 else {
            let error = errno
            _ = rename(old.path, destination.path)
            throw Self.swapError(error, destination)
        }
        TreeRemoval.remove(old.path)
    }

    private static func swapError(_ error: Int32, _ destination: URL) -> EnvironmentError {
        EnvironmentError(
            "cannot put the new build in place of \"\(destination.path)\": \(String(cString: strerror(error)))")
    }

    /// After a build killed between the two renames of the fallback swap:
    /// `destination` is missing and the previous output waits under the old name.
    private func restoreInterruptedSwap() {
        guard !Self.exists(destination.path) else { return }
        for name in leftovers(prefix: ".\(base).old-")
        where rename(parent.appendingPathComponent(name).path, destination.path) == 0 {
            return
        }
    }

    /// Staging and old folders an interrupted build of this output left
    /// behind: only those with the marker (the lock is held, so no other
    /// build of this output is writing one).
    private func removeLeftovers() {
        for name in leftovers(prefix: ".\(base).partial-") + leftovers(prefix: ".\(base).old-") {
            TreeRemoval.remove(parent.appendingPathComponent(name).path)
        }
    }

    private func leftovers(prefix: String) -> [String] {
        let names = (FolderListing.items(of: parent.path) ?? []).map(\.name).filter { $0.hasPrefix(prefix) }.sorted()
        return names.filter { Self.hasMarker(parent.appendingPathComponent($0).path) }
    }

    /// Recreates `relative` (a file or a folder's tree) of `previous` in
    /// `staging`: folders made, files hard-linked (copied where linking fails).
    static func linkTree(_ relative: String, from previous: URL, into staging: URL) throws {
        var info = stat()
        guard lstat(previous.path + "/" + relative, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            guard OutputFiles.reuse(relative, from: previous, into: staging) else {
                throw EnvironmentError("cannot carry \"\(previous.path)/\(relative)\" over into the new build")
            }
            return
        }
        try FileManager.default.createDirectory(
            atPath: staging.path + "/" + relative, withIntermediateDirectories: true)
        for item in FolderListing.items(of: previous.path + "/" + relative) ?? [] {
            try linkTree(relative + "/" + item.name, from: previous, into: staging)
        }
    }

    // MARK: Paths

    /// `path` made absolute, with the links of its existing part resolved
    /// (the last component is kept as written when it does not exist yet).
    static func resolve(_ path: String) -> URL {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        if let real = realPath(absolute.path) { return URL(fileURLWithPath: real) }
        var missing: [String] = []
        var existing = absolute
        while realPath(existing.path) == nil, existing.path != "/" {
            missing.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var url = URL(fileURLWithPath: realPath(existing.path) ?? existing.path)
        for component in missing { url.appendPathComponent(component) }
        return url
    }

    /// Whether `inner` lies strictly inside `outer` (both resolved).
    static func isInside(_ inner: String, _ outer: String) -> Bool {
        outer == "/" ? inner != "/" : inner.hasPrefix(outer + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func home() -> String? {
        let home =
            ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? getpwuid(getuid()).flatMap { $0.pointee.pw_dir.map { String(cString: $0) } }
        return home.flatMap { realPath($0) }
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    private static func isEmptyFolder(_ path: String) -> Bool {
        FolderListing.items(of: path)?.isEmpty ?? false
    }

    /// An output of a `guide` from before the marker: only `site`, `handouts`,
    /// `bundle` and `.cache` at the top, and `.cache` holding the records
    /// that version wrote (`<output>.record`), which nothing else writes.
    static func isEarlierOutput(_ folder: String) -> Bool {
        guard let items = FolderListing.items(of: folder)?.map(\.name),
            Set(items).isSubset(of: ["site", "handouts", "bundle", ".cache"]),
            let records = FolderListing.items(of: folder + "/.cache")?.map(\.name), !records.isEmpty
        else { return false }
        let written = Set(["site", "handouts", "bundle"].map { $0 + ".record" })
        return records.allSatisfy(written.contains)
    }

    static func hasMarker(_ folder: String) -> Bool {
        var info = stat()
        return lstat(folder + "/" + markerName, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}

/// An exclusive lock on a file beside the output folder, held for one build
/// (`flock`: released by the system if the process dies). A second build of
/// the same output waits for the first, saying so.
struct BuildLock {
    private let descriptor: Int32

    init(path: String, waitingFor output: String) throws {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw EnvironmentError("cannot create the lock file \"\(path)\": \(String(cString: strerror(errno)))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
        FileHandle.standardError.write(Data("waiting for another build of \"\(output)\" to finish…\n".utf8))
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let error = errno
                close(descriptor)
                throw EnvironmentError("cannot lock \"\(path)\": \(String(cString: strerror(error)))")
            }
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
