import Glibc

/// What identifies a file's version without reading it: modification time,
/// size and inode (an editor that saves through a new file changes the
/// inode even within one clock tick). All zero when the file is missing.
public struct FileStamp: Equatable, Sendable {
    public var seconds = 0, nanoseconds = 0, size: Int64 = 0, inode: UInt64 = 0

    /// The stamp of the file at `path` (links followed).
    public init(_ path: String) {
        var info = stat()
        self.init(stat(path, &info) == 0 ? info : stat())
    }

    public init(_ info: stat) {
        let time = info.st_mtim
        seconds = Int(time.tv_sec)
        nanoseconds = Int(time.tv_nsec)
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
    }
}
