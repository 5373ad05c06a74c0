import Foundation
import GuideModel
import Loader
import XCTest

/// The repository's sample guide, loaded once, and temporary copies of it.
enum SampleContent {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let content = repository.appendingPathComponent("Content")

    static let loaded: LoadedContent = ContentLoader(root: content, displayRoot: "Content").load()

    /// A temporary copy of Content/ (the caller removes `root`).
    static func copy() throws -> (root: URL, content: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("guide-exchange-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let target = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: content, to: target)
        return (root, target)
    }

    /// Every regular file under `folder`, by relative path, with its bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let files =
            FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where !file.hasDirectoryPath {
            out[String(file.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: file)
        }
        return out
    }
}
