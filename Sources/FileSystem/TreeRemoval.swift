import Foundation
import Glibc
import Parallel

/// Removes a folder and everything in it, on all cores: each folder's
/// entries are read once (`readdir`, whose entry types spare a `stat` per
/// file) and unlinked by name. A finished build removes the previous output
/// this way (6,000 folders on a large guide), several times faster than
/// `FileManager.removeItem`, which works on one core through path strings.
/// Removes what it can; whatever is left (a file that cannot be removed)
/// is left to `FileManager` as a last try.
public enum TreeRemoval {
    public static func remove(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            unlink(path)
            return
        }
        // The first two levels are listed here; the folders below them are removed in parallel.
        var folders: [String] = []
        for child in entries(of: path) where child.isFolder {
            let below = entries(of: child.path).filter(\.isFolder).map(\.path)
            folders += below.isEmpty ? [child.path] : below
        }
        let found = folders
        Parallel.forEach(found.count) { removeTree(found[$0]) }
        removeTree(path)
        if FileManager.default.fileExists(atPath: path) { try? FileManager.default.removeItem(atPath: path) }
    }

    private struct Child {
        let path: String
        let isFolder: Bool
    }

    private static func entries(of folder: String) -> [Child] {
        (FolderListing.items(of: folder) ?? []).map { item in
            let path = folder + "/" + item.name
            var isFolder = item.type == UInt8(DT_DIR)
            if item.type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            return Child(path: path, isFolder: isFolder)
        }
    }

    /// Depth first: files, then the folders below, then the folder itself.
    private static func removeTree(_ folder: String) {
        for child in entries(of: folder) {
            if child.isFolder { removeTree(child.path) } else { unlink(child.path) }
        }
        rmdir(folder)
    }
}
