import Diagnostics
import FileSystem
import Foundation
import GuideModel
import JSON

/// Writes `Output/bundle/`: `guide.json` (every entry, every language),
/// `guide.<lang>.json` per declared language, `guide.schema.json` (made from
/// this guide's vocabularies and content schemas) and `datapackage.json`
/// (every file with its size and hash). The format is documented in docs/bundle.md.
public struct BundleEmitter: Emitter {
    public let name = "bundle"

    public init() {}

    public func emit(_ context: EmitContext) throws -> [Diagnostic] {
        let guide = context.guide
        let parts = BundleParts(
            guide: guide, drafts: context.drafts, sourceDate: context.sourceDate, today: context.today)
        try BundleWriter(parts: parts, folder: context.folder).write()
        try write(
            JSONWriter().bytes(BundleSchema.document(for: guide)), BundleFormat.schemaFileName, in: context.folder)

        // The package describes the files as written: read back, so sizes and hashes are of the final bytes.
        var files: [DataPackage.File] = []
        let names =
            [(BundleFormat.fullFileName, nil)] + parts.codes.map { (BundleFormat.languageFileName($0), $0) }
            + [(BundleFormat.schemaFileName, nil)]
        for (name, language) in names {
            let url = context.folder.appendingPathComponent(name)
            files.append(DataPackage.File(name: name, bytes: [UInt8](try Data(contentsOf: url)), language: language))
        }
        let package = DataPackage.document(
            config: guide.config, baseURL: parts.index.baseURL, files: files,
            generatedAt: parts.generatedAt)
        try write(JSONWriter().bytes(package), BundleFormat.packageFileName, in: context.folder)
        return []
    }

    private func write(_ bytes: [UInt8], _ name: String, in folder: URL) throws {
        let error = OutputFiles.write(folder.appendingPathComponent(name).path, bytes)
        if error != 0 { throw POSIXError(POSIXErrorCode(rawValue: error) ?? .EIO) }
    }
}
