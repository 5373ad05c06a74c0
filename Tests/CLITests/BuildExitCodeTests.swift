import Foundation
import XCTest

/// `guide build` never exits 2 (the code for usage and environment errors)
/// for a problem in the content: every broken fixture of the checks (the
/// base guide with one mistake) built with `guide build` exits 1 when it has
/// an error and 0 when it has only warnings, names the file, and leaves no
/// output behind when it fails.
final class BuildExitCodeTests: XCTestCase {
    static let fixtures = SampleCopy.repository.appendingPathComponent("Tests/ChecksTests/Fixtures")

    /// The base guide with `overlay` on top, as the checks' fixtures are made.
    func makeGuide(_ overlay: URL, in root: URL) throws {
        let fm = FileManager.default
        let content = root.appendingPathComponent("Content")
        try fm.copyItem(at: Self.fixtures.appendingPathComponent("base"), to: content)
        try fm.copyItem(
            at: SampleCopy.repository.appendingPathComponent("Content/schema"),
            to: content.appendingPathComponent("schema"))
        try fm.copyItem(
            at: SampleCopy.repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        let files = fm.enumerator(at: overlay, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where !file.hasDirectoryPath {
            let relative = String(file.path.dropFirst(overlay.path.count + 1))
            guard relative != "expected.txt" else { continue }
            let beside = relative.hasPrefix("beside-content/")
            let target =
                beside
                ? root.appendingPathComponent(String(relative.dropFirst("beside-content/".count)))
                : content.appendingPathComponent(relative)
            if relative.hasSuffix(".delete") {
                try fm.removeItem(at: content.appendingPathComponent(String(relative.dropLast(7))))
                continue
            }
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
            try fm.copyItem(at: file, to: target)
        }
    }

    func testContentProblemsNeverExitWithTwo() throws {
        let broken = Self.fixtures.appendingPathComponent("broken")
        let names = try FileManager.default.contentsOfDirectory(atPath: broken.path).sorted()
        XCTAssertGreaterThan(names.count, 50)
        for name in names {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("guide-exit-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            try makeGuide(broken.appendingPathComponent(name), in: root)
            let expected = try String(
                contentsOf: broken.appendingPathComponent(name).appendingPathComponent("expected.txt"), encoding: .utf8)
            let hasError = expected.contains(": error [")
            let result = try SampleCopy.run(
                SampleCopy.binary, ["build", "--today", "2026-06-01"], in: root,
                environment: ["SOURCE_DATE_EPOCH": "1764460800"])
            XCTAssertNotEqual(result.status, 2, "\(name): a content problem exited 2:\n\(result.stderr)")
            if hasError {
                XCTAssertEqual(result.status, 1, "\(name):\n\(result.stderr)")
                XCTAssertFalse(
                    FileManager.default.fileExists(atPath: root.appendingPathComponent("Output").path),
                    "\(name): a failed build wrote Output/")
            }
            XCTAssertFalse(result.stderr.contains("Error Domain"), "\(name): a raw system error:\n\(result.stderr)")
            XCTAssertFalse(result.stderr.contains("Fatal error"), "\(name): a crash:\n\(result.stderr)")
        }
    }
}
