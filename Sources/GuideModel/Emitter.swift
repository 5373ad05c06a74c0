import Diagnostics
import Foundation
import Schema
import Synchronization

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
    /// The folder to write into: empty when the emitter starts, or, when
    /// `lastBuild` is set, the emitter's own last build, updated in place.
    public var folder: URL
    public var templates: URL
    /// Include `status: draft` entries and translations.
    public var drafts: Bool
    /// From `SOURCE_DATE_EPOCH`: the only time an output may contain.
    public var sourceDate: Date?
    /// The day helpline ages are measured against (`--today`, else today):
    /// what decides whether a number is shown as stale.
    public var today: FullDate
    /// `guide build --proofs`: handouts that print a QR code or link to a
    /// placeholder `base_url` host are built, each such page marked as a
    /// proof, instead of being an error (as `guide.yml` `handouts.proofs`).
    public var proofs: Bool
    /// `guide serve` only: what the emitter kept of its last build into
    /// `folder`, which it now updates in place. The result must be
    /// byte-identical to a build into an empty folder.
    public var lastBuild: KeptBuild?
    /// Where the emitter keeps what it wants back for the next build in place.
    public let kept: KeptBuild
    /// Handout files already published with the site (`handouts/<file>`),
    /// for the site's list of printable handouts; empty when none were.
    public var publishedHandouts: [PublishedHandout] = []

    public init(
        guide: Guide, folder: URL, templates: URL, drafts: Bool, sourceDate: Date?,
        today: FullDate = FullDate(utcDayOf: Date()), proofs: Bool = false, lastBuild: KeptBuild? = nil,
        kept: KeptBuild = KeptBuild()
    ) {
        self.guide = guide
        self.folder = folder
        self.templates = templates
        self.drafts = drafts
        self.sourceDate = sourceDate
        self.today = today
        self.proofs = proofs
        self.lastBuild = lastBuild
        self.kept = kept
    }

    /// Whether the emitter updates its last build in place (`guide serve`)
    /// rather than writing into an empty folder (`guide build`).
    public var inPlace: Bool { lastBuild != nil }
}

/// What an emitter keeps in memory of one build for the next in the same
/// process (`guide serve` updates the served folder in place): set by the
/// emitter, handed back as `EmitContext.lastBuild`. Nothing is kept on disk:
/// `guide build` always renders everything (reusing files from disk did not
/// pay for its bookkeeping, see docs/benchmarks.md).
public final class KeptBuild: Sendable {
    private let stored = Mutex<(any Sendable)?>(nil)

    public init() {}

    public var value: (any Sendable)? {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }
}
