import Diagnostics
import Foundation
import GuideModel
import SiteEmitter

/// What the preview serves right now, shared between the watcher (which
/// rebuilds) and the server's request handlers.
final class PreviewState: @unchecked Sendable {
    struct Snapshot {
        /// Changes with every build: open pages reload when it does.
        var version: String
        /// The folder with the built site (the last good build).
        var root: URL?
        /// When the content has errors: the page shown instead of every page.
        var errorPage: String?
    }

    private let lock = NSLock()
    private var snapshot = Snapshot(version: "0", root: nil, errorPage: nil)

    var current: Snapshot { lock.lock(); defer { lock.unlock() }; return snapshot }

    func update(_ change: (inout Snapshot) -> Void) {
        lock.lock()
        change(&snapshot)
        lock.unlock()
    }
}

/// Builds the site for the preview into a fresh folder under a temporary
/// folder, the way `guide build` does (same checks, same emitter), and
/// publishes the result (or the errors) to the state.
final class PreviewBuilder: @unchecked Sendable {
    let paths: PathOptions
    let drafts: Bool
    let temporary: URL
    let state: PreviewState
    private var count = 0
    private let session = String(UInt32.random(in: 0...UInt32.max), radix: 36)
    private var folders: [URL] = []

    init(paths: PathOptions, drafts: Bool, temporary: URL, state: PreviewState) {
        self.paths = paths
        self.drafts = drafts
        self.temporary = temporary
        self.state = state
    }

    /// Builds once and returns what the terminal should print.
    func build() -> String {
        count += 1
        let started = Date()
        let version = "\(session)-\(count)"
        let checked: CheckedContent
        do {
            checked = try CheckedContent.load(paths: paths, today: Date())
        } catch {
            let message = "\(error)"
            state.update { $0.version = version; $0.errorPage = PreviewPages.errorPage(title: "The content folder cannot be read", text: message) }
            return "error: \(message)\n"
        }
        var diagnostics = checked.diagnostics
        let sources = checked.loaded.sources
        func render(_ list: [Diagnostic], color: Bool) -> String {
            TextDiagnosticPrinter(color: color) { file, line in sources[file]?.line(line) }.render(list)
        }
        if !diagnostics.contains(where: { $0.severity == .error }) {
            let folder = temporary.appendingPathComponent("build-\(count)")
            do {
                let root = try emit(checked.loaded.guide, into: folder, diagnostics: &diagnostics)
                if !diagnostics.contains(where: { $0.severity == .error }) {
                    folders.append(folder)
                    state.update { $0.version = version; $0.root = root; $0.errorPage = nil }
                    // Keep the previous build a little longer: a request may still be reading it.
                    while folders.count > 2 { try? FileManager.default.removeItem(at: folders.removeFirst()) }
                    let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
                    let warnings = diagnostics.filter { $0.severity == .warning }.count
                    return render(diagnostics, color: Self.colorOnStderr)
                        + "built in \(seconds) s\(warnings > 0 ? " (\(warnings) warning\(warnings == 1 ? "" : "s"))" : ""); open pages reload by themselves\n"
                }
            } catch {
                try? FileManager.default.removeItem(at: folder)
                state.update { $0.version = version; $0.errorPage = PreviewPages.errorPage(title: "The site could not be built", text: "\(error)") }
                return "error: the site could not be built: \(error)\n"
            }
            try? FileManager.default.removeItem(at: folder)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let summary = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        state.update {
            $0.version = version
            $0.errorPage = PreviewPages.errorPage(title: "The content has \(summary)", text: render(diagnostics, color: false))
        }
        return render(diagnostics, color: Self.colorOnStderr) + summary + ": every page shows them until they are fixed\n"
    }

    /// Runs the site emitter (as `guide build --only site` would) into `folder`;
    /// returns the folder to serve.
    private func emit(_ guide: Guide, into folder: URL, diagnostics: inout [Diagnostic]) throws -> URL {
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        let emitter = SiteEmitter()
        let context = EmitContext(guide: guide, folder: site, templates: URL(fileURLWithPath: paths.templates),
                                  drafts: drafts, sourceDate: BuildCommand.sourceDate())
        diagnostics += try emitter.emit(context)
        diagnostics.sort()
        return site
    }

    static var colorOnStderr: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
