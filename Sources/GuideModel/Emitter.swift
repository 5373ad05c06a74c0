import Diagnostics
import Foundation

/// One output of `guide build` (site, handouts or bundle). Emitters read the
/// checked guide and write only inside `context.folder`.
public protocol Emitter: Sendable {
    /// The output's name: its folder under `Output/` and its `--only` value.
    var name: String { get }
    /// Writes the output; returns problems found while producing it (such as
    /// a handout that does not fit). Throws only for environment problems
    /// (a missing font or library), which exit with 2.
    func emit(_ context: EmitContext) throws -> [Diagnostic]
}

/// What an emitter may read.
public struct EmitContext: Sendable {
    public var guide: Guide
    /// The folder to write into (empty when the emitter starts).
    public var folder: URL
    public var templates: URL
    /// Include `status: draft` entries and translations.
    public var drafts: Bool
    /// From `SOURCE_DATE_EPOCH`: the only time an output may contain.
    public var sourceDate: Date?

    public init(guide: Guide, folder: URL, templates: URL, drafts: Bool, sourceDate: Date?) {
        self.guide = guide
        self.folder = folder
        self.templates = templates
        self.drafts = drafts
        self.sourceDate = sourceDate
    }
}
