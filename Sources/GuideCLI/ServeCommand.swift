import ArgumentParser
import Foundation
import Glibc
import Preview

/// `guide serve`: a live preview on 127.0.0.1. Builds the site into a
/// temporary folder, serves it, rebuilds what a change to `Content/` or
/// `Templates/` affects, and reloads open pages by itself; while the content
/// has errors, every page shows them. Ctrl-C stops it and removes the
/// temporary folder.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site on 127.0.0.1: rebuilds on change, reloads the browser, shows errors in the page.")

    @OptionGroup var paths: PathOptions

    @Option(help: "The port to listen on (0 picks a free one and prints it).")
    var port: UInt16 = 8080

    @Flag(help: "Include entries and translations with status: draft.")
    var drafts = false

    @Flag(
        help:
            "Watch by looking at every file every 200 ms instead of inotify (for network or virtual file systems whose changes inotify does not see)."
    )
    var poll = false

    func run() throws {
        _ = try paths.contentFolder()
        signal(SIGPIPE, SIG_IGN)
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("guide-serve-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }

        // Ctrl-C and SIGTERM end the wait below; the cleanup runs in order after it.
        let interrupted = DispatchSemaphore(value: 0)
        let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { interrupted.signal() }
            source.resume()
            return source
        }
        defer { for signal in signals { signal.cancel() } }

        // Bind first: a port in use is reported before any work.
        let server: PreviewServer
        do {
            server = try PreviewServer(port: port)
        } catch let error as PreviewServerError {
            throw EnvironmentError(error.description)
        }
        let state = PreviewState()
        let builder = PreviewBuilder(paths: paths, drafts: drafts, temporary: temporary, state: state)
        Self.say("building \(paths.content) …")
        Self.report(builder.build())

        server.start { request in Self.respond(to: request, state: state) }
        let watched = [paths.content, paths.templates].filter { FileManager.default.fileExists(atPath: $0) }
        let watcher = PreviewWatcher(folders: watched, polling: poll)
        watcher.start { changed in
            let shown =
                changed.prefix(3).joined(separator: ", ") + (changed.count > 3 ? " and \(changed.count - 3) more" : "")
            Self.say("changed: \(shown); rebuilding …")
            Self.report(builder.build(changed: changed))
        }
        Self.say(
            """
            Serving the preview at http://127.0.0.1:\(server.port)/ (Ctrl-C to stop)
            Watching \(watched.joined(separator: " and ")) (\(watcher.method)); open pages reload after every change.
            Temporary build folder: \(temporary.path)
            """)

        interrupted.wait()
        Self.say("\nstopping …")
        server.stop()
        watcher.stop()
        try? FileManager.default.removeItem(at: temporary)
        Self.say("stopped; removed \(temporary.path)")
    }

    static func respond(to request: PreviewServer.Request, state: PreviewState) -> PreviewServer.Response {
        let snapshot = state.current
        switch request.path {
        case PreviewPages.versionPath: return .text(200, snapshot.version)
        case PreviewPages.reloadPath:
            return .init(
                status: 200, contentType: PreviewPages.contentType("reload.js"),
                body: Data(PreviewPages.reloadScript.utf8))
        case PreviewPages.stylePath:
            return .init(
                status: 200, contentType: PreviewPages.contentType("x.css"), body: Data(PreviewPages.style.utf8))
        case "/sw.js":
            return .init(
                status: 200, contentType: PreviewPages.contentType("sw.js"), body: Data(PreviewPages.serviceWorker.utf8)
            )
        default: break
        }
        func html(_ status: Int, _ page: String) -> PreviewServer.Response {
            .init(
                status: status, contentType: PreviewPages.contentType("x.html"),
                body: Data(PreviewPages.inject(into: page, version: snapshot.version).utf8))
        }
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !segments.contains(where: { $0 == ".." || $0 == "." || $0.contains("\0") }) else {
            return html(404, PreviewPages.notFoundPage(request.path))
        }
        let isPage =
            request.path.hasSuffix("/") || segments.last.map { !$0.contains(".") || $0.hasSuffix(".html") } ?? true
        if let errorPage = snapshot.errorPage, isPage { return html(500, errorPage) }
        guard let root = snapshot.root else { return html(404, PreviewPages.notFoundPage(request.path)) }
        var file = segments.reduce(root) { $0.appendingPathComponent($1) }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), isFolder.boolValue {
            guard request.path.hasSuffix("/") else {
                var response = PreviewServer.Response.text(301, "")
                response.headers = [("Location", request.path + "/")]
                return response
            }
            file = file.appendingPathComponent("index.html")
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return html(404, PreviewPages.notFoundPage(request.path))
        }
        let type = PreviewPages.contentType(file.path)
        if type.hasPrefix("text/html") { return html(200, String(decoding: data, as: UTF8.self)) }
        return .init(status: 200, contentType: type, body: data)
    }

    /// Writes a line to standard output at once (also when it is a pipe).
    static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Build results: diagnostics go to standard error, like `guide check`.
    static func report(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
