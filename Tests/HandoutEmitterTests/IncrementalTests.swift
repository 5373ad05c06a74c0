import Diagnostics
import Foundation
import GuideModel
import XCTest
@testable import HandoutEmitter

/// Incremental builds: after an edit, a build that reuses the previous output must give the
/// same files, byte for byte, and the same diagnostics as a clean build; PDFs the edit does not
/// touch are reused (hard links to the previous build's files), not rendered again.
final class IncrementalTests: XCTestCase {
    /// A copy of the sample content and templates, and folders for the builds.
    private struct Workspace {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("handouts-incremental-\(UUID().uuidString)")
        var content: URL { root.appendingPathComponent("Content") }
        var templates: URL { root.appendingPathComponent("Templates") }

        init() throws {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: SampleGuide.content, to: content)
            try FileManager.default.copyItem(at: SampleGuide.templates, to: templates)
        }

        func folder(_ name: String) throws -> URL {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    private struct Build {
        var folder: URL
        var diagnostics: [Diagnostic]
        /// The record as `guide build` saves it and reads it back.
        var record: OutputRecord
        var written: [HandoutEmitter.Report.Written]
    }

    private func emit(_ workspace: Workspace, into folder: URL, after previous: Build? = nil) throws -> Build {
        let record = OutputRecord()
        let context = EmitContext(
            guide: SampleGuide.load(workspace.content), folder: folder, templates: workspace.templates, drafts: false,
            sourceDate: SampleGuide.sourceDate,
            previous: previous.map { PreviousOutput(folder: $0.folder, record: OutputRecord(data: $0.record.data!)) },
            record: record)
        let report = try HandoutEmitter().build(context)
        XCTAssertNotNil(record.data, "the emitter records its build")
        return Build(folder: folder, diagnostics: report.diagnostics, record: record, written: report.written)
    }

    /// Builds clean (A), edits, builds incrementally from A (B) and clean (C); B must equal C.
    /// Returns the names of the PDFs B reused from A.
    @discardableResult
    private func assertIncrementalEqualsClean(_ edit: (Workspace) throws -> Void, file: StaticString = #filePath,
                                              line: UInt = #line) throws -> Set<String> {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let a = try emit(workspace, into: try workspace.folder("A"))
        try edit(workspace)
        let b = try emit(workspace, into: try workspace.folder("B"), after: a)
        let c = try emit(workspace, into: try workspace.folder("C"))
        try assertSameFiles(b.folder, c.folder, file: file, line: line)
        XCTAssertEqual(b.diagnostics, c.diagnostics, file: file, line: line)
        XCTAssertEqual(b.record.data, c.record.data, "the same record as a clean build", file: file, line: line)
        return try reused(from: a.folder, in: b.folder)
    }

    private func assertSameFiles(_ b: URL, _ c: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: c.path).sorted()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: b.path).sorted(), names, file: file, line: line)
        XCTAssertFalse(names.isEmpty, file: file, line: line)
        for name in names {
            let incremental = try Data(contentsOf: b.appendingPathComponent(name))
            let clean = try Data(contentsOf: c.appendingPathComponent(name))
            XCTAssert(incremental == clean, "\(name) differs from a clean build", file: file, line: line)
        }
    }

    /// The files of `folder` that are the same file (inode) as in `previous`.
    private func reused(from previous: URL, in folder: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { name in
            guard let old = inode(previous.appendingPathComponent(name)) else { return false }
            return inode(folder.appendingPathComponent(name)) == old
        })
    }

    private func inode(_ url: URL) -> UInt64? {
        var info = stat()
        return stat(url.path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    private static let allLanguages = ["en", "es", "nl", "pap", "ht", "pt"]

    private static func card(_ languages: [String] = allLanguages) -> Set<String> {
        Set(languages.map { "checkin-gate-card.\($0).pdf" })
    }

    private static let sheetsAndPoster: Set<String> = [
        "cabin-crew-sheet.en.pdf", "cabin-crew-sheet.es.pdf", "immigration-sheet.en.pdf", "immigration-sheet.es.pdf",
        "do-helpline-poster.en.pdf", "do-helpline-poster.es.pdf", "do-helpline-poster.ht.pdf",
    ]

    // MARK: Edits

    /// A concept's title is shown only in the booklet: every other PDF is reused.
    func testChangedTitleRerendersOnlyWhatShowsIt() throws {
        let reused = try assertIncrementalEqualsClean { workspace in
            try SampleGuide.edit(workspace.content.appendingPathComponent("concepts/exploitation.en.md")) {
                $0.replacingOccurrences(of: "title: Exploitation\n", with: "title: Exploitation of people\n")
            }
        }
        XCTAssertEqual(reused, Self.card().union(Self.sheetsAndPoster).union(["full-guide-booklet.es.pdf"]))
    }

    /// A new Dutch translation of an indicator on the card replaces its English fallback there.
    func testAddedTranslation() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let translation = workspace.content.appendingPathComponent("indicators/companion-sits-apart-but-watches.nl.md")
        let text = try Data(contentsOf: translation)
        try FileManager.default.removeItem(at: translation)
        let a = try emit(workspace, into: try workspace.folder("A"))
        try text.write(to: translation)
        let b = try emit(workspace, into: try workspace.folder("B"), after: a)
        let c = try emit(workspace, into: try workspace.folder("C"))
        try assertSameFiles(b.folder, c.folder)
        XCTAssertEqual(b.diagnostics, c.diagnostics)
        let reused = try reused(from: a.folder, in: b.folder)
        XCTAssertFalse(reused.contains("checkin-gate-card.nl.pdf"), "the Dutch card shows the new translation")
        XCTAssertTrue(reused.isSuperset(of: Self.card(["en", "es", "pap", "ht", "pt"]).union(Self.sheetsAndPoster)),
                      "\(reused)")
    }

    /// An indicator on the card and in the booklet is deleted: both are rendered again.
    func testDeletedEntry() throws {
        let reused = try assertIncrementalEqualsClean { workspace in
            for language in Self.allLanguages {
                try FileManager.default.removeItem(
                    at: workspace.content.appendingPathComponent("indicators/false-or-borrowed-documents.\(language).md"))
            }
        }
        XCTAssertEqual(reused, Self.sheetsAndPoster)
    }

    /// The style applies to every PDF: nothing is reused.
    func testChangedStyleRerendersEverything() throws {
        let reused = try assertIncrementalEqualsClean { workspace in
            try SampleGuide.edit(workspace.templates.appendingPathComponent("handouts/style.yml")) {
                $0.replacingOccurrences(of: "accent: \"#0b4f8a\"", with: "accent: \"#0b4f8b\"")
            }
        }
        XCTAssertEqual(reused, [])
    }

    /// A strings file changes the PDFs of its language only.
    func testChangedStringsRerenderTheirLanguage() throws {
        let reused = try assertIncrementalEqualsClean { workspace in
            try SampleGuide.edit(workspace.templates.appendingPathComponent("handouts/strings/pap.yml")) {
                $0.replacingOccurrences(of: "hours: Oranan\n", with: "hours: Ora\n")
            }
        }
        XCTAssertFalse(reused.contains("checkin-gate-card.pap.pdf"))
        XCTAssertTrue(reused.contains("checkin-gate-card.es.pdf"))
    }

    /// guide.yml's version is printed on every handout.
    func testChangedGuideSettings() throws {
        let reused = try assertIncrementalEqualsClean { workspace in
            try SampleGuide.edit(workspace.content.appendingPathComponent("guide.yml")) {
                $0.replacingOccurrences(of: "\nversion: 1.0.0\n", with: "\nversion: 1.0.1\n")
            }
        }
        XCTAssertEqual(reused, [])
    }

    /// A changed handout definition (another paper) renders that handout again, and only it.
    func testChangedDefinition() throws {
        let reused = try assertIncrementalEqualsClean { workspace in
            try SampleGuide.edit(workspace.content.appendingPathComponent("handouts/immigration-sheet.yml")) {
                $0.replacingOccurrences(of: "paper: letter", with: "paper: a4")
            }
        }
        XCTAssertEqual(reused, Self.card().union(Self.sheetsAndPoster).subtracting(["immigration-sheet.en.pdf", "immigration-sheet.es.pdf"])
            .union(["full-guide-booklet.en.pdf", "full-guide-booklet.es.pdf"]))
    }

    /// An overflowing card is reused after an unrelated edit and still reports its overflow,
    /// exactly as a clean build does.
    func testReusedPDFStillReportsItsOverflow() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try SampleGuide.edit(workspace.content.appendingPathComponent("indicators/asks-for-help-or-says-not-free.en.md")) { text in
            guard let range = text.range(of: "{#what-to-do}\n\n") else { return text }
            let long = String(repeating: "Note the time, the flight and what was said, and tell your supervisor. ", count: 40)
            return text.replacingCharacters(in: range, with: "{#what-to-do}\n\n" + long)
        }
        let a = try emit(workspace, into: try workspace.folder("A"))
        XCTAssertEqual(a.diagnostics.map(\.code), ["handout.overflow"], "\(a.diagnostics)")
        try SampleGuide.edit(workspace.content.appendingPathComponent("concepts/exploitation.en.md")) {
            $0.replacingOccurrences(of: "title: Exploitation\n", with: "title: Exploitation of people\n")
        }
        let b = try emit(workspace, into: try workspace.folder("B"), after: a)
        let c = try emit(workspace, into: try workspace.folder("C"))
        XCTAssertTrue(try reused(from: a.folder, in: b.folder).contains("checkin-gate-card.en.pdf"))
        XCTAssertEqual(b.diagnostics, c.diagnostics)
        XCTAssertEqual(b.diagnostics.map(\.code), ["handout.overflow"])
        try assertSameFiles(b.folder, c.folder)
    }

    /// A record that does not decode, or of another format, means a clean build.
    func testUnreadableRecordBuildsClean() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let a = try emit(workspace, into: try workspace.folder("A"))
        for data in [Data("not json".utf8), Data(#"{"format": 999, "global": "", "files": {}}"#.utf8)] {
            let folder = try workspace.folder("B-\(UUID().uuidString)")
            let context = EmitContext(
                guide: SampleGuide.load(workspace.content), folder: folder, templates: workspace.templates,
                drafts: false, sourceDate: SampleGuide.sourceDate,
                previous: PreviousOutput(folder: a.folder, record: OutputRecord(data: data)))
            XCTAssertEqual(try HandoutEmitter().emit(context), [])
            XCTAssertEqual(try reused(from: a.folder, in: folder), [])
            try assertSameFiles(folder, a.folder)
        }
    }

    /// `guide serve` updates the previous output in place: unchanged files stay (same inode),
    /// changed ones are replaced, files no longer made are removed.
    func testInPlaceUpdate() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let served = try workspace.folder("served")
        let first = try emit(workspace, into: served)
        let inodes = try FileManager.default.contentsOfDirectory(atPath: served.path).reduce(into: [String: UInt64]()) {
            $0[$1] = inode(served.appendingPathComponent($1))
        }
        try SampleGuide.edit(workspace.content.appendingPathComponent("concepts/exploitation.en.md")) {
            $0.replacingOccurrences(of: "title: Exploitation\n", with: "title: Exploitation of people\n")
        }
        try FileManager.default.removeItem(at: workspace.content.appendingPathComponent("handouts/cabin-crew-sheet.yml"))

        let record = OutputRecord()
        let context = EmitContext(
            guide: SampleGuide.load(workspace.content), folder: served, templates: workspace.templates, drafts: false,
            sourceDate: SampleGuide.sourceDate, previous: PreviousOutput(folder: served, record: first.record),
            record: record)
        XCTAssertTrue(context.inPlace)
        XCTAssertEqual(try HandoutEmitter().emit(context), [])
        let clean = try emit(workspace, into: try workspace.folder("clean"))
        try assertSameFiles(served, clean.folder)
        XCTAssertEqual(record.data, clean.record.data)

        let names = try FileManager.default.contentsOfDirectory(atPath: served.path)
        XCTAssertFalse(names.contains { $0.hasPrefix("cabin-crew-sheet.") }, "\(names)")
        let kept = Set(names.filter { inode(served.appendingPathComponent($0)) == inodes[$0] })
        XCTAssertEqual(kept, Set(names).subtracting(["full-guide-booklet.en.pdf"]))
    }
}
