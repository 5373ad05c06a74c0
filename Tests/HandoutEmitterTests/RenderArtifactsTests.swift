import Foundation
import XCTest

@testable import HandoutEmitter

/// PNG renders of every sample handout, every layout and every language, at 100 dpi, written to
/// `.build/artifacts/handouts/` (git-ignored) for a reviewer to look at, with the PDFs beside them.
final class RenderArtifactsTests: XCTestCase {
    static let folder = SampleGuide.repository.appendingPathComponent(".build/artifacts/handouts")

    func testWritesPNGOfEveryHandoutInEveryLanguage() throws {
        let (report, _) = try SampleGuide.emit(SampleGuide.load())
        try? FileManager.default.removeItem(at: Self.folder)
        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        var written = 0
        for item in report.written {
            for url in [item.file].compactMap({ $0 }) + item.imposed {
                let name = url.deletingPathExtension().lastPathComponent
                try FileManager.default.copyItem(at: url, to: Self.folder.appendingPathComponent(url.lastPathComponent))
                // Booklets: the cover, the contents and two spreads are enough to look at.
                var range: [String] = []
                if item.definition.layout == "booklet" { range = ["-f", "1", "-l", "6"] }
                try PDFTools.run(
                    "pdftoppm",
                    ["-r", "100", "-png"] + range + [url.path, Self.folder.appendingPathComponent(name).path])
                written += 1
            }
        }
        XCTAssertEqual(written, report.written.count + report.written.reduce(0) { $0 + $1.imposed.count })
        let pngs = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".png") }
        XCTAssertGreaterThanOrEqual(pngs.count, written)
    }
}
