import Glibc

/// A folder's entries with their types as `readdir` reports them: one call
/// per folder instead of a `stat` per entry. The type is `DT_UNKNOWN` where
/// the file system does not say; callers `lstat` those.
public enum FolderListing {
    public struct Item: Sendable {
        public let name: String
        public let type: UInt8
    }

    /// The entries of `folder` but `.` and `..`, in no order; nil when it cannot be opened.
    public static func items(of folder: String) -> [Item]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var items: [Item] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { items.append(Item(name: name, type: entry.pointee.d_type)) }
        }
        return items
    }
}
