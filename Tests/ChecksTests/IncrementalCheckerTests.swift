import Checks
import Diagnostics
import Foundation
import GuideModel
import Loader
import XCTest

/// `IncrementalChecker` gives exactly what a full check gives, after every
/// kind of edit, and re-checks only what an edit can have changed.
final class IncrementalCheckerTests: XCTestCase {
    /// A copy of the sample guide in a temporary folder, edited on disk and
    /// loaded again after each edit, as `guide serve` does.
    final class Workspace {
        let root: URL
        var content: URL { root.appendingPathComponent("Content") }
        var today = IncrementalCheckerTests.day("2026-06-01")
        let checker = IncrementalChecker()
        /// The schemas as first loaded: no edit here touches them, and a live
        /// preview keeps them while their files are unchanged.
        var schemas: SchemaSet?

        init(copying source: URL = FixtureGuide.repository.appendingPathComponent("Content")) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent(
                "guide-incremental-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: content)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func read(_ relative: String) throws -> String {
            try String(contentsOf: content.appendingPathComponent(relative), encoding: .utf8)
        }

        func write(_ relative: String, _ text: String) throws {
            try Data(text.utf8).write(to: content.appendingPathComponent(relative))
        }

        func edit(
            _ relative: String, replacing old: String, with new: String,
            file: StaticString = #filePath, line: UInt = #line
        ) throws {
            let text = try read(relative)
            XCTAssertTrue(text.contains(old), "\(relative) has no \"\(old)\"", file: file, line: line)
            try write(relative, text.replacingOccurrences(of: old, with: new))
        }

        func remove(_ relative: String) throws {
            try FileManager.default.removeItem(at: content.appendingPathComponent(relative))
        }

        /// Loads the guide, checks it both ways and asserts they agree; returns the diagnostics.
        @discardableResult
        func check(file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
            let loaded = ContentLoader(root: content, displayRoot: "Content").load()
            let schemas = self.schemas ?? loaded.schemas
            self.schemas = schemas
            let incremental = checker.run(
                guide: loaded.guide, schemas: schemas,
                loadDiagnostics: loaded.diagnostics, today: today)
            let full = GuideChecker.run(
                guide: loaded.guide, schemas: schemas,
                loadDiagnostics: loaded.diagnostics, today: today)
            XCTAssertEqual(incremental, full, "incremental and full checks differ", file: file, line: line)
            return full
        }

        var checked: Int { checker.lastRun.checkedEntries }
        var entries: Int { checker.lastRun.entries }
    }

    static func day(_ text: String) -> Date {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.date(from: text)!
    }

    static func codes(_ diagnostics: [Diagnostic], in file: String? = nil) -> Set<String> {
        Set(diagnostics.filter { file == nil || $0.file == "Content/" + file! }.map(\.code))
    }

    func testEveryEditGivesWhatAFullCheckGives() throws {
        let guide = try Workspace()
        let clean = guide.check()
        XCTAssertGreaterThan(guide.entries, 40)
        XCTAssertEqual(guide.checked, guide.entries, "the first run checks every entry")

        guide.check()
        XCTAssertEqual(guide.checked, 0, "nothing changed, nothing is checked")

        // A body edit: only that entry is checked again.
        try guide.edit("concepts/consent.en.md", replacing: "\n## ", with: "\nOne more sentence.\n\n## ")
        var found = guide.check()
        XCTAssertEqual(guide.checked, 1)
        XCTAssertTrue(Self.codes(found, in: "concepts/consent.es.md").contains("translation.outdated"))

        // A broken reference.
        try guide.edit(
            "indicators/asks-for-help-or-says-not-free.en.md", replacing: "protocols/alert-at-check-in",
            with: "protocols/alert-at-chek-in")
        found = guide.check()
        XCTAssertEqual(guide.checked, 1)
        XCTAssertTrue(
            Self.codes(found, in: "indicators/asks-for-help-or-says-not-free.en.md").contains("reference.unresolved"))

        // A section id another entry links to: the entries naming it are checked again.
        try guide.edit("concepts/trafficking-in-persons.en.md", replacing: "{#children}", with: "{#minors}")
        found = guide.check()
        XCTAssertGreaterThan(guide.checked, 1)
        XCTAssertLessThan(guide.checked, guide.entries)
        XCTAssertTrue(Self.codes(found, in: "protocols/protect-a-child.en.md").contains("reference.section"))
        try guide.edit("concepts/trafficking-in-persons.en.md", replacing: "{#minors}", with: "{#children}")
        found = guide.check()
        XCTAssertFalse(Self.codes(found, in: "protocols/protect-a-child.en.md").contains("reference.section"))

        // A value the schema rejects, then fixed again.
        try guide.edit(
            "indicators/asks-for-help-or-says-not-free.en.md", replacing: "strength: strong", with: "strength: strnog")
        found = guide.check()
        XCTAssertEqual(guide.checked, 1)
        XCTAssertTrue(Self.codes(found, in: "indicators/asks-for-help-or-says-not-free.en.md").contains("schema.enum"))
        try guide.edit(
            "indicators/asks-for-help-or-says-not-free.en.md", replacing: "strength: strnog", with: "strength: strong")
        found = guide.check()
        XCTAssertEqual(guide.checked, 1)
        XCTAssertFalse(Self.codes(found, in: "indicators/asks-for-help-or-says-not-free.en.md").contains("schema.enum"))

        // A protocol back to draft: the published indicators linking to it would
        // lose their link, and are checked again to say so.
        try guide.edit("protocols/alert-at-check-in.en.md", replacing: "status: published", with: "status: draft")
        found = guide.check()
        XCTAssertTrue(Self.codes(found, in: "indicators/holds-no-documents.en.md").contains("reference.unpublished"))
        try guide.edit("protocols/alert-at-check-in.en.md", replacing: "status: draft", with: "status: published")
        found = guide.check()
        XCTAssertFalse(Self.codes(found).contains("reference.unpublished"))

        // A new translation: its entry, and the entries that link to it (whether
        // a link to it is shown in a language can change: reference.unpublished).
        let dutch = try guide.read("concepts/consent.nl.md")
        try guide.remove("concepts/consent.nl.md")
        guide.check()
        try guide.write("concepts/consent.nl.md", dutch)
        guide.check()
        XCTAssertGreaterThan(guide.checked, 1)
        XCTAssertLessThan(guide.checked, guide.entries)

        // A translation whose front matter cannot be read, then read again.
        let spanish = try guide.read("concepts/exploitation.es.md")
        try guide.write(
            "concepts/exploitation.es.md",
            spanish.replacingOccurrences(of: "title:", with: "title: [", options: [], range: nil))
        found = guide.check()
        XCTAssertFalse(Self.codes(found, in: "concepts/exploitation.es.md").isEmpty)
        try guide.write("concepts/exploitation.es.md", spanish)
        guide.check()

        // An entry deleted (every file), and links to it broken.
        for language in ["en", "es", "nl", "pap", "ht", "pt"] { try guide.remove("concepts/consent.\(language).md") }
        found = guide.check()
        XCTAssertTrue(Self.codes(found).contains("reference.unresolved"))

        // Only a translation left: it has no source.
        try guide.write("concepts/consent.es.md", spanish)
        found = guide.check()
        XCTAssertTrue(Self.codes(found, in: "concepts/consent.es.md").contains("translation.no-source"))
        try guide.remove("concepts/consent.es.md")

        // guide.yml: a setting the checks read, then a value its schema rejects.
        let config = try guide.read("guide.yml")
        try guide.edit("guide.yml", replacing: "helpline_max_age_days: 180", with: "helpline_max_age_days: 30")
        found = guide.check()
        XCTAssertEqual(guide.checked, guide.entries, "a setting changed: every entry is checked")
        try guide.edit("guide.yml", replacing: "helpline_max_age_days: 30", with: "helpline_max_age_days: thirty")
        found = guide.check()
        XCTAssertTrue(Self.codes(found, in: "guide.yml").contains("schema.type"))
        try guide.write("guide.yml", config)
        guide.check()

        // A handout, which is checked on every run.
        try guide.edit("handouts/checkin-gate-card.yml", replacing: "helplines/", with: "helplines/no-such-line-")
        found = guide.check()
        XCTAssertTrue(Self.codes(found, in: "handouts/checkin-gate-card.yml").contains("reference.unresolved"))

        // Another day: helplines age.
        guide.today = Self.day("2031-01-01")
        found = guide.check()
        XCTAssertEqual(guide.checked, guide.entries)
        XCTAssertTrue(Self.codes(found).contains("helpline.stale"))
        XCTAssertNotEqual(found, clean)
    }

    /// Going from one broken fixture to the next (each the base guide with one
    /// mistake: schemas, guide.yml, YAML, references, sections …), the
    /// incremental check always agrees with the full one.
    func testEveryBrokenFixtureInTurn() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: BrokenFixtureTests.broken.path).sorted()
        let checker = IncrementalChecker()
        let today = Self.day("2026-06-01")
        var baseSchemas: SchemaSet?
        var reused = 0
        for name in names {
            let overlay = BrokenFixtureTests.broken.appendingPathComponent(name)
            let fixture = try FixtureGuide(overlay: overlay)
            defer { fixture.remove() }
            let loaded = ContentLoader(root: fixture.content, displayRoot: "Content").load()
            // The schemas are kept from one fixture to the next unless the fixture changes them.
            let changesSchemas = FileManager.default.fileExists(atPath: overlay.appendingPathComponent("schema").path)
            let schemas = changesSchemas ? loaded.schemas : baseSchemas ?? loaded.schemas
            if !changesSchemas { baseSchemas = schemas }
            let incremental = checker.run(
                guide: loaded.guide, schemas: schemas,
                loadDiagnostics: loaded.diagnostics, today: today)
            let full = GuideChecker.run(
                guide: loaded.guide, schemas: schemas,
                loadDiagnostics: loaded.diagnostics, today: today)
            XCTAssertEqual(incremental, full, "fixture \(name)")
            reused += checker.lastRun.entries - checker.lastRun.checkedEntries
        }
        XCTAssertGreaterThan(reused, 0, "some fixtures' entries are reused from the one before")
    }
}
