import Foundation
import XCTest

/// Symbolic links that leave `Content/` or `Templates/` are errors at their
/// path and are never followed: nothing from elsewhere on the machine is
/// read, checked or published. Links that stay inside are followed.
final class SymlinkTests: XCTestCase {
    func link(_ copy: SampleCopy, _ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: copy.url(relative).path, withDestinationPath: target)
    }

    func testLinksLeavingTheFoldersAreErrorsAndNeverFollowed() throws {
        let copy = try SampleCopy()
        try copy.write("Outside/secret.txt", "SECRET-OUTSIDE")
        try copy.write("Outside/folder/inner.svg", "<svg>SECRET-FOLDER</svg>")
        try copy.write(
            "Outside/entry.en.md", "---\ntitle: Leaked\nsummary: SECRET-ENTRY\nstatus: published\n---\nSECRET-ENTRY\n")
        try link(copy, "Content/media/passwd", to: "/etc/passwd")
        try link(copy, "Content/media/home", to: copy.url("Outside/folder").path)
        try link(copy, "Content/concepts/leaked.en.md", to: copy.url("Outside/entry.en.md").path)
        try link(copy, "Templates/site/assets/leak.txt", to: copy.url("Outside/secret.txt").path)
        // Inside the folder: followed as before.
        try link(copy, "Content/media/same-diagram.svg", to: "act-means-purpose.svg")

        let check = try copy.guide(["check", "--format", "json"])
        XCTAssertEqual(check.status, 1, check.stderr)
        let diagnostics = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [[String: Any]])
        let symlinks = diagnostics.filter { $0["code"] as? String == "file.symlink" }
        XCTAssertEqual(
            Set(symlinks.compactMap { $0["file"] as? String }),
            [
                "Content/media/passwd", "Content/media/home", "Content/concepts/leaked.en.md",
                "Templates/site/assets/leak.txt",
            ])
        for diagnostic in symlinks {
            XCTAssertEqual(diagnostic["severity"] as? String, "error")
            XCTAssertTrue((diagnostic["message"] as? String)?.contains("leads outside") == true, "\(diagnostic)")
        }
        XCTAssertFalse(check.stdout.contains("SECRET"), "nothing from the targets is read")
        XCTAssertFalse(
            diagnostics.contains { ($0["file"] as? String)?.contains("same-diagram") == true },
            "a link inside Content/ is fine")

        let build = try copy.guide(["build"])
        XCTAssertEqual(build.status, 1, build.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: copy.url("Output").path), "nothing is published")
    }
}
