import Foundation
import GuideModel
import XCTest

@testable import HandoutEmitter

/// The sample guide's handouts, built once per test run and read once with pdfminer.six and
/// pikepdf (Tools/pdfprobe.py), for the tests that measure the real PDFs.
final class SampleBuild: Sendable {
    let guide: Guide
    let report: HandoutEmitter.Report
    let folder: URL
    /// What pdfprobe.py read, by file name (`checkin-gate-card.en.pdf`).
    let probes: [String: PDFProbe]

    private init() throws {
        guide = SampleGuide.load()
        (report, folder) = try SampleGuide.emit(guide)
        let files = report.written.compactMap(\.file)
        probes = Dictionary(
            uniqueKeysWithValues: try SampleGuide.probe(files).map {
                (URL(fileURLWithPath: $0.key).lastPathComponent, $0.value)
            })
    }

    private static let built = Result { try SampleBuild() }

    static func shared() throws -> SampleBuild {
        try built.get()
    }

    /// Every written handout with its layout and language.
    var handouts: [(name: String, layout: String, language: String, written: HandoutEmitter.Report.Written)] {
        report.written.compactMap { written in
            guard let file = written.file else { return nil }
            return (file.lastPathComponent, written.definition.layout, written.content.language, written)
        }
    }
}
