import Diagnostics
import Foundation
import GuideModel
import JSON

/// Writes `Output/bundle/`: `guide.json` (every entry, every language),
/// `guide.<lang>.json` per declared language and `guide.schema.json`.
/// The format is documented in docs/bundle.md.
///
/// Incremental builds: every file holds every entry (and `content_hash` covers them all),
/// so the bundle is either reused whole or written whole. It is reused when the global
/// inputs (see `BundleRecord.global`) and every entry's fingerprint are what the previous
/// build recorded, e.g. when only a site template or a handout changed.
public struct BundleEmitter: Emitter {
    public let name = "bundle"

    public init() {}

    public func emit(_ context: EmitContext) throws -> [Diagnostic] {
        let guide = context.guide
        let names = [BundleFormat.fullFileName] + guide.config.languageCodes.map(BundleFormat.languageFileName)
            + [BundleFormat.schemaFileName]
        let record = BundleRecord(global: BundleRecord.global(context), entries: BundleRecord.fingerprints(guide),
                                  files: names)

        if let previous = context.previous, BundleRecord.decode(previous.record) == record {
            if names.allSatisfy({ OutputFiles.keep($0, from: previous.folder, into: context.folder, inPlace: context.inPlace) }) {
                context.record.set(record, encode: { record.encoded() })
                return []
            }
        }

        let parts = BundleParts(guide: guide, drafts: context.drafts, sourceDate: context.sourceDate)
        try BundleWriter(parts: parts, folder: context.folder).write()
        let schemaPath = context.folder.appendingPathComponent(BundleFormat.schemaFileName).path
        let error = OutputFiles.replace(schemaPath, with: JSONWriter().bytes(BundleSchema.document))
        if error != 0 { throw POSIXError(POSIXErrorCode(rawValue: error) ?? .EIO) }
        // A language no longer declared leaves its file behind.
        if context.inPlace { OutputFiles.removeFiles(in: context.folder, except: Set(names)) }
        context.record.set(record, encode: { record.encoded() })
        return []
    }
}
