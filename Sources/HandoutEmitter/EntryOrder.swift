import GuideModel

/// The order and number of entries a handout prints, as its definition declares them: `order`
/// (references printed first, in that order), then indicators strongest first and helplines
/// emergency first (`Guide.purposeOrder`), then the order `include` gives (by id within a
/// selection); `limit` keeps the first entries of a type.
struct EntryOrder {
    /// Position of each entry named in `order`.
    let declared: [String: Int]
    /// At most this many entries per type.
    let limits: [EntryType: Int]

    init(definition: HandoutDefinition, layout: HandoutLayout) {
        var declared: [String: Int] = [:]
        for (index, item) in (definition.value["order"]?.arrayValue ?? []).enumerated() {
            if let reference = item.stringValue.flatMap(Reference.init(parsing:)),
                declared[reference.entry.description] == nil
            {
                declared[reference.entry.description] = index
            }
        }
        self.declared = declared
        var limits: [EntryType: Int] = [:]
        // A poster shows the few strongest signs, not a list.
        if layout == .poster { limits[.indicators] = Self.posterSigns }
        for type in EntryType.allCases {
            if let limit = definition.value["limit"]?[type.rawValue]?.numberValue?.integerValue, limit > 0 {
                limits[type] = limit
            }
        }
        self.limits = limits
    }

    /// How many strongest indicators a poster shows unless `limit` says otherwise.
    static let posterSigns = 3

    /// Strong indicators first.
    static func strengthRank(_ strength: String?) -> Int {
        switch strength {
        case "strong": 0
        case "moderate": 1
        case "contextual": 2
        default: 3
        }
    }

    /// Sorts entries of one type and applies its limit. `field` reads a source-file field of an
    /// entry (an indicator's `strength`, a helpline's `purpose`).
    func arrange(_ entries: [Entry], field: (Entry, String) -> String?) -> [Entry] {
        let ranked = entries.enumerated().sorted { a, b in
            let left = (declared[a.element.reference.description] ?? Int.max, rank(a.element, field), a.offset)
            let right = (declared[b.element.reference.description] ?? Int.max, rank(b.element, field), b.offset)
            return left < right
        }.map(\.element)
        guard let type = entries.first?.type, let limit = limits[type] else { return ranked }
        return Array(ranked.prefix(limit))
    }

    private func rank(_ entry: Entry, _ field: (Entry, String) -> String?) -> Int {
        switch entry.type {
        case .indicators: return Self.strengthRank(field(entry, "strength"))
        case .helplines:
            let purpose = field(entry, "purpose") ?? ""
            return Guide.purposeOrder.firstIndex(of: purpose) ?? Guide.purposeOrder.count
        default: return 0
        }
    }
}
