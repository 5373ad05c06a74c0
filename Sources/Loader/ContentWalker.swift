import Diagnostics
import Foundation

/// Lists the files under `Content/` without ever looping: symbolic links are
/// followed, but a link that leads back into a folder already being walked
/// (or that cannot be resolved) is a diagnostic, and so is anything that is
/// neither a file nor a folder (a FIFO, a socket, a device).
struct ContentWalker {
    struct File: Hashable {
        /// Path relative to the content folder, with `/` separators.
        var relative: String
        var url: URL
    }

    let root: URL
    let displayRoot: String

    func walk() -> (files: [File], diagnostics: [Diagnostic]) {
        var files: [File] = []
        var diagnostics: [Diagnostic] = []
        guard let rootReal = ContentWalker.realPath(root.path) else { return ([], []) }
        visit(root, relative: "", ancestors: [rootReal], files: &files, diagnostics: &diagnostics)
        files.sort { $0.relative < $1.relative }
        return (files, diagnostics)
    }

    private func visit(_ directory: URL, relative: String, ancestors: Set<String>,
                       files: inout [File], diagnostics: inout [Diagnostic]) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else {
            diagnostics.append(.error("file.unreadable", file: display(relative), at: nil, "cannot read this folder"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            let rel = relative.isEmpty ? name : relative + "/" + name
            guard let attributes = try? fm.attributesOfItem(atPath: url.path) else { continue }
            var type = attributes[.type] as? FileAttributeType
            var real = url.path
            if type == .typeSymbolicLink {
                guard let resolved = ContentWalker.realPath(url.path),
                      let target = try? fm.attributesOfItem(atPath: resolved) else {
                    diagnostics.append(.error("file.symlink", file: display(rel), at: nil,
                                              "symbolic link cannot be followed (broken, or it loops)",
                                              help: "remove the link or point it at an existing file"))
                    continue
                }
                real = resolved
                type = target[.type] as? FileAttributeType
            }
            if type == .typeDirectory {
                let resolved = ContentWalker.realPath(real) ?? real
                if ancestors.contains(resolved) {
                    diagnostics.append(.error("file.symlink", file: display(rel), at: nil,
                                              "symbolic link loops back to a folder that contains it",
                                              help: "remove the link"))
                    continue
                }
                visit(url, relative: rel, ancestors: ancestors.union([resolved]), files: &files, diagnostics: &diagnostics)
            } else if type == .typeRegular {
                files.append(File(relative: rel, url: url))
            } else {
                // A FIFO, socket or device: reading it could block or never end.
                diagnostics.append(.error("file.unreadable", file: display(rel), at: nil, "not a regular file",
                                          help: "remove it: Content/ holds only ordinary files and folders"))
            }
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
