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
    /// The folder to write into: empty when the emitter starts, or the
    /// previous output itself when `inPlace`.
    public var folder: URL
    public var templates: URL
    /// Include `status: draft` entries and translations.
    public var drafts: Bool
    /// From `SOURCE_DATE_EPOCH`: the only time an output may contain.
    public var sourceDate: Date?
    /// The last build of this output and its record, when it may be reused;
    /// nil for a clean build. The result must be byte-identical either way.
    public var previous: PreviousOutput?
    /// Where the emitter records this build for the next one (optional: an
    /// emitter that records nothing always builds clean).
    public var record: OutputRecord

    public init(guide: Guide, folder: URL, templates: URL, drafts: Bool, sourceDate: Date?,
                previous: PreviousOutput? = nil, record: OutputRecord = OutputRecord()) {
        self.guide = guide
        self.folder = folder
        self.templates = templates
        self.drafts = drafts
        self.sourceDate = sourceDate
        self.previous = previous
        self.record = record
    }

    /// Whether the emitter writes over the previous output in place (`guide
    /// serve`) rather than into a new folder (`guide build`).
    public var inPlace: Bool {
        previous.map { $0.folder.standardizedFileURL.path == folder.standardizedFileURL.path } ?? false
    }
}
