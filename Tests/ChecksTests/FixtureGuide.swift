import Checks
import Diagnostics
import Foundation
import Loader
import XCTest

/// A guide for a test: the base fixture (with the sample guide's schemas),
/// changed by an overlay folder or by code, in a temporary folder.
///
/// Overlay folders hold files that replace or add to the base; a file named
/// `<name>.delete` removes `<name>` from the base. Files under `beside-content/`
/// go beside `Content/` instead (a published bundle that guide.yml names as
/// `../published/guide.json`).
struct FixtureGuide {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

    /// The folder that holds `Content/`.
    let root: URL
    var content: URL { root.appendingPathComponent("Content") }

    init(overlay: URL? = nil) throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("guide-fixture-\(UUID().uuidString)")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        try fm.copyItem(at: Self.fixtures.appendingPathComponent("base"), to: content)
        try fm.copyItem(
            at: Self.repository.appendingPathComponent("Content/schema"),
            to: content.appendingPathComponent("schema"))
        guard let overlay else { return }
        let files = fm.enumerator(at: overlay, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where !file.hasDirectoryPath {
            let relative = String(file.path.dropFirst(overlay.path.count + 1))
            guard relative != "expected.txt" else { continue }
            if relative.hasSuffix(".delete") {
                try fm.removeItem(at: content.appendingPathComponent(String(relative.dropLast(7))))
                continue
            }
            let outside = "beside-content/"
            let target =
                relative.hasPrefix(outside)
                ? root.appendingPathComponent(String(relative.dropFirst(outside.count)))
                : content.appendingPathComponent(relative)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
            try fm.copyItem(at: file, to: target)
        }
    }

    /// Writes `data` to a path under `Content/`.
    func write(_ relative: String, _ data: Data) throws {
        let url = content.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func write(_ relative: String, _ text: String) throws { try write(relative, Data(text.utf8)) }

    /// Loads and checks the guide as `guide check` does, with paths shown as `Content/…`.
    func check(today: String = "2026-06-01") -> [Diagnostic] {
        let loaded = ContentLoader(root: content, displayRoot: "Content").load()
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return GuideChecker.run(
            guide: loaded.guide, schemas: loaded.schemas,
            loadDiagnostics: loaded.diagnostics, today: f.date(from: today)!)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// One line per diagnostic, as golden files hold them: `file:line:column: severity [code]`.
    static func golden(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map {
            "\($0.file):\($0.position.line):\($0.position.column): \($0.severity.rawValue) [\($0.code)]\n"
        }.joined()
    }
}
