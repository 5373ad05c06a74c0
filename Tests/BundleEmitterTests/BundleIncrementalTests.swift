import BundleEmitter
import Foundation
import GuideModel
import JSON
import XCTest

/// An incremental build must give what a clean build gives, reusing the previous files when
/// no entry and no global input changed.
final class BundleIncrementalTests: XCTestCase {
    private func emit(_ guide: Guide, into folder: URL, drafts: Bool = false, sourceDate: Date? = nil,
                      previous: PreviousOutput? = nil) throws -> OutputRecord {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let record = OutputRecord()
        let context = EmitContext(guide: guide, folder: folder, templates: folder, drafts: drafts,
                                  sourceDate: sourceDate, previous: previous, record: record)
        XCTAssertEqual(try BundleEmitter().emit(context), [])
        XCTAssertNotNil(record.data)
        return record
    }

    private func assertSameFiles(_ b: URL, _ c: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: c.path).sorted()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: b.path).sorted(), names, file: file, line: line)
        XCTAssertFalse(names.isEmpty, file: file, line: line)
        for name in names {
            XCTAssert(try Data(contentsOf: b.appendingPathComponent(name)) == Data(contentsOf: c.appendingPathComponent(name)),
                      "\(name) differs from a clean build", file: file, line: line)
        }
    }

    private func inode(_ url: URL) -> UInt64? {
        var info = stat()
        return stat(url.path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// Names of the files in `folder` that are the same files (inodes) as in `previous`.
    private func reused(from previous: URL, in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().filter {
            inode(previous.appendingPathComponent($0)) == inode(folder.appendingPathComponent($0))
        }
    }

    /// Builds clean (A), edits, builds from A (B) and clean (C): B must equal C. Returns the
    /// files B reused from A.
    @discardableResult
    private func assertIncrementalEqualsClean(_ edit: (TestGuide) throws -> Void, file: StaticString = #filePath,
                                              line: UInt = #line) throws -> [String] {
        let guide = try TestGuide()
        defer { guide.remove() }
        let a = guide.root.appendingPathComponent("A")
        let recordA = try emit(guide.load(), into: a)
        try edit(guide)
        let edited = guide.load(file: file, line: line)
        let b = guide.root.appendingPathComponent("B")
        let recordB = try emit(edited, into: b, previous: PreviousOutput(folder: a, record: OutputRecord(data: recordA.data!)))
        let c = guide.root.appendingPathComponent("C")
        let recordC = try emit(edited, into: c)
        try assertSameFiles(b, c, file: file, line: line)
        XCTAssertEqual(recordB.data, recordC.data, file: file, line: line)
        return try reused(from: a, in: b)
    }

    func testChangedTitle() throws {
        let reused = try assertIncrementalEqualsClean { guide in
            try guide.replace("title: Exploitation\n", with: "title: Exploitation of people\n", in: "concepts/exploitation.en.md")
        }
        XCTAssertEqual(reused, [])
    }

    func testAddedTranslation() throws {
        let reused = try assertIncrementalEqualsClean { guide in
            // The Spanish file's structure, under a Dutch title.
            let spanish = try guide.read("concepts/exploitation.es.md")
            let title = try XCTUnwrap(spanish.components(separatedBy: "\n").first { $0.hasPrefix("title: ") })
            try guide.write("concepts/exploitation.nl.md", spanish.replacingOccurrences(of: title, with: "title: Uitbuiting"))
        }
        XCTAssertEqual(reused, [])
    }

    func testDeletedEntry() throws {
        let reused = try assertIncrementalEqualsClean { guide in
            for language in ["en", "es", "nl", "pap", "ht", "pt"] {
                try guide.delete("indicators/false-or-borrowed-documents.\(language).md")
            }
        }
        XCTAssertEqual(reused, [])
    }

    func testChangedGuideSettings() throws {
        let reused = try assertIncrementalEqualsClean { guide in
            try guide.replace("\nversion: 1.0.0\n", with: "\nversion: 1.1.0\n", in: "guide.yml")
        }
        XCTAssertEqual(reused, [])
    }

    /// The bundle reads no template and no handout definition: after such an edit (or none)
    /// every file is reused.
    func testEditTheBundleDoesNotReadReusesEveryFile() throws {
        let reused = try assertIncrementalEqualsClean { guide in
            try guide.replace("paper: letter", with: "paper: a4", in: "handouts/immigration-sheet.yml")
        }
        XCTAssertEqual(reused, ["guide.en.json", "guide.es.json", "guide.ht.json", "guide.json", "guide.nl.json",
                                "guide.pap.json", "guide.pt.json", "guide.schema.json"])
    }

    /// Other build settings are global inputs: a different `--drafts` or `SOURCE_DATE_EPOCH`
    /// writes the bundle again; a record that does not decode too.
    func testChangedSettingsOrUnreadableRecordWriteAgain() throws {
        let guide = try TestGuide()
        defer { guide.remove() }
        let loaded = guide.load()
        let a = guide.root.appendingPathComponent("A")
        let record = try emit(loaded, into: a)
        let date = Date(timeIntervalSince1970: 1_735_689_600)
        for (name, drafts, sourceDate, data) in [("drafts", true, nil, record.data!), ("date", false, date, record.data!),
                                                 ("garbage", false, nil, Data("{".utf8))] as [(String, Bool, Date?, Data)] {
            let b = guide.root.appendingPathComponent("B-\(name)")
            try emit(loaded, into: b, drafts: drafts, sourceDate: sourceDate,
                     previous: PreviousOutput(folder: a, record: OutputRecord(data: data)))
            XCTAssertEqual(try reused(from: a, in: b), [], name)
            let c = guide.root.appendingPathComponent("C-\(name)")
            try emit(loaded, into: c, drafts: drafts, sourceDate: sourceDate)
            try assertSameFiles(b, c)
        }
    }

    /// `guide serve`: the bundle in place is left alone when nothing it shows changed, and
    /// replaced (new files, renamed into place) when something did.
    func testInPlaceUpdate() throws {
        let guide = try TestGuide()
        defer { guide.remove() }
        let served = guide.root.appendingPathComponent("served")
        var record = try emit(guide.load(), into: served)
        let before = try FileManager.default.contentsOfDirectory(atPath: served.path).reduce(into: [String: UInt64]()) {
            $0[$1] = inode(served.appendingPathComponent($1))
        }

        record = try emit(guide.load(), into: served, previous: PreviousOutput(folder: served, record: record))
        for (name, number) in before { XCTAssertEqual(inode(served.appendingPathComponent(name)), number, name) }

        try guide.replace("title: Exploitation\n", with: "title: Exploitation of people\n", in: "concepts/exploitation.en.md")
        let edited = guide.load()
        let updated = try emit(edited, into: served, previous: PreviousOutput(folder: served, record: record))
        let clean = guide.root.appendingPathComponent("clean")
        let cleanRecord = try emit(edited, into: clean)
        try assertSameFiles(served, clean)
        XCTAssertEqual(updated.data, cleanRecord.data)
        XCTAssertNotEqual(inode(served.appendingPathComponent("guide.json")), before["guide.json"])
    }
}
