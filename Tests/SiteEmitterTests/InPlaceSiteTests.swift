import Foundation
import GuideModel
import Loader
import SiteEmitter
import XCTest

/// The site emitter updating its previous output in place (`guide serve`):
/// after each edit the folder equals a clean build, stale pages included.
final class InPlaceSiteTests: XCTestCase {
    func emit(_ build: SiteBuild, into folder: URL, lastBuild: KeptBuild?) throws -> KeptBuild {
        let loaded = ContentLoader(root: build.content, displayRoot: "Content").load()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let context = EmitContext(
            guide: loaded.guide, folder: folder, templates: build.templates, drafts: false,
            sourceDate: nil, lastBuild: lastBuild)
        XCTAssertEqual(try SiteEmitter().emit(context).filter { $0.severity == .error }, [])
        XCTAssertNotNil(context.kept.value, "a build that succeeded keeps what the next build in place needs")
        return context.kept
    }

    func assertSame(
        _ build: SiteBuild, _ served: URL, after edit: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let clean = build.root.appendingPathComponent("clean")
        try? FileManager.default.removeItem(at: clean)
        _ = try emit(build, into: clean, lastBuild: nil)
        XCTAssertEqual(
            build.files(in: served), build.files(in: clean), "after \(edit): different files", file: file, line: line)
        for path in build.files(in: clean) {
            let a = FileManager.default.contents(atPath: served.appendingPathComponent(path).path)
            let b = FileManager.default.contents(atPath: clean.appendingPathComponent(path).path)
            XCTAssertTrue(a == b, "after \(edit): \(path) differs", file: file, line: line)
        }
    }

    func testUpdatingInPlaceEqualsACleanBuild() throws {
        let build = try SiteBuild(name: "in-place")
        let served = build.root.appendingPathComponent("served")
        var kept = try emit(build, into: served, lastBuild: nil)

        try build.write(
            "Content/concepts/consent.en.md",
            try build.read("Content/concepts/consent.en.md").replacingOccurrences(
                of: "title: Consent\n", with: "title: Consent (edited)\n"))
        kept = try emit(build, into: served, lastBuild: kept)
        try assertSame(build, served, after: "a changed title")

        for language in ["en", "es", "nl", "pap", "ht", "pt"] {
            try build.remove("Content/indicators/fearful-of-authorities.\(language).md")
        }
        kept = try emit(build, into: served, lastBuild: kept)
        try assertSame(build, served, after: "a deleted entry")
        XCTAssertFalse(
            FileManager.default.fileExists(
                atPath: served.appendingPathComponent("en/indicators/fearful-of-authorities").path),
            "the deleted entry's folders are gone")

        // A template change rebuilds every page; a deletion at the same time still removes its pages.
        try build.write(
            "Templates/site/layout.mustache",
            try build.read("Templates/site/layout.mustache").replacingOccurrences(
                of: "<footer class=\"site-footer\">",
                with: "<footer class=\"site-footer\" data-edited=\"yes\">"))
        for language in ["en", "es", "nl", "pap", "ht", "pt"] {
            try build.remove("Content/indicators/false-or-borrowed-documents.\(language).md")
        }
        _ = try emit(build, into: served, lastBuild: kept)
        try assertSame(build, served, after: "a changed template and a deleted entry")
    }
}
