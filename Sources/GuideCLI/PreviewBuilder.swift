import Checks
import Diagnostics
import Foundation
import GuideModel
import Loader
import SiteEmitter
import Synchronization

/// What the preview serves right now, shared between the watcher (which
/// rebuilds) and the server's request handlers.
final class PreviewState: Sendable {
    struct Snapshot: Sendable {
        /// Changes with every build: open pages reload when it does.
        var version: String
        /// The folder with the built site (the last good build).
        var root: URL?
        /// When the content has errors: the page shown instead of every page.
        var errorPage: String?
    }

    private let snapshot = Mutex(Snapshot(version: "0", root: nil, errorPage: nil))

    var current: Snapshot { snapshot.withLock { $0 } }

    func update(_ change: (inout Snapshot) -> Void) {
        snapshot.withLock { change(&$0) }
    }
}

/// Builds the site for the preview, the way `guide build --only site` does
/// (same checks, same emitter), and publishes the result (or the errors) to
/// the state.
///
/// Builds after the first are incremental: unchanged entry files are not
/// read again (`LoadCache`) nor checked again (`IncrementalChecker`), and the site is updated in place, re-rendering
/// only the pages an edit affects (`EmitContext.lastBuild`). The first build,
/// and any build after one that failed half-way, goes into a fresh folder.
final class PreviewBuilder: Sendable {
    let paths: PathOptions
    let drafts: Bool
    let temporary: URL
    let state: PreviewState
    private let session = String(UInt32.random(in: 0...UInt32.max), radix: 36)
    private let loadCache = LoadCache()
    private let checker = IncrementalChecker()
    /// What one build leaves for the next; a build holds the lock from start
    /// to end, so builds never overlap.
    private struct Builds {
        var count = 0
        /// The folder being served and what the emitter kept of its last build.
        var served: (folder: URL, kept: KeptBuild)?
    }

    private let builds = Mutex(Builds())

    init(paths: PathOptions, drafts: Bool, temporary: URL, state: PreviewState) {
        self.paths = paths
        self.drafts = drafts
        self.temporary = temporary
        self.state = state
    }

    /// Builds once and returns what the terminal should print. `changed`:
    /// the paths the watcher saw change since the last build (nil: unknown).
    func build(changed: [String]? = nil) -> String {
        builds.withLock { build(changed: changed, builds: &$0) }
    }

    private func build(changed: [String]?, builds: inout Builds) -> String {
        builds.count += 1
        let started = Date()
        let version = "\(session)-\(builds.count)"
        let checked: CheckedContent
        do {
            checked = try CheckedContent.load(
                paths: paths, today: DiagnosticOptions.startOfToday(), drafts: drafts, cache: loadCache,
                changed: changed, checker: checker)
        } catch {
            let message = "\(error)"
            state.update {
                $0.version = version
                $0.errorPage = PreviewPages.errorPage(title: "The content folder cannot be read", text: message)
            }
            return "error: \(message)\n"
        }
        var diagnostics = checked.diagnostics
        let sources = checked.loaded.sources
        func render(_ list: [Diagnostic], color: Bool) -> String {
            TextDiagnosticPrinter(color: color) { file, line in sources[file]?.line(line) }.render(list)
        }
        if !diagnostics.contains(where: { $0.severity == .error }) {
            do {
                let root = try emit(checked.loaded.guide, diagnostics: &diagnostics, builds: &builds)
                if let root {
                    state.update {
                        $0.version = version
                        $0.root = root
                        $0.errorPage = nil
                    }
                    let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
                    let warnings = diagnostics.filter { $0.severity == .warning }.count
                    return render(diagnostics, color: DiagnosticOptions.useColor)
                        + "built in \(milliseconds) ms\(warnings > 0 ? " (\(warnings) warning\(warnings == 1 ? "" : "s"))" : ""); open pages reload by themselves\n"
                }
            } catch {
                state.update {
                    $0.version = version
                    $0.errorPage = PreviewPages.errorPage(title: "The site could not be built", text: "\(error)")
                }
                return "error: the site could not be built: \(error)\n"
            }
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let summary = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        state.update {
            $0.version = version
            $0.errorPage = PreviewPages.errorPage(
                title: "The content has \(summary)", text: render(diagnostics, color: false))
        }
        return render(diagnostics, color: DiagnosticOptions.useColor) + summary
            + ": every page shows them until they are fixed\n"
    }

    /// Runs the site emitter (as `guide build --only site` would): in place
    /// over the served folder when there is one, else into a fresh folder.
    /// Returns the folder to serve, or nil when the emitter reported errors.
    private func emit(_ guide: Guide, diagnostics: inout [Diagnostic], builds: inout Builds) throws -> URL? {
        let previous = builds.served
        let folder = previous?.folder ?? temporary.appendingPathComponent("site-\(builds.count)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let context = EmitContext(
            guide: guide, folder: folder, templates: URL(fileURLWithPath: paths.templates),
            drafts: drafts, sourceDate: BuildCommand.sourceDate(), lastBuild: previous?.kept)
        let problems: [Diagnostic]
        do {
            problems = try SiteEmitter().emit(context)
        } catch {
            forget(folder, keeping: previous?.folder, builds: &builds)
            throw error
        }
        diagnostics = (diagnostics + problems).sorted()
        guard !problems.contains(where: { $0.severity == .error }) else {
            // Nothing written in place can be trusted now: the next build starts afresh.
            forget(folder, keeping: nil, builds: &builds)
            return nil
        }
        builds.served = context.kept.value != nil ? (folder, context.kept) : nil
        return folder
    }

    /// Stops building on `folder`: the next build starts in a fresh folder.
    /// `folder` is removed unless it is `kept` (pages show the errors
    /// meanwhile; the temporary folder goes when the preview stops).
    private func forget(_ folder: URL, keeping kept: URL?, builds: inout Builds) {
        if folder != kept { try? FileManager.default.removeItem(at: folder) }
        if builds.served?.folder == folder { builds.served = nil }
    }
}
