import Checks
import Foundation
import GuideModel
import Loader
import XCTest

@testable import HandoutEmitter

/// Issue 12 on paper: freshness, source facts, review notices, placeholder hosts and emergency
/// numbers, checked in the text pdftotext reads from the sample PDFs.
final class ReaderSafetyTests: XCTestCase {
    private func text(_ build: SampleBuild, _ name: String) throws -> String {
        try PDFTools.text(build.folder.appendingPathComponent(name))
    }

    /// Every handout that prints a number prints its verification date; stale ones say to check.
    func testEveryNumberCarriesItsVerificationDate() throws {
        let build = try SampleBuild.shared()
        let maxAgeDays = build.guide.config.helplineMaxAgeDays
        var stale = 0
        for handout in build.handouts {
            let text = SampleGuide.squeezed(try text(build, handout.name))
            for helpline in handout.written.content.whoToCall.flatMap(\.helplines) {
                let verification = try XCTUnwrap(helpline.verification, helpline.anchor)
                XCTAssertTrue(
                    text.contains(SampleGuide.squeezed(verification)), "\(handout.name) lacks \(verification)")
                // Stale when older than the guide's window on the build day, as the content dates it.
                let verifiedOn = try XCTUnwrap(
                    SampleGuide.verifiedOn(helpline.anchor, guide: build.guide), helpline.anchor)
                XCTAssertTrue(verification.contains(verifiedOn.description), "\(helpline.anchor): \(verification)")
                if verifiedOn.days(until: SampleGuide.buildDay) > maxAgeDays {
                    stale += 1
                    let warning = try XCTUnwrap(helpline.staleWarning, "\(helpline.anchor) is stale")
                    XCTAssertTrue(text.contains(SampleGuide.squeezed(warning)), "\(handout.name) lacks \(warning)")
                } else {
                    XCTAssertNil(helpline.staleWarning, "\(helpline.anchor) is not stale on \(SampleGuide.buildDay)")
                }
            }
        }
        XCTAssertGreaterThan(stale, 0, "some sample number is stale on the build day")
        let poster = try text(build, "do-helpline-poster.en.pdf")
        let posterLines = try XCTUnwrap(build.handouts.first { $0.name == "do-helpline-poster.en.pdf" })
            .written.content.whoToCall.flatMap(\.helplines)
        XCTAssertFalse(posterLines.isEmpty)
        for helpline in posterLines {
            let verifiedOn = try XCTUnwrap(SampleGuide.verifiedOn(helpline.anchor, guide: build.guide), helpline.anchor)
            XCTAssertTrue(poster.contains("Verified \(verifiedOn)"), poster)
            if verifiedOn.days(until: SampleGuide.buildDay) > maxAgeDays {
                XCTAssertTrue(poster.contains("Check before use"), poster)
            }
        }
    }

    /// Anonymous, free of charge, hours and languages only where the front matter says so; never
    /// "not stated" on cards, sheets or posters.
    func testSourceFactsArePrintedAndUnknownsAreNotPrintedLarge() throws {
        let build = try SampleBuild.shared()
        let poster = try text(build, "do-helpline-poster.en.pdf")
        XCTAssertTrue(poster.contains("Anonymous"), "the Dominican line is anonymous per its source")
        if build.guide.entry(Reference(type: .protocols, id: "alert-at-check-in"))?.files["ht"] == nil {
            XCTAssertTrue(
                try text(build, "do-helpline-poster.ht.pdf").contains("Poko tradui"), "advice in English says so")
        }
        XCTAssertFalse(poster.contains("Free of charge"), "its channel is not toll-free in the front matter")
        let booklet = try text(build, "full-guide-booklet.en.pdf")
        XCTAssertTrue(booklet.contains("Free of charge"), "Trinidad and Tobago's toll-free line")
        for handout in build.handouts where handout.layout != "booklet" {
            let text = try text(build, handout.name)
            XCTAssertFalse(
                text.contains(handout.written.content.strings.notStated), "\(handout.name) prints \"not stated\"")
        }
    }

    /// Text in review carries the notice in its language; the English source does not.
    func testReviewNoticeInTheHandoutsLanguage() throws {
        let build = try SampleBuild.shared()
        let notices = [
            "es": "Esta traducción aún no ha sido revisada", "nl": "Deze vertaling is nog niet",
            "pap": "Ningun hende cu papiamento", "ht": "Pa gen moun ki pale lang sa a", "pt": "Esta tradução ainda não",
        ]
        for handout in build.handouts {
            let text = SampleGuide.squeezed(try text(build, handout.name))
            if let notice = notices[handout.language] {
                XCTAssertTrue(text.contains(SampleGuide.squeezed(notice)), "\(handout.name) lacks the review notice")
            } else {
                XCTAssertFalse(text.contains("nativespeaker"), "\(handout.name): the source is not in review")
            }
        }
    }

    /// Every handout for a country carries its emergency number first, or says plainly that no
    /// public source in the guide gives one (Aruba's, until the content has it).
    func testCountryEmergencyNumberFirstOrAPlainStatement() throws {
        let build = try SampleBuild.shared()
        let card = try text(build, "checkin-gate-card.en.pdf")
        let cardGroup = try XCTUnwrap(
            build.handouts.first { $0.name == "checkin-gate-card.en.pdf" }?.written.content.whoToCall.first)
        if build.guide.hasEmergencyNumber("AW", drafts: false) {
            XCTAssertEqual(cardGroup.helplines.first?.purpose, "emergency", "emergency first")
        } else {
            XCTAssertTrue(
                SampleGuide.squeezed(card).contains("NopublicsourceinthisguidegivesanemergencynumberforAruba"), card)
        }
        let poster = try text(build, "do-helpline-poster.es.pdf")
        XCTAssertTrue(poster.contains("911"), "the Dominican emergency number is on its poster")
        let group = try XCTUnwrap(
            build.handouts.first { $0.name == "do-helpline-poster.es.pdf" }?.written.content.whoToCall.first)
        XCTAssertEqual(group.helplines.first?.purpose, "emergency", "emergency first")
    }

    /// The sample's base_url is a placeholder: with `handouts.proofs` its sheets and booklet are
    /// built, every page with a link to it marked; without, they are errors and not written.
    func testPlaceholderHostIsAProofOrAnError() throws {
        let build = try SampleBuild.shared()
        let proofs = build.report.diagnostics.filter { $0.code == "handout.proof" }
        XCTAssertEqual(proofs.count, build.report.diagnostics.count, "\(build.report.diagnostics)")
        XCTAssertEqual(
            Set(proofs.map(\.file)),
            [
                "Content/handouts/cabin-crew-sheet.yml", "Content/handouts/immigration-sheet.yml",
                "Content/handouts/full-guide-booklet.yml",
            ], "the build says which handouts are proofs")
        XCTAssertTrue(proofs.allSatisfy { $0.severity == .warning })
        let sheet = try text(build, "cabin-crew-sheet.es.pdf")
        XCTAssertTrue(sheet.contains("PRUEBA, no distribuir"), "the proof says so in the handout's language")
        XCTAssertFalse(try text(build, "do-helpline-poster.en.pdf").contains("PROOF"), "a tel: QR code needs no site")

        let copy = try SampleGuide.copyOfContent()
        defer { try? FileManager.default.removeItem(at: copy) }
        try SampleGuide.edit(copy.appendingPathComponent("guide.yml")) {
            $0.replacingOccurrences(of: "  proofs: true\n", with: "")
        }
        let (report, folder) = try SampleGuide.emit(SampleGuide.load(copy))
        let errors = report.diagnostics.filter { $0.code == "handout.placeholder-link" }
        XCTAssertEqual(
            Set(errors.map(\.file)),
            [
                "Content/handouts/cabin-crew-sheet.yml", "Content/handouts/immigration-sheet.yml",
                "Content/handouts/full-guide-booklet.yml",
            ])
        XCTAssertTrue(errors.allSatisfy { $0.severity == .error && $0.message.contains("guide.example.org") })
        XCTAssertTrue(errors.allSatisfy { $0.help?.contains("--proofs") == true })
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertFalse(files.contains { $0.hasPrefix("cabin-crew-sheet") }, "\(files)")
        XCTAssertTrue(files.contains("do-helpline-poster.en.pdf"))
    }

    /// With `stale_helplines: refuse`, guide check names every handout that would print a stale number.
    func testRefusingStaleNumbersBlocksTheHandoutsThatPrintThem() throws {
        let copy = try SampleGuide.copyOfContent()
        defer { try? FileManager.default.removeItem(at: copy) }
        try SampleGuide.edit(copy.appendingPathComponent("guide.yml")) {
            $0.replacingOccurrences(of: "  proofs: true\n", with: "  proofs: true\n  stale_helplines: refuse\n")
        }
        try SampleGuide.edit(copy.appendingPathComponent("handouts/do-helpline-poster.yml")) {
            $0 + "office_print: [a4]\n"
        }
        let loaded = ContentLoader(root: copy, displayRoot: "Content").load()
        let diagnostics = GuideChecker.run(
            guide: loaded.guide, schemas: loaded.schemas, loadDiagnostics: loaded.diagnostics,
            today: SampleGuide.sourceDate.addingTimeInterval(2 * 365 * 86_400))
        let blocked = diagnostics.filter { $0.code == "handout.stale-helpline" }
        XCTAssertEqual(Set(blocked.map(\.file)).count, 5, "\(blocked.map(\.file))")
        XCTAssertTrue(blocked.allSatisfy { $0.severity == .error })
        XCTAssertTrue(blocked.contains { $0.message.contains("do-anti-trafficking-line (verified 2016-09-05)") })
        let imposed = diagnostics.filter { $0.code == "handout.office-print" }
        XCTAssertEqual(imposed.map(\.file), ["Content/handouts/do-helpline-poster.yml"], "only cards are imposed")
    }
}
