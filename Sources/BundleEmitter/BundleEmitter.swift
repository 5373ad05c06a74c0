import Diagnostics
import Foundation
import GuideModel
import JSON

/// Writes `Output/bundle/`: `guide.json` (every entry, every language),
/// `guide.<lang>.json` per declared language and `guide.schema.json`.
/// The format is documented in docs/bundle.md.
public struct BundleEmitter: Emitter {
    public let name = "bundle"

    public init() {}

    public func emit(_ context: EmitContext) throws -> [Diagnostic] {
        let guide = context.guide
        let parts = BundleParts(guide: guide, drafts: context.drafts, sourceDate: context.sourceDate)
        try BundleWriter(parts: parts, folder: context.folder).write()
        let schemaPath = context.folder.appendingPathComponent(BundleFormat.schemaFileName).path
        let error = OutputFiles.write(schemaPath, JSONWriter().bytes(BundleSchema.document))
        if error != 0 { throw POSIXError(POSIXErrorCode(rawValue: error) ?? .EIO) }
        return []
    }
}
