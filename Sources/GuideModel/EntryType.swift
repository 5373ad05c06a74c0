/// The four kinds of entry, named as their folders under `Content/`.
public enum EntryType: String, CaseIterable, Sendable, Comparable {
    case concepts, indicators, protocols, helplines

    /// The schema file for this type: `Content/schema/<schemaName>.schema.json`.
    public var schemaName: String {
        switch self {
        case .concepts: return "concept"
        case .indicators: return "indicator"
        case .protocols: return "protocol"
        case .helplines: return "helpline"
        }
    }

    public static func < (a: EntryType, b: EntryType) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
