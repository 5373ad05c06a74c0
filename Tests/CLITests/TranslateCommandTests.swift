import Foundation
import XCTest

/// `guide translate export` and `import` on copies of the sample guide, with
/// the exports read and written by translate-toolkit and checked by msgfmt.
final class TranslateCommandTests: XCTestCase {
    static let languages = ["es", "nl", "pap", "ht", "pt"]

    /// Every file under Content/, by path, with its bytes.
    static func snapshot(_ copy: SampleCopy) throws -> [String: Data] {
        let root = copy.url("Content")
        var out: [String: Data] = [:]
        let files =
            FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where !file.hasDirectoryPath {
            out[String(file.path.dropFirst(root.path.count + 1))] = try Data(contentsOf: file)
        }
        return out
    }

    /// `guide check`'s diagnostics as JSON lines, sorted.
    static func check(_ copy: SampleCopy) throws -> [String] {
        let result = try copy.guide(["check", "--format", "json", "--today", "2026-06-01"])
        let list = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return list.map {
            "\($0["file"] ?? ""):\($0["line"] ?? 0):\($0["column"] ?? 0) \($0["severity"] ?? "") [\($0["code"] ?? "")]"
        }.sorted()
    }

    func testExportThenImportLeavesEveryFileByteIdenticalInEveryLanguageAndFormat() throws {
        let copy = try SampleCopy(templates: false)
        let before = try Self.snapshot(copy)
        let checked = try Self.check(copy)
        for language in Self.languages {
            for format in ["xliff", "po"] {
                let file = "\(language).\(format == "po" ? "po" : "xlf")"
                let exported = try copy.guide([
                    "translate", "export", "--language", language, "--format", format, "--file", file,
                ])
                XCTAssertEqual(exported.status, 0, exported.stderr)
                let imported = try copy.guide(["translate", "import", file])
                XCTAssertEqual(imported.status, 0, "\(file): \(imported.stderr)")
                XCTAssertEqual(imported.stdout, "nothing to change\n", file)
                XCTAssertEqual(imported.stderr, "", file)
                XCTAssertEqual(try Self.snapshot(copy), before, "\(file) changed Content/")
            }
        }
        XCTAssertEqual(try Self.check(copy), checked)
    }

    func testExportsAreReadByTranslateToolkitAndPOPassesMsgfmt() throws {
        let copy = try SampleCopy(templates: false)
        for language in ["es", "pap"] {
            for format in ["xliff", "po"] {
                let file = "\(language).\(format == "po" ? "po" : "xlf")"
                let exported = try copy.guide([
                    "translate", "export", "--language", language, "--format", format, "--file", file,
                ])
                XCTAssertEqual(exported.status, 0, exported.stderr)
                // "wrote es.xlf: 49 entries, 561 units (… with a translation)"
                let words = exported.stderr.split(separator: " ")
                let units = try XCTUnwrap(words.firstIndex(of: "units").map { Int(words[$0 - 1]) ?? -1 })
                let translated =
                    Int(exported.stderr.split(separator: "(").last?.split(separator: " ").first ?? "") ?? -1
                let result = try TranslationTools.python(
                    """
                    from translate.storage import factory
                    store = factory.getobject('\(file)')
                    units = [u for u in store.units if not u.isheader()]
                    codes = sum(1 for u in units for e in u.rich_source[0].flatten() if e.__class__.__name__ != 'StringElem') if '\(format)' == 'xliff' else 0
                    print(len(units), sum(1 for u in units if u.target), codes, len(set(u.getid() for u in units)))
                    """, in: copy.root)
                XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
                let counts = result.stdout.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
                XCTAssertEqual(counts.count, 4, result.stdout + result.stderr)
                XCTAssertEqual(counts.first, units, "\(file): translate-toolkit counts other units")
                XCTAssertEqual(counts.dropFirst().first, translated, "\(file): translate-toolkit counts other targets")
                XCTAssertEqual(counts.last, units, "\(file): unit ids are not unique")
                if format == "xliff" {
                    XCTAssertGreaterThan(counts[2], 100, "\(file): translate-toolkit sees no inline codes")
                }
                if format == "po" {
                    let msgfmt = try TranslationTools.msgfmtCheck(copy.url(file))
                    XCTAssertEqual(msgfmt.status, 0, msgfmt.stdout + msgfmt.stderr)
                    XCTAssertFalse((msgfmt.stdout + msgfmt.stderr).contains("warning"), msgfmt.stdout + msgfmt.stderr)
                }
            }
        }
    }

    /// A translator works in a tool (here translate-toolkit, which keeps the
    /// inline codes as placeables); the import writes a new translation that
    /// `guide check` finds no error in.
    func testATranslationWrittenByTranslateToolkitIsImportedAndChecksClean() throws {
        let copy = try SampleCopy(templates: false)
        // Papiamento without these two concepts: the import writes them new.
        for id in ["consent", "exploitation"] {
            try FileManager.default.removeItem(at: copy.url("Content/concepts/\(id).pap.md"))
        }
        let errorsBefore = try Self.check(copy).filter { $0.contains(" error ") }
        XCTAssertEqual(try copy.guide(["translate", "export", "--language", "pap", "--file", "pap.xlf"]).status, 0)
        XCTAssertEqual(
            try copy.guide(["translate", "export", "--language", "pap", "--format", "po", "--file", "pap.po"]).status, 0
        )
        let result = try TranslationTools.python(
            """
            from translate.storage import xliff, po
            ns = '{urn:oasis:names:tc:xliff:document:1.2}'
            store = xliff.xlifffile.parsefile('pap.xlf')
            done = 0
            for unit in store.units:
                if unit.getid().startswith('concepts/consent.en.md'):
                    unit.rich_target = unit.rich_source
                    target = unit.xmlelement.find(ns + 'target')
                    target.text = 'PAP ' + (target.text or '')
                    target.set('state', 'translated')
                    done += 1
            store.savefile('pap-done.xlf')
            pofile = po.pofile.parsefile('pap.po')
            for unit in pofile.units:
                if unit.getcontext().startswith('concepts/exploitation#'):
                    unit.target = 'PAP ' + unit.source
                    unit.markfuzzy(False)
            pofile.savefile('pap-done.po')
            print(done)
            """, in: copy.root)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertGreaterThan(
            Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0, 10, result.stdout + result.stderr)
        for file in ["pap-done.xlf", "pap-done.po"] {
            let imported = try copy.guide(["translate", "import", file])
            XCTAssertEqual(imported.status, 0, imported.stderr)
            XCTAssertTrue(imported.stdout.contains("(new)"), imported.stdout)
        }
        let consent = try copy.read("Content/concepts/consent.pap.md")
        XCTAssertTrue(consent.contains("status: review"), consent)
        XCTAssertTrue(consent.contains("## PAP What the law says {#rule}"), consent)
        XCTAssertTrue(
            consent.contains("PAP Under the [definition of trafficking](concepts/trafficking-in-persons), "), consent)
        // PO has no reviewed state: a changed text comes back in review.
        XCTAssertTrue(try copy.read("Content/concepts/exploitation.pap.md").contains("status: review"))
        XCTAssertEqual(try Self.check(copy).filter { $0.contains(" error ") }, errorsBefore)
        let status = try copy.guide(["status", "--format", "json"])
        XCTAssertTrue(status.stdout.contains("\"current\""), status.stdout)
    }

    func testOutdatedExportsOnlyWhatNeedsWork() throws {
        let copy = try SampleCopy(templates: false)
        let none = try copy.guide(["translate", "export", "--language", "es", "--outdated", "--file", "es.xlf"])
        XCTAssertEqual(none.status, 0, none.stderr)
        XCTAssertTrue(none.stderr.contains("nothing to export"), none.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: copy.url("es.xlf").path))
        try copy.edit(
            StatusCommandTests.consentSource, replacing: StatusCommandTests.oldSentence,
            with: StatusCommandTests.newSentence)
        XCTAssertEqual(
            try copy.guide(["translate", "export", "--language", "es", "--outdated", "--file", "es.xlf"]).status, 0)
        let originals = try copy.read("es.xlf").components(separatedBy: "<file original=\"").dropFirst().map {
            $0.prefix { $0 != "\"" }
        }
        XCTAssertEqual(originals, ["concepts/consent.en.md"])
        XCTAssertTrue(try copy.read("es.xlf").contains("The source changed since this translation was made"))
    }

    func testBadInputIsReportedAtItsLineAndNothingIsWritten() throws {
        let copy = try SampleCopy(templates: false)
        let before = try Self.snapshot(copy)
        XCTAssertEqual(try copy.guide(["translate", "export", "--language", "es", "--file", "es.xlf"]).status, 0)
        let xliff = try copy.read("es.xlf")
        let lines = xliff.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let link = try XCTUnwrap(
            lines.firstIndex { $0.contains("<target") && $0.contains("](concepts/trafficking-in-persons)</ept>") })
        var broken = lines
        broken[link] = broken[link].replacingOccurrences(
            of: "](concepts/trafficking-in-persons)</ept>", with: "](concepts/exploitation)</ept>")
        try copy.write("broken.xlf", broken.joined(separator: "\n"))
        let result = try copy.guide(["translate", "import", "broken.xlf"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("broken.xlf:\(link + 1):9: error: "), result.stderr) // at <target
        XCTAssertTrue(result.stderr.contains("[translate.inline-code]"), result.stderr)
        XCTAssertTrue(result.stderr.contains("nothing was written"), result.stderr)

        try copy.write("truncated.xlf", String(xliff.prefix(xliff.count / 2)))
        let truncated = try copy.guide(["translate", "import", "truncated.xlf", "--format", "json"])
        XCTAssertEqual(truncated.status, 1)
        let diagnostics = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(truncated.stdout.utf8)) as? [[String: Any]])
        let code = diagnostics.first?["code"] as? String
        XCTAssertEqual(code, "translate.syntax")
        XCTAssertGreaterThan(diagnostics.first?["line"] as? Int ?? 0, 1)
        XCTAssertEqual(try Self.snapshot(copy), before)
    }
}
