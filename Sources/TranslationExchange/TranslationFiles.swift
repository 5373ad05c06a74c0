import Diagnostics
import Foundation
import GuideModel

/// Reads entry files as the loader does, and writes imported translations
/// back: only under the content folder, never through a symbolic link, each
/// file written beside its place and renamed over it (so a reader sees the
/// old file or the new one, never half of one), keeping a file's line ends
/// and byte-order mark.
public enum TranslationFiles {
    /// A file's text without a byte-order mark and with LF line ends, as positions count it.
    public static func text(at path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path), var text = String(data: data, encoding: .utf8)
        else { return nil }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.contains("\r") {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    /// Writes the changes under `contentRoot`; a diagnostic (`translate.write`,
    /// at the exchange file) for each file that cannot be written.
    public static func write(_ changes: [FileChange], contentRoot: URL, displayRoot: String, exchangePath: String)
        -> [Diagnostic]
    {
        var problems: [Diagnostic] = []
        let root = contentRoot.standardizedFileURL.path
        for change in changes {
            let parts = change.relativePath.split(separator: "/").map(String.init)
            let shown = displayRoot + "/" + change.relativePath
            func fail(_ message: String) {
                problems.append(
                    .error(
                        "translate.write", file: exchangePath, at: nil, "cannot write \(shown): \(message)",
                        help: "nothing else was written for this file; fix the problem and import again"))
            }
            guard parts.count == 2, EntryType(rawValue: parts[0]) != nil, !parts[1].hasPrefix("."),
                !parts[1].contains("..")
            else {
                fail("not an entry file path")
                continue
            }
            let folder = root + "/" + parts[0]
            let target = folder + "/" + parts[1]
            guard URL(fileURLWithPath: target).standardizedFileURL.path.hasPrefix(root + "/") else {
                fail("outside the content folder")
                continue
            }
            guard isPlain(folder, directory: true) else {
                fail("\(parts[0])/ is not a plain folder (a symbolic link?)")
                continue
            }
            var existing: Data?
            if FileManager.default.fileExists(atPath: target) || isLink(target) {
                guard isPlain(target, directory: false) else {
                    fail("it is not a regular file (a symbolic link?)")
                    continue
                }
                existing = FileManager.default.contents(atPath: target)
            } else if !change.isNew {
                fail("it was removed since the import started")
                continue
            }
            var text = change.text
            if let existing, existing.starts(with: [0xEF, 0xBB, 0xBF]) { text = "\u{FEFF}" + text }
            if let existing, existing.range(of: Data("\r\n".utf8)) != nil {
                text = text.replacingOccurrences(of: "\n", with: "\r\n")
            }
            let temporary = folder + "/." + parts[1] + ".import-\(ProcessInfo.processInfo.processIdentifier)"
            guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
                fail("cannot create a file in \(parts[0])/")
                continue
            }
            if rename(temporary, target) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                fail(reason)
            }
        }
        return problems
    }

    private static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Whether `path` is a real folder or regular file, not a link to one.
    private static func isPlain(_ path: String, directory: Bool) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == (directory ? S_IFDIR : S_IFREG)
    }
}
