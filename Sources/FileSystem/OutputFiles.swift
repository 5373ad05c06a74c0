import Foundation
import Glibc

/// File operations for output folders: carrying files over, writing and
/// replacing them, removing them.
public enum OutputFiles {
    /// Makes `relative` in `folder` the same file as in `previous` (a hard
    /// link; a copy where links are not possible). False when the previous
    /// file is missing.
    public static func reuse(_ relative: String, from previous: URL, into folder: URL) -> Bool {
        let source = previous.path + "/" + relative
        let target = folder.path + "/" + relative
        if link(source, target) == 0 { return true }
        switch errno {
        case ENOENT:
            guard access(source, F_OK) == 0 else { return false }
            createParent(of: target)
        case EEXIST:
            unlink(target)
        default:
            break
        }
        if link(source, target) == 0 { return true }
        return (try? FileManager.default.copyItem(atPath: source, toPath: target)) != nil
    }

    /// Replaces a file in a folder that is being served (`guide serve`):
    /// written beside it, then renamed over it, so a reader sees the old
    /// bytes or the new, never a part. Returns 0 or the `errno`.
    public static func replace(_ path: String, with bytes: [UInt8]) -> Int32 {
        let temporary = path + ".partial-\(getpid())"
        let error = write(temporary, bytes)
        if error != 0 {
            unlink(temporary)
            return error
        }
        return rename(temporary, path) == 0 ? 0 : errno
    }

    /// Writes a new file (truncating one that exists). Returns 0 or the `errno`.
    public static func write(_ path: String, _ bytes: [UInt8]) -> Int32 {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            createParent(of: path)
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { return errno }
        defer { close(descriptor) }
        return bytes.withUnsafeBytes { raw -> Int32 in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
    }

    /// Removes a file and then its folders, up to `root`, as they empty.
    public static func remove(_ relative: String, in root: URL) {
        unlink(root.path + "/" + relative)
        var folder = (relative as NSString).deletingLastPathComponent
        while !folder.isEmpty, rmdir(root.path + "/" + folder) == 0 {
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    static func createParent(of path: String) {
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true)
    }
}
