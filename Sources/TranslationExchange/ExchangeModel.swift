import GuideModel

/// A translation's editorial status (`status` in front matter), as a unit's
/// state in a translation tool.
public enum UnitStatus: String, Sendable, Comparable, CaseIterable {
    case draft, review, published

    private var rank: Int { self == .draft ? 0 : self == .review ? 1 : 2 }
    public static func < (a: UnitStatus, b: UnitStatus) -> Bool { a.rank < b.rank }

    /// XLIFF 1.2 `state` for a target in this status.
    var xliffState: String {
        switch self {
        case .draft: return "needs-translation"
        case .review: return "needs-review-translation"
        case .published: return "final"
        }
    }

    /// The status an XLIFF 1.2 `state` stands for: signed off or final is
    /// published; translated or needing review is in review; new or needing
    /// translation (with a target) is a draft. No state is taken as review.
    init(xliffState state: String?) {
        switch state {
        case "final", "signed-off": self = .published
        case "new", "needs-translation", "needs-adaptation", "needs-l10n": self = .draft
        default: self = .review
        }
    }
}

/// One unit as written to, or read from, an exchange file.
public struct ExchangeUnit: Sendable {
    /// The unit's key within its entry (`summary`, `aliases.1`, `body.4`).
    public var key: String
    public var source: [Piece]
    public var target: [Piece]?
    /// The target's status (for a target read back: what its state says).
    public var status: UnitStatus?
    /// Notes for the translator: where the text is, its length limit, its terms.
    public var notes: [String] = []
    /// At most this many characters (the schema's `maxLength`).
    public var maxLength: Int?
    /// The source file line the text is on.
    public var sourceLine: Int?
    /// Where the unit, its source and its target are in the exchange file (import).
    public var line = 0, sourceElementLine = 0, targetLine = 0
    /// The columns of the same (1 when not known).
    public var column = 1, sourceElementColumn = 1, targetColumn = 1

    public init(key: String, source: [Piece], target: [Piece]?, status: UnitStatus?) {
        self.key = key
        self.source = source
        self.target = target
        self.status = status
    }
}

/// One entry's units for one language.
public struct ExchangeEntry: Sendable {
    public var reference: Reference
    /// The source file, as a path relative to the content folder (`concepts/consent.en.md`).
    public var sourceFile: String
    /// The source hash and body structure the units were exported from.
    public var version: ExportVersion?
    public var units: [ExchangeUnit]
    /// Where the entry starts in the exchange file (import).
    public var line = 0

    public init(reference: Reference, sourceFile: String, version: ExportVersion?, units: [ExchangeUnit]) {
        self.reference = reference
        self.sourceFile = sourceFile
        self.version = version
        self.units = units
    }
}

/// What an export was made from, carried in the exchange file so an import
/// can stamp the source version it translates, and tell whether the body's
/// structure it numbers its blocks by is still the one on disk.
public struct ExportVersion: Sendable, Hashable {
    public var sourceHash: String
    /// A hash of the source body's shapes (`TextSlot.shape`), in order.
    public var structure: String

    public init(sourceHash: String, structure: String) {
        self.sourceHash = sourceHash
        self.structure = structure
    }

    /// `source_hash=… structure=…`, as written in the exchange file.
    public var written: String { "source_hash=\(sourceHash) structure=\(structure)" }

    public init?(written: String) {
        var hash: String?
        var structure: String?
        for part in written.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," || $0 == ";" }) {
            if part.hasPrefix("source_hash=") { hash = String(part.dropFirst(12)) }
            if part.hasPrefix("structure=") { structure = String(part.dropFirst(10)) }
        }
        guard let hash, let structure, hash.count == SourceHash.length,
            hash.allSatisfy(\.isHexDigit), structure.allSatisfy(\.isHexDigit)
        else { return nil }
        self.init(sourceHash: hash, structure: structure)
    }

    /// The structure hash of a body's slots.
    static func structure(of slots: [TextSlot]) -> String {
        var hash = FNV1a()
        for slot in slots { hash.add(slot.shape + "\n") }
        return String(hash.value, radix: 16).leftPadded(to: 16)
    }
}

/// The file formats translation tools exchange.
public enum ExchangeFormat: String, Sendable, CaseIterable {
    case xliff, po

    /// The usual file name extension.
    public var fileExtension: String { self == .xliff ? "xlf" : "po" }
}

/// A whole exchange file: one language's entries.
public struct ExchangeDocument: Sendable {
    public var sourceLanguage: String
    public var targetLanguage: String
    public var entries: [ExchangeEntry]
    /// What it was read from: PO has no reviewed state of its own (see `ImportPlanner`).
    public var format: ExchangeFormat

    public init(
        sourceLanguage: String, targetLanguage: String, entries: [ExchangeEntry], format: ExchangeFormat = .xliff
    ) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.entries = entries
        self.format = format
    }
}

extension String {
    func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
