#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Watches folders by polling every file's modification time, size and
/// inode every 200 ms: simple, works on every file system (including bind
/// mounts and network shares, where inotify misses changes), and cheap for a
/// guide of a few thousand files. Hidden files and editor backups are ignored.
final class PreviewWatcher: @unchecked Sendable {
    typealias Stamp = (seconds: Int, nanoseconds: Int, size: Int64, inode: UInt64)

    let folders: [String]
    let interval: useconds_t = 200_000
    private let lock = NSLock()
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    init(folders: [String]) { self.folders = folders }

    /// Calls `changed` (on the watcher's thread, one call at a time) with the
    /// paths that were added, changed or removed since the last look.
    func start(_ changed: @escaping @Sendable ([String]) -> Void) {
        let first = snapshot()
        let thread = Thread { [self] in
            var last = first
            while !isStopped {
                usleep(interval)
                let now = snapshot()
                if isStopped { break }
                let paths = Self.differences(last, now)
                last = now
                if !paths.isEmpty { changed(paths) }
            }
            finished.signal()
        }
        thread.name = "guide serve: watch"
        thread.start()
    }

    private var isStopped: Bool { lock.lock(); defer { lock.unlock() }; return stopped }

    /// Stops watching; waits for a rebuild in progress to finish (up to `timeout` seconds).
    func stop(timeout: Double = 10) {
        lock.lock()
        stopped = true
        lock.unlock()
        _ = finished.wait(timeout: .now() + timeout)
    }

    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for folder in folders { walk(folder, into: &stamps) }
        return stamps
    }

    private func walk(_ folder: String, into stamps: inout [String: Stamp]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !name.hasPrefix(".") && !name.hasSuffix("~") && !name.hasSuffix(".swp") {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &stamps)
            } else {
                #if canImport(Glibc)
                let time = info.st_mtim
                #else
                let time = info.st_mtimespec
                #endif
                stamps[path] = (Int(time.tv_sec), Int(time.tv_nsec), Int64(info.st_size), UInt64(info.st_ino))
            }
        }
    }

    static func differences(_ a: [String: Stamp], _ b: [String: Stamp]) -> [String] {
        var paths: [String] = []
        for (path, stamp) in b {
            guard let old = a[path] else { paths.append(path); continue }
            if old != stamp { paths.append(path) }
        }
        for path in a.keys where b[path] == nil { paths.append(path) }
        return paths.sorted()
    }
}
