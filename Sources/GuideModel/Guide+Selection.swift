extension Guide {
    /// The entries a handout's `include` item selects, in order (a selection
    /// map's entries sorted by id). Drafts are left out unless `drafts` is set.
    public func entries(selectedBy selection: HandoutDefinition.Selection, drafts: Bool = false) -> [Entry] {
        switch selection {
        case .entry(let reference):
            return entry(reference.entry).map { [$0] } ?? []
        case .filter(let type, let filters):
            return entries(of: type).filter { entry in
                guard let file = sourceFile(of: entry) else { return false }
                if !drafts, file.status == "draft" { return false }
                return filters.allSatisfy { key, wanted in matches(file, filter: key, wanted: wanted) }
            }
        }
    }

    /// Every entry a handout includes, without repeats, in `include` order.
    public func entries(of handout: HandoutDefinition, drafts: Bool = false) -> [Entry] {
        var seen: Set<Reference> = []
        return handout.include.flatMap { entries(selectedBy: $0, drafts: drafts) }.filter {
            seen.insert($0.reference).inserted
        }
    }

    /// Whether a source file passes one selection filter. Filters name the
    /// plural of what they select: `touchpoints`, `categories`, `roles`, `countries`.
    private func matches(_ file: EntryFile, filter: String, wanted: [String]) -> Bool {
        let values: [String]
        switch filter {
        case "touchpoints": values = file.strings("touchpoints")
        case "categories": values = file.string("category").map { [$0] } ?? []
        case "roles": values = file.strings("observers") + file.strings("roles")
        case "countries":
            if let country = file.string("country") {
                values = [country]
            } else {
                let jurisdictions = file.strings("jurisdictions")
                if jurisdictions.isEmpty { return true }
                values = jurisdictions
            }
        default: return false
        }
        return values.contains { wanted.contains($0) }
    }
}
