#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GuideModel

/// Builds into a fresh folder beside `Output/` and swaps it in at the end, so
/// a failed or interrupted build leaves the previous output whole.
///
/// `Output/.cache/<output>.record` keeps what each emitter recorded of the
/// build, for the next build to reuse unchanged files (hard links: the
/// staging folder shares them with the old output, which nobody writes to).
struct OutputFolder {
    let destination: URL

    static let cacheFolder = ".cache"

    /// The previous build of one output, when it and its record are there.
    func previous(_ name: String) -> PreviousOutput? {
        let folder = destination.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: folder.path),
              let data = FileManager.default.contents(atPath: recordFile(name, in: destination).path) else { return nil }
        return PreviousOutput(folder: folder, record: OutputRecord(data: data))
    }

    func recordFile(_ name: String, in root: URL) -> URL {
        root.appendingPathComponent(Self.cacheFolder).appendingPathComponent("\(name).record")
    }

    /// Saves an emitter's record into the staging folder (nothing when it recorded nothing).
    func save(_ record: OutputRecord, of name: String, in staging: URL) throws {
        guard let data = record.data else { return }
        let file = recordFile(name, in: staging)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// Runs `build` in a staging folder. On success the staging folder becomes
    /// `destination`; outputs not rebuilt (`--only`) are carried over from the
    /// previous build, with their records. On failure nothing under
    /// `destination` changes.
    func replace(rebuilding names: [String], _ build: (URL) throws -> Bool) throws -> Bool {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let base = destination.lastPathComponent
        removeLeftovers(in: parent, base: base)
        let staging = parent.appendingPathComponent(".\(base).partial-\(getpid())")
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        var succeeded = false
        defer { if !succeeded { try? fm.removeItem(at: staging) } }
        if fm.fileExists(atPath: destination.path) {
            for name in try fm.contentsOfDirectory(atPath: destination.path) where !names.contains(name) && name != Self.cacheFolder {
                try Self.linkTree(name, from: destination, into: staging)
                let record = recordFile(name, in: destination)
                if fm.fileExists(atPath: record.path) {
                    try fm.createDirectory(at: staging.appendingPathComponent(Self.cacheFolder), withIntermediateDirectories: true)
                    try fm.copyItem(at: record, to: recordFile(name, in: staging))
                }
            }
        }
        guard try build(staging) else { return false }
        let old = parent.appendingPathComponent(".\(base).old-\(getpid())")
        if fm.fileExists(atPath: destination.path) { try fm.moveItem(at: destination, to: old) }
        try fm.moveItem(at: staging, to: destination)
        succeeded = true
        TreeRemoval.remove(old.path)
        return true
    }

    /// Recreates `relative` (a file or a folder's tree) of `previous` in
    /// `staging`: folders made, files reused as an incremental build reuses
    /// them (`OutputFiles.reuse`: hard links, copies where linking fails).
    static func linkTree(_ relative: String, from previous: URL, into staging: URL) throws {
        var info = stat()
        guard lstat(previous.path + "/" + relative, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            guard OutputFiles.reuse(relative, from: previous, into: staging) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: staging.path + "/" + relative])
            }
            return
        }
        try FileManager.default.createDirectory(atPath: staging.path + "/" + relative, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: previous.path + "/" + relative) {
            try linkTree(relative + "/" + name, from: previous, into: staging)
        }
    }

    /// Staging and old folders an interrupted build left behind.
    private func removeLeftovers(in parent: URL, base: String) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? []
        where name.hasPrefix(".\(base).partial-") || name.hasPrefix(".\(base).old-") {
            TreeRemoval.remove(parent.appendingPathComponent(name).path)
        }
    }
}
