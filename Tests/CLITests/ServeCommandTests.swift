import Foundation
import Synchronization
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `guide serve` end to end: start it on a free port, fetch a page, edit the
/// content and see the change served, break the content and see the errors
/// in the page, then stop it with Ctrl-C (SIGINT).
final class ServeCommandTests: XCTestCase {
    func fetch(_ url: URL) throws -> (status: Int, body: String) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let done = DispatchSemaphore(value: 0)
        final class Box: Sendable { let answer = Mutex<(result: (Int, String)?, error: Error?)>((nil, nil)) }
        let box = Box()
        session.dataTask(with: url) { data, response, error in
            let result = (response as? HTTPURLResponse).map {
                ($0.statusCode, String(decoding: data ?? Data(), as: UTF8.self))
            }
            box.answer.withLock { $0 = (result, error) }
            done.signal()
        }.resume()
        XCTAssertEqual(done.wait(timeout: .now() + 10), .success, "fetching \(url)")
        let answer = box.answer.withLock { $0 }
        if let error = answer.error { throw error }
        return try XCTUnwrap(answer.result)
    }

    /// Fetches `url` until `condition` holds or `seconds` pass; returns the last body and the time it took.
    func poll(_ url: URL, within seconds: Double, until condition: (Int, String) -> Bool) throws -> (
        body: String, elapsed: Double, ok: Bool
    ) {
        let start = Date()
        var last = ""
        while Date().timeIntervalSince(start) < seconds {
            let (status, body) = try fetch(url)
            last = body
            if condition(status, body) { return (body, Date().timeIntervalSince(start), true) }
            usleep(50_000)
        }
        return (last, Date().timeIntervalSince(start), false)
    }

    func serve(_ copy: SampleCopy, _ extra: [String] = []) throws -> ServeProcess {
        try ServeProcess(copy, extra)
    }

    func testServeRebuildsShowsErrorsAndStopsOnSIGINT() throws {
        let copy = try SampleCopy()
        let server = try serve(copy)
        defer { server.stop() }
        let (process, base, output, errors, temporary) = (
            server.process, server.base, server.output, server.errors, server.temporary
        )
        XCTAssertTrue(FileManager.default.fileExists(atPath: temporary))

        // A page, with the reload script (external, no inline script).
        let page = base.appendingPathComponent("en/concepts/consent/index.html")
        let first = try fetch(page)
        XCTAssertEqual(first.status, 200)
        XCTAssertTrue(first.body.contains("Consent"), first.body)
        XCTAssertTrue(first.body.contains("<script src=\"/_guide/reload.js?v="), "reload script injected")
        let version = try fetch(base.appendingPathComponent("_guide/version")).body
        let script = try fetch(base.appendingPathComponent("_guide/reload.js"))
        XCTAssertEqual(script.status, 200)
        XCTAssertTrue(script.body.contains("/_guide/version"))

        // An edit is served (how fast is measured by Benchmarks/edit_to_served.py, not here),
        // with a new version for open pages to notice.
        let marker = "Consent, edited while serving"
        try copy.edit("Content/concepts/consent.en.md", replacing: "title: Consent\n", with: "title: \(marker)\n")
        let edited = try poll(page, within: 30) { status, body in status == 200 && body.contains(marker) }
        XCTAssertTrue(edited.ok, "the edit was not served:\n\(errors.text)\n\(output.text)")
        // The version changes when the build finishes (pages are replaced in place just before).
        XCTAssertTrue(
            try poll(base.appendingPathComponent("_guide/version"), within: 30) { _, body in body != version }.ok,
            "the version did not change")

        // An error replaces every page, with file, line and code, HTML-escaped.
        try copy.edit("Content/concepts/consent.en.md", replacing: "status: published", with: "status: publishd")
        let broken = try poll(page, within: 5) { _, body in body.contains("[schema.enum]") }
        XCTAssertTrue(broken.ok, "no error page: \(broken.body)")
        XCTAssertTrue(
            broken.body.contains("Content/concepts/consent.en.md:4:9: error: &quot;publishd&quot; is not one of"),
            broken.body)
        XCTAssertFalse(broken.body.contains(marker), "no stale page")
        let other = try fetch(base.appendingPathComponent("es/indicators/holds-no-documents/index.html"))
        XCTAssertTrue(other.body.contains("[schema.enum]"), "every page shows the errors")

        // Fixed: the page comes back.
        try copy.edit("Content/concepts/consent.en.md", replacing: "status: publishd", with: "status: published")
        XCTAssertTrue(try poll(page, within: 5) { status, body in status == 200 && body.contains(marker) }.ok)

        // Ctrl-C: exits 0 and removes its temporary folder.
        process.interrupt()
        let stopping = Date()
        while process.isRunning, Date().timeIntervalSince(stopping) < 15 { usleep(50_000) }
        XCTAssertFalse(process.isRunning, "still running 15 s after SIGINT")
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: temporary), "temporary folder left behind")
    }

    /// `--poll` (for file systems inotify does not watch): edits, added and
    /// removed files are seen by looking at every file every 200 ms.
    func testPollingWatcherSeesEditsAndNewFiles() throws {
        let copy = try SampleCopy()
        let server = try serve(copy, ["--poll"])
        defer { server.stop() }
        XCTAssertTrue(server.output.text.contains("(polling)"), server.output.text)

        let page = server.base.appendingPathComponent("en/concepts/consent/index.html")
        XCTAssertEqual(try fetch(page).status, 200)
        let marker = "Consent, seen by polling"
        try copy.edit("Content/concepts/consent.en.md", replacing: "title: Consent\n", with: "title: \(marker)\n")
        XCTAssertTrue(
            try poll(page, within: 30) { status, body in status == 200 && body.contains(marker) }.ok,
            "the edit was not served:\n\(server.errors.text)")

        // A new translation gets its page; removing it takes the page away again.
        let portuguese = server.base.appendingPathComponent("pt/concepts/consent/index.html")
        let spanish = try copy.read("Content/concepts/consent.es.md")
        try copy.write(
            "Content/concepts/consent.pt.md",
            spanish.replacingOccurrences(of: "title: ", with: "title: Consentimento – "))
        XCTAssertTrue(
            try poll(portuguese, within: 30) { status, body in status == 200 && body.contains("Consentimento – ") }.ok)
        try FileManager.default.removeItem(at: copy.url("Content/concepts/consent.pt.md"))
        XCTAssertTrue(try poll(portuguese, within: 30) { _, body in !body.contains("Consentimento – ") }.ok)
    }

    func testPortInUseIsAnEnvironmentError() throws {
        let copy = try SampleCopy()
        // Take a port, then ask guide serve for it.
        let blocker = Process()
        blocker.executableURL = SampleCopy.binary
        blocker.arguments = ["serve", "--port", "0"]
        blocker.currentDirectoryURL = copy.root
        let pipe = Pipe()
        blocker.standardOutput = pipe
        blocker.standardError = FileHandle.nullDevice
        let output = Output()
        pipe.fileHandleForReading.readabilityHandler = { output.append($0.availableData) }
        try blocker.run()
        defer {
            blocker.interrupt()
            blocker.waitUntilExit()
            pipe.fileHandleForReading.readabilityHandler = nil
        }
        let started = Date()
        var port: String?
        while port == nil, Date().timeIntervalSince(started) < 120, blocker.isRunning {
            if let range = output.text.range(of: #"127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                port = String(output.text[range].dropFirst("127.0.0.1:".count))
            }
            usleep(50_000)
        }
        let taken = try XCTUnwrap(port)
        let result = try copy.guide(["serve", "--port", taken])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("port \(taken) is in use"), result.stderr)
    }
}
