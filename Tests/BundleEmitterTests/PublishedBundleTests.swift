import Foundation
import GuideModel
import JSON
import Loader
import XCTest

/// The last published bundle, read from a path or over HTTP, and
/// `guide check --published-bundle`.
final class PublishedBundleTests: XCTestCase {
    var guide: TestGuide!

    override func setUpWithError() throws { guide = try TestGuide() }
    override func tearDown() { guide.remove() }

    func testReadsABundleOverHTTP() throws {
        let bundle = try guide.build()
        let python = try XCTUnwrap(Processes.which("python3"))
        let server = Process()
        server.executableURL = URL(fileURLWithPath: python)
        server.arguments = ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", bundle.folder.path]
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        // "Serving HTTP on 127.0.0.1 port 43123 (http://127.0.0.1:43123/) ..."
        var banner = Data()
        while !banner.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            banner += chunk
        }
        let words = String(decoding: banner, as: UTF8.self).split(separator: " ")
        let port = try XCTUnwrap(
            words.firstIndex(of: "port").flatMap {
                words.index(after: $0) < words.endIndex ? Int(words[words.index(after: $0)]) : nil
            })
        let base = "http://127.0.0.1:\(port)/"

        let read = PublishedBundleReader.read(base + "guide.json", relativeTo: guide.root, origin: .commandLine)
        let published = try read.get()
        XCTAssertEqual(published.refs, try bundle.full.refs)
        XCTAssertEqual(published.version, "1.0.0")
        XCTAssertEqual(published.vocabularies["countries"], ["DO", "TT", "AW"])
        XCTAssertEqual(
            try PublishedBundleReader.read(base + "guide.pap.json", relativeTo: guide.root, origin: .commandLine).get()
                .refs,
            published.refs, "a language file will do")

        guard
            case .failure(.unreadable(let message)) = PublishedBundleReader.read(
                base + "nothing.json", relativeTo: guide.root,
                origin: .guideYML)
        else {
            return XCTFail("a 404 is a wrong setting")
        }
        XCTAssertTrue(message.hasSuffix("answered HTTP 404"), message)
        guard
            case .failure(.unreadable) = PublishedBundleReader.read(
                base + "datapackage.json", relativeTo: guide.root,
                origin: .guideYML)
        else {
            return XCTFail("a JSON file that is not a bundle")
        }
    }

    func testCheckComparesWithTheBundleNamedOnTheCommandLine() throws {
        let published = try guide.build().url("guide.json")
        let executable = try Processes.guideExecutable()
        let arguments = [
            "check", "--content", guide.content.path, "--format", "json", "--published-bundle", published.path,
        ]
        let same = try XCTUnwrap(Processes.run(executable, arguments))
        XCTAssertEqual(same.status, 0, same.stdout + same.stderr)
        XCTAssertFalse(same.stdout.contains("tombstone.") || same.stdout.contains("published."), same.stdout)

        // An entry leaves the guide (as a draft, after the links to it: reference.unpublished).
        try guide.unlink("indicators/little-or-no-luggage")
        try guide.replace("status: published", with: "status: draft", in: "indicators/little-or-no-luggage.en.md")
        let removed = try XCTUnwrap(Processes.run(executable, arguments))
        XCTAssertEqual(removed.status, 1, removed.stderr)
        let codes = (try JSONParser.parse(removed.stdout).arrayValue ?? []).compactMap { $0["code"]?.stringValue }
        XCTAssertEqual(
            codes.filter { $0.hasPrefix("tombstone.") || $0.hasPrefix("published.") },
            ["published.version", "tombstone.missing"], "guide.yml, then the tombstones.yml to write")

        try guide.write(
            "tombstones.yml",
            """
            tombstones:
              - ref: indicators/little-or-no-luggage
                removed_on: "2026-05-01"
                reason: Not a reliable sign on its own.
            """)
        try guide.replace("version: 1.0.0", with: "version: 1.1.0", in: "guide.yml")
        let recorded = try XCTUnwrap(Processes.run(executable, arguments))
        XCTAssertEqual(recorded.status, 0, recorded.stdout + recorded.stderr)

        let missing = try XCTUnwrap(
            Processes.run(
                executable,
                [
                    "check", "--content", guide.content.path,
                    "--published-bundle", guide.root.appendingPathComponent("no.json").path,
                ]))
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no.json does not exist"), missing.stderr)
    }
}
