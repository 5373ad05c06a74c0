import Foundation
import GuideModel
import Loader

/// `guide status --diff FILE`: what changed in the source since an outdated
/// translation was made. The version it was made from is found in git
/// history by its hash (the one the translation records in `source_hash`).
struct StatusDiff {
    var guide: Guide
    var translation: EntryFile
    var entry: Entry

    enum Outcome {
        /// Text to print; the diff is shown, or there is nothing to show (current, unstamped).
        case report(String)
        /// Git or the old version is not available: said plainly, exit 2.
        case unavailable(String)
    }

    func run() -> Outcome {
        guard let source = guide.sourceFile(of: entry), let currentHash = guide.sourceHash(of: entry) else {
            return .unavailable(
                "\(translation.path) has no source file (\(entry.reference).\(guide.config.sourceLanguage).md) to compare with"
            )
        }
        guard let recorded = translation.string("source_hash") else {
            return .report(
                """
                \(translation.path) has never been stamped (it has no source_hash), so there is no earlier version \
                of the source to compare with. Compare it with the whole source, \(source.path); once it matches, \
                record that with `guide stamp \(translation.path)`.

                """)
        }
        if recorded == currentHash {
            return .report(
                "\(translation.path) is current: \(source.path) has not changed since it was stamped (\(recorded)).\n")
        }
        let sourceURL = URL(fileURLWithPath: source.path)
        let folder = sourceURL.deletingLastPathComponent().path
        let name = sourceURL.lastPathComponent
        guard let inside = git(["rev-parse", "--is-inside-work-tree"], in: folder), inside.status == 0 else {
            let reason = gitMissing ? "git is not installed" : "\(source.path) is not in a git repository"
            return .unavailable(
                """
                cannot show what changed: \(reason), so the version \(translation.path) was translated from \
                (source_hash \(recorded)) cannot be found. Compare the translation with the whole source instead.
                """)
        }
        guard let log = git(["log", "--format=%H", "--", name], in: folder), log.status == 0 else {
            return .unavailable("cannot show what changed: `git log` failed for \(source.path)")
        }
        let commits = log.output.split(separator: "\n").map(String.init)
        let translatable = guide.fieldRules[entry.type]?.translatable ?? []
        for commit in commits {
            guard let show = git(["show", "\(commit):./\(name)"], in: folder), show.status == 0 else { continue }
            guard
                case .success(let old) = EntryFileLoader.parse(
                    show.output, type: entry.type, id: entry.id,
                    language: source.language, path: source.path),
                SourceHash.of(old, translatable: translatable) == recorded
            else { continue }
            let when =
                git(["log", "-1", "--format=%h %cs %s", commit], in: folder)?.output
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? String(commit.prefix(7))
            let current = (try? String(contentsOfFile: source.path, encoding: .utf8)) ?? ""
            let diff = unifiedDiff(
                old: show.output, new: current,
                oldLabel: "\(source.path) (as translated, \(String(commit.prefix(7))))",
                newLabel: "\(source.path) (now)")
            return .report(
                """
                \(translation.path) was translated from \(source.path) as of commit \(when).
                What changed in the source since then:

                \(diff ?? "(the diff could not be computed: `diff` is not available)\n")
                Update the translation, then record it with `guide stamp \(translation.path)`.

                """)
        }
        return .unavailable(
            """
            cannot show what changed: none of the \(commits.count) committed version\(commits.count == 1 ? "" : "s") of \
            \(source.path) has the hash \(translation.path) records (source_hash \(recorded)); it was probably translated \
            from a version that was never committed. Compare the translation with the whole source instead.
            """)
    }

    private var gitMissing: Bool { git(["--version"], in: ".") == nil }

    /// Runs git; nil when git cannot be started.
    private func git(_ arguments: [String], in folder: String) -> (status: Int32, output: String)? {
        StatusProcess.run("/usr/bin/env", ["git", "-C", folder] + arguments)
    }

    private func unifiedDiff(old: String, new: String, oldLabel: String, newLabel: String) -> String? {
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent(
            "guide-diff-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temp) }
        do {
            try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
            let a = temp.appendingPathComponent("old")
            let b = temp.appendingPathComponent("new")
            try Data(old.utf8).write(to: a)
            try Data(new.utf8).write(to: b)
            guard
                let result = StatusProcess.run(
                    "/usr/bin/env", ["diff", "-u", "--label", oldLabel, "--label", newLabel, a.path, b.path]),
                result.status <= 1
            else { return nil }
            return result.output.isEmpty ? "(the files are the same apart from white space)\n" : result.output
        } catch {
            return nil
        }
    }
}

/// Runs a program and collects its standard output.
enum StatusProcess {
    static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // env exits 127 when the program is not found.
        if process.terminationStatus == 127 { return nil }
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
