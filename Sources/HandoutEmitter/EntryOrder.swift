import GuideModel

/// The order and number of entries a handout prints, as its definition declares them: `order`
/// (references printed first, in that order), then indicators strongest first, then the order
/// `include` gives (by id within a selection); `limit` keeps the first entries of a type.
struct EntryOrder {
    /// Position of each entry named in `order`.
    let declared: [String: Int]
    /// At most this many entries per type.
    let limits: [EntryType: Int]

    init(definition: HandoutDefinition, layout: HandoutLayout) {
        var declared: [String: Int] = [:]
        for (index, item) in (definition.value["order"]?.arrayValue ?? []).enumerated() {
            if let reference = item.stringValue.flatMap(Reference.init(parsing:)), declared[reference.entry.description] == nil {
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

    /// Sorts entries of one type and applies its limit. `strength` gives an indicator's strength.
    func arrange(_ entries: [Entry], strength: (Entry) -> String?) -> [Entry] {
        let ranked = entries.enumerated().sorted { a, b in
            let left = (declared[a.element.reference.description] ?? Int.max, rank(a.element, strength), a.offset)
            let right = (declared[b.element.reference.description] ?? Int.max, rank(b.element, strength), b.offset)
            return left < right
        }.map(\.element)
        guard let type = entries.first?.type, let limit = limits[type] else { return ranked }
        return Array(ranked.prefix(limit))
    }

    private func rank(_ entry: Entry, _ strength: (Entry) -> String?) -> Int {
        entry.type == .indicators ? Self.strengthRank(strength(entry)) : 0
    }
}
