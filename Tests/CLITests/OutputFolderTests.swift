import Foundation
import Synchronization
import XCTest

/// The output folder's promises (SPEC "Promises"): a failed build leaves the
/// previous `Output/` whole; `Output/` exists whole at every instant, even
/// when a build is killed; builds of one output take turns; only this
/// output's own leftovers are removed; `--output` never overlaps the content
/// or templates, never names `/` or the home folder, and a folder `guide`
/// did not write is never emptied.
final class OutputFolderTests: XCTestCase {
    let environment = ["SOURCE_DATE_EPOCH": "1764460800"]

    func build(_ copy: SampleCopy, _ extra: [String] = []) throws -> SampleCopy.Result {
        try copy.guide(["build", "--today", "2026-11-30"] + extra, environment: environment)
    }

    /// Names beside `Output/` that a build makes (staging and old folders; the lock file stays).
    func leftovers(_ copy: SampleCopy) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: copy.root.path)
            .filter { $0.hasPrefix(".Output") && $0 != ".Output.lock" }.sorted()
    }

    func listing(_ folder: URL) throws -> [String: Date] {
        var result: [String: Date] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: folder.path))
        for case let relative as String in enumerator {
            let attributes = try FileManager.default.attributesOfItem(
                atPath: folder.appendingPathComponent(relative).path)
            result[relative] = attributes[.modificationDate] as? Date
        }
        return result
    }

    /// Every file of a folder with its bytes (to show a folder was not touched).
    func contents(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: folder.path))
        for case let relative as String in enumerator {
            var isFolder: ObjCBool = false
            let path = folder.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                result[relative] = FileManager.default.contents(atPath: path)
            }
        }
        return result
    }

    func testAFailedBuildLeavesThePreviousOutputWhole() throws {
        let copy = try SampleCopy()
        let first = try build(copy)
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = try listing(copy.url("Output"))
        XCTAssertGreaterThan(before.count, 100)
        XCTAssertNotNil(before[".guide-output"], "the output carries the marker of a folder guide wrote")

        try copy.edit("Content/concepts/consent.en.md", replacing: "title: ", with: "title: [")
        let failed = try build(copy)
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.contains("Content/concepts/consent.en.md:"), failed.stderr)
        XCTAssertEqual(try listing(copy.url("Output")), before, "the failed build changed Output/")
        XCTAssertEqual(try leftovers(copy), [])

        // Content that checks, but a broken site template: the build stops
        // in the staging folder, and still nothing changes.
        try copy.edit("Content/concepts/consent.en.md", replacing: "title: [", with: "title: ")
        try copy.write("Templates/site/pages/entry.mustache", "{{#unclosed}}")
        let broken = try build(copy)
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stderr.contains("site.template"), broken.stderr)
        XCTAssertEqual(try listing(copy.url("Output")), before, "the failed build changed Output/")
        XCTAssertEqual(try leftovers(copy), [])
    }

    /// What an interrupted build of this output left (with the marker) goes;
    /// a folder that only looks like one (no marker) stays, and links inside
    /// leftovers are removed, not followed.
    func testOnlyThisOutputsOwnLeftoversAreRemoved() throws {
        let copy = try SampleCopy()
        XCTAssertEqual(try build(copy).status, 0)
        let outside = copy.url("Outside")
        try copy.write("Outside/keep.txt", "kept")
        let partial = ".Output.partial-99999"
        try copy.write("\(partial)/.guide-output", "marker")
        try copy.write("\(partial)/site/en/concepts/consent/index.html", "<p>half</p>")
        try FileManager.default.createSymbolicLink(at: copy.url("\(partial)/site/link"), withDestinationURL: outside)
        try copy.write(".Output.old-99998/.guide-output", "marker")
        try copy.write(".Output.old-99998/bundle/guide.json", "{}")
        try copy.write(".Output.old-12345/notes.txt", "someone else's folder")

        try copy.edit("Content/concepts/consent.en.md", replacing: "title: ", with: "title: Edited – ")
        let second = try build(copy)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(
            try leftovers(copy), [".Output.old-12345"], "this output's leftovers are gone, the unmarked folder stays")
        XCTAssertEqual(try copy.read(".Output.old-12345/notes.txt"), "someone else's folder")
        XCTAssertEqual(try copy.read("Outside/keep.txt"), "kept", "a link is removed, not followed")
        XCTAssertTrue(try copy.read("Output/site/en/concepts/consent/index.html").contains("Edited – "))
    }

    /// `--only site` carries the other outputs over (the same files, linked).
    func testOnlyCarriesTheOtherOutputsOver() throws {
        let copy = try SampleCopy()
        XCTAssertEqual(try build(copy).status, 0)
        func inode(_ relative: String) throws -> UInt64? {
            (try FileManager.default.attributesOfItem(atPath: copy.url(relative).path)[.systemFileNumber] as? NSNumber)?
                .uint64Value
        }
        let bundle = try inode("Output/bundle/guide.json")
        let handouts = try FileManager.default.contentsOfDirectory(atPath: copy.url("Output/handouts").path).sorted()
        let only = try build(copy, ["--only", "site"])
        XCTAssertEqual(only.status, 0, only.stderr)
        XCTAssertEqual(try inode("Output/bundle/guide.json"), bundle)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: copy.url("Output/handouts").path).sorted(), handouts)
        XCTAssertEqual(try leftovers(copy), [])
    }

    /// Output folders that would destroy or swallow sources, or that are not
    /// folders: exit 2 with a message naming both paths, and nothing changes.
    func testOverlappingOrImpossibleOutputFoldersAreRefused() throws {
        let copy = try SampleCopy()
        let home = copy.url("Home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try copy.write("a-file.txt", "text")
        try FileManager.default.createSymbolicLink(at: copy.url("LinkedOutput"), withDestinationURL: copy.url("Home"))
        let content = try contents(copy.url("Content"))
        let templates = try contents(copy.url("Templates"))
        let cases: [(output: String, expected: [String])] = [
            ("Content", ["\"Content\"", "is the content folder"]),
            ("Content/media/out", ["\"Content/media/out\"", "lies inside the content folder \"Content\""]),
            ("Content/handouts", ["lies inside the content folder"]),
            ("Templates", ["is the templates folder"]),
            ("Templates/site/out", ["lies inside the templates folder \"Templates\""]),
            (".", ["\".\"", "contains the content folder \"Content\""]),
            ("/", ["is the root folder"]),
            (home.path, ["is your home folder"]),
            ("a-file.txt", ["\"a-file.txt\" is a file, not a folder"]),
            ("LinkedOutput", ["is a symbolic link"]),
        ]
        for (output, expected) in cases {
            let result = try copy.guide(
                ["build", "--output", output], environment: environment.merging(["HOME": home.path]) { $1 })
            XCTAssertEqual(result.status, 2, "--output \(output): \(result.stderr)")
            for phrase in expected {
                XCTAssertTrue(result.stderr.contains(phrase), "--output \(output): \(result.stderr)")
            }
            XCTAssertFalse(result.stderr.contains("NSCocoaErrorDomain"), result.stderr)
            XCTAssertFalse(result.stderr.contains("Error Domain"), result.stderr)
        }
        XCTAssertEqual(try contents(copy.url("Content")), content, "the content folder is untouched")
        XCTAssertEqual(try contents(copy.url("Templates")), templates, "the templates folder is untouched")
        XCTAssertEqual(try copy.read("a-file.txt"), "text")
        XCTAssertFalse(FileManager.default.fileExists(atPath: copy.url("Output").path))
    }

    /// A folder guide did not write is never emptied: exit 2, saying how to proceed.
    func testAFolderGuideDidNotWriteIsNeverEmptied() throws {
        let copy = try SampleCopy()
        try copy.write("Existing/site/index.html", "<p>someone's site</p>")
        try copy.write("Existing/bundle/data.json", "{}")
        try copy.write("Existing/notes.txt", "notes")
        let before = try contents(copy.url("Existing"))
        let result = try build(copy, ["--output", "Existing"])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("\"Existing\" exists and was not written by guide"), result.stderr)
        XCTAssertTrue(result.stderr.contains("remove it yourself"), result.stderr)
        XCTAssertEqual(try contents(copy.url("Existing")), before)

        // An empty folder holds nothing to lose: it is built into.
        try FileManager.default.createDirectory(at: copy.url("Empty"), withIntermediateDirectories: true)
        let empty = try build(copy, ["--output", "Empty"])
        XCTAssertEqual(empty.status, 0, empty.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: copy.url("Empty/site/index.html").path))
    }

    /// Builds killed at many points: `Output/` is always there and whole
    /// (the previous build or the new one), and the next build cleans up.
    func testOutputExistsWholeWhenABuildIsKilled() throws {
        let copy = try SampleCopy()
        XCTAssertEqual(try build(copy).status, 0)
        for delay in stride(from: 0.05, through: 1.5, by: 0.15) {
            let process = Process()
            process.executableURL = SampleCopy.binary
            process.arguments = ["build", "--today", "2026-11-30"]
            process.currentDirectoryURL = copy.root
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            XCTAssertTrue(
                FileManager.default.fileExists(atPath: copy.url("Output/.guide-output").path), "killed after \(delay) s"
            )
            XCTAssertTrue(
                FileManager.default.fileExists(atPath: copy.url("Output/site/en/index.html").path),
                "killed after \(delay) s")
            XCTAssertTrue(
                FileManager.default.fileExists(atPath: copy.url("Output/bundle/guide.json").path),
                "killed after \(delay) s")
        }
        let after = try build(copy)
        XCTAssertEqual(after.status, 0, after.stderr)
        XCTAssertEqual(try leftovers(copy), [])
    }

    /// Two builds of one output at once: one waits for the other; both succeed.
    func testConcurrentBuildsTakeTurns() throws {
        let copy = try SampleCopy()
        let results = Mutex<[SampleCopy.Result?]>([nil, nil])
        let environment = environment
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let result = try? copy.guide(["build", "--today", "2026-11-30"], environment: environment)
            results.withLock { $0[index] = result }
        }
        let all = results.withLock { $0 }
        for result in all {
            XCTAssertEqual(result?.status, 0, result?.stderr ?? "did not run")
        }
        XCTAssertTrue(
            all.contains { $0?.stderr.contains("waiting for another build") == true },
            "the second build said it waited")
        XCTAssertEqual(try leftovers(copy), [])
        XCTAssertTrue(FileManager.default.fileExists(atPath: copy.url("Output/site/en/index.html").path))
    }
}
