import Diagnostics
import FileSystem
import Foundation
import GuideModel

/// Lists the files under `Content/` (or `Templates/`) without ever looping or
/// leaving it: a symbolic link is followed only when its target lies inside
/// the folder; a link that leads outside it, back into a folder already being
/// walked, or nowhere is a diagnostic and is never followed (so no file from
/// elsewhere on the machine is read or published), and so is anything that
/// is neither a file nor a folder (a FIFO, a socket, a device).
struct ContentWalker: Sendable {
    struct File: Hashable, Sendable {
        /// Path relative to the content folder, with `/` separators.
        var relative: String
        var path: String
    }

    let root: URL
    let displayRoot: String

    typealias Walk = (files: [File], diagnostics: [Diagnostic])

    func walk() -> Walk {
        var files: [File] = []
        var diagnostics: [Diagnostic] = []
        guard let rootReal = ContentWalker.realPath(root.path) else { return ([], []) }
        visit(
            root.path, relative: "", rootReal: rootReal, ancestors: [rootReal], files: &files, diagnostics: &diagnostics
        )
        files.sort { $0.relative < $1.relative }
        return (files, diagnostics)
    }

    private func visit(
        _ directory: String, relative: String, rootReal: String, ancestors: Set<String>,
        files: inout [File], diagnostics: inout [Diagnostic]
    ) {
        guard let entries = Self.list(directory) else {
            diagnostics.append(.error("file.unreadable", file: display(relative), at: nil, "cannot read this folder"))
            return
        }
        for (name, listedType) in entries where !name.hasPrefix(".") {
            let path = directory + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            var type = listedType == UInt8(DT_UNKNOWN) ? Self.linkType(path) : listedType
            var real = path
            if type == UInt8(DT_LNK) {
                guard let resolved = ContentWalker.realPath(path), let target = Self.targetType(resolved) else {
                    diagnostics.append(
                        .error(
                            "file.symlink", file: display(rel), at: nil,
                            "symbolic link cannot be followed (broken, or it loops)",
                            help: "remove the link or point it at an existing file"))
                    continue
                }
                guard resolved == rootReal || resolved.hasPrefix(rootReal == "/" ? "/" : rootReal + "/") else {
                    diagnostics.append(
                        .error(
                            "file.symlink", file: display(rel), at: nil,
                            "symbolic link leads outside \(displayRoot)/ (to \(resolved)); it is not followed",
                            help: "copy what it points at into \(displayRoot)/, or remove the link"))
                    continue
                }
                real = resolved
                type = target
            }
            if type == UInt8(DT_DIR) {
                let resolved = ContentWalker.realPath(real) ?? real
                if ancestors.contains(resolved) {
                    diagnostics.append(
                        .error(
                            "file.symlink", file: display(rel), at: nil,
                            "symbolic link loops back to a folder that contains it",
                            help: "remove the link"))
                    continue
                }
                visit(
                    path, relative: rel, rootReal: rootReal, ancestors: ancestors.union([resolved]),
                    files: &files, diagnostics: &diagnostics)
            } else if type == UInt8(DT_REG) {
                files.append(File(relative: rel, path: path))
            } else {
                // A FIFO, socket or device: reading it could block or never end.
                diagnostics.append(
                    .error(
                        "file.unreadable", file: display(rel), at: nil, "not a regular file",
                        help: "remove it: Content/ holds only ordinary files and folders"))
            }
        }
    }

    /// A folder's entries with their types, sorted by name (readdir: one call per
    /// folder instead of a stat per file).
    private static func list(_ directory: String) -> [(String, UInt8)]? {
        FolderListing.items(of: directory)?.map { ($0.name, $0.type) }.sorted { $0.0 < $1.0 }
    }

    private static func linkType(_ path: String) -> UInt8 {
        var info = stat()
        guard fstatat(AT_FDCWD, path, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return UInt8(DT_UNKNOWN) }
        return entryType(mode: info.st_mode)
    }

    private static func targetType(_ path: String) -> UInt8? {
        var info = stat()
        guard fstatat(AT_FDCWD, path, &info, 0) == 0 else { return nil }
        return entryType(mode: info.st_mode)
    }

    private static func entryType(mode: mode_t) -> UInt8 {
        switch mode & S_IFMT {
        case S_IFDIR: return UInt8(DT_DIR)
        case S_IFREG: return UInt8(DT_REG)
        case S_IFLNK: return UInt8(DT_LNK)
        default: return UInt8(DT_FIFO)
        }
    }

    func display(_ relative: String) -> String {
        relative.isEmpty ? displayRoot : displayRoot + "/" + relative
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
