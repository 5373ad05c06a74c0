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
        let documents = BundleDocuments(guide: context.guide, drafts: context.drafts, sourceDate: context.sourceDate)
        var files: [(String, JSONValue)] = [(BundleFormat.fullFileName, documents.full)]
        files += documents.languages.map { (BundleFormat.languageFileName($0.code), $0.document) }
        files.append((BundleFormat.schemaFileName, BundleSchema.document))
        let folder = context.folder
        var failure: Error?
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let (name, value) = files[i]
            do {
                try Data(JSONWriter().bytes(value)).write(to: folder.appendingPathComponent(name))
            } catch {
                lock.lock()
                failure = failure ?? error
                lock.unlock()
            }
        }
        if let failure { throw failure }
        return []
    }
}
