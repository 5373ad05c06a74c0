import Foundation

/// Builds into a fresh folder beside `Output/` and swaps it in at the end, so
/// a failed or interrupted build leaves the previous output whole.
struct OutputFolder {
    let destination: URL

    /// Runs `build` in a staging folder. On success the staging folder becomes
    /// `destination`; outputs not rebuilt (`--only`) are carried over from the
    /// previous build. On failure nothing under `destination` changes.
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
            for name in try fm.contentsOfDirectory(atPath: destination.path) where !names.contains(name) {
                try fm.copyItem(at: destination.appendingPathComponent(name), to: staging.appendingPathComponent(name))
            }
        }
        guard try build(staging) else { return false }
        let old = parent.appendingPathComponent(".\(base).old-\(getpid())")
        if fm.fileExists(atPath: destination.path) { try fm.moveItem(at: destination, to: old) }
        try fm.moveItem(at: staging, to: destination)
        succeeded = true
        try? fm.removeItem(at: old)
        return true
    }

    /// Staging and old folders an interrupted build left behind.
    private func removeLeftovers(in parent: URL, base: String) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? []
        where name.hasPrefix(".\(base).partial-") || name.hasPrefix(".\(base).old-") {
            try? fm.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}
