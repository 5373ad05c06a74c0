import FileSystem
import Foundation
import Glibc
import Synchronization

/// Watches folders (recursively) and reports the paths that changed.
///
/// On Linux it uses inotify: a change is seen as it happens, at no cost
/// while nothing changes. Where inotify is missing or runs out of watches
/// (`fs.inotify.max_user_watches`), or when asked (`polling`), it looks at
/// every file's modification time, size and inode every 200 ms. Either way, hidden files
/// and editor backups are ignored, and a burst of events (an editor saving
/// through a temporary file) is reported once.
public final class PreviewWatcher: Sendable {
    public let folders: [String]
    private let stopped = Mutex(false)
    private let finished = DispatchSemaphore(value: 0)
    private let chosen = Mutex("polling")

    /// How the watcher sees changes (printed when serve starts).
    public var method: String { chosen.withLock { $0 } }

    /// Polls even where inotify works (`guide serve --poll`).
    public let polling: Bool

    public init(folders: [String], polling: Bool = false) {
        self.folders = folders
        self.polling = polling
    }

    /// Calls `changed` (on the watcher's thread, one call at a time) with the
    /// paths that were added, changed or removed.
    ///
    /// The watch (inotify or polling) is made and used on the watcher's own
    /// thread only; `start` returns once it is in place.
    public func start(_ changed: @escaping @Sendable ([String]) -> Void) {
        let ready = DispatchSemaphore(value: 0)
        let (folders, polling) = (self.folders, self.polling)
        let thread = Thread { [self] in
            if !polling, let notifier = Notifier(folders: folders) {
                chosen.withLock { $0 = "inotify" }
                ready.signal()
                notifier.watch(until: { self.isStopped }, changed)
                notifier.close()
                finished.signal()
                return
            }
            let poller = Poller(folders: folders)
            ready.signal()
            poller.watch(until: { self.isStopped }, changed)
            finished.signal()
        }
        thread.name = "guide serve: watch"
        thread.start()
        ready.wait()
    }

    private var isStopped: Bool { stopped.withLock { $0 } }

    /// Stops watching; waits for a rebuild in progress to finish (up to `timeout` seconds).
    public func stop(timeout: Double = 10) {
        stopped.withLock { $0 = true }
        _ = finished.wait(timeout: .now() + timeout)
    }

    /// Whether a file name is one the watcher ignores: hidden files, editor
    /// backups and swap files.
    public static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
    }
}

/// inotify watches on every folder under the watched ones.
private final class Notifier {
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    private static let mask = UInt32(
        IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO
            | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Nil when inotify cannot watch all the folders (the caller polls instead).
    init?(folders roots: [String]) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        for root in roots where !add(root) {
            Glibc.close(descriptor)
            return nil
        }
    }

    func close() { Glibc.close(descriptor) }

    /// Watches `folder` and every folder below it.
    @discardableResult
    private func add(_ folder: String) -> Bool {
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        guard watch >= 0 else { return errno == ENOENT }
        folders[watch] = folder
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where !PreviewWatcher.isIgnored(name) {
            var isFolder: ObjCBool = false
            let path = folder + "/" + name
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue, !add(path) {
                return false
            }
        }
        return true
    }

    func watch(until stopped: () -> Bool, _ changed: ([String]) -> Void) {
        var pending: Set<String> = []
        while !stopped() {
            // Wait for events; once some arrived, wait briefly for the rest of the burst.
            let quiet = waitForEvents(milliseconds: pending.isEmpty ? 200 : 5)
            if quiet {
                if !pending.isEmpty, !stopped() {
                    changed(pending.sorted())
                    pending = []
                }
                continue
            }
            pending.formUnion(readEvents())
        }
    }

    /// True when nothing arrived within the time.
    private func waitForEvents(milliseconds: Int32) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, milliseconds) <= 0
    }

    private func readEvents() -> [String] {
        var paths: [String] = []
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(
            byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, size)
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = buffer + offset + MemoryLayout<inotify_event>.size
                let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    paths.append(contentsOf: folders.values)
                    continue
                }
                guard let folder = folders[event.wd] else { continue }
                if event.mask & UInt32(IN_IGNORED) != 0 {
                    folders[event.wd] = nil
                    continue
                }
                if name.isEmpty {
                    paths.append(folder)
                    continue
                }
                guard !PreviewWatcher.isIgnored(name) else { continue }
                let path = folder + "/" + name
                paths.append(path)
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    add(path)
                }
            }
        }
        return paths
    }
}

/// Polls every file's modification time, size and inode.
private struct Poller {
    let folders: [String]

    func watch(until stopped: () -> Bool, _ changed: ([String]) -> Void) {
        var last = snapshot()
        while !stopped() {
            usleep(200_000)
            let now = snapshot()
            if stopped() { break }
            let paths = Self.differences(last, now)
            last = now
            if !paths.isEmpty { changed(paths) }
        }
    }

    func snapshot() -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for folder in folders { walk(folder, into: &stamps) }
        return stamps
    }

    private func walk(_ folder: String, into stamps: inout [String: FileStamp]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !PreviewWatcher.isIgnored(name) {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &stamps)
            } else {
                stamps[path] = FileStamp(info)
            }
        }
    }

    static func differences(_ a: [String: FileStamp], _ b: [String: FileStamp]) -> [String] {
        var paths: [String] = []
        for (path, stamp) in b {
            guard let old = a[path] else {
                paths.append(path)
                continue
            }
            if old != stamp { paths.append(path) }
        }
        for path in a.keys where b[path] == nil { paths.append(path) }
        return paths.sorted()
    }
}
