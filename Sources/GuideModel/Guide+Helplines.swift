extension Guide {
    /// The order of "who to call": emergency first, then the line to report
    /// trafficking, then child protection and victim support.
    public static let purposeOrder = ["emergency", "report", "child-protection", "victim-support"]

    /// The published helplines of `country`, emergency numbers first (then
    /// by purpose as `purposeOrder` gives it, then by id).
    public func helplines(of country: String, drafts: Bool) -> [Entry] {
        entries(of: .helplines).filter { entry in
            isPublished(entry, drafts: drafts) && sourceFile(of: entry)?.string("country") == country
        }.sorted { purposeRank($0) < purposeRank($1) || (purposeRank($0) == purposeRank($1) && $0.id < $1.id) }
    }

    /// Whether `country` has a published emergency helpline: where none is
    /// known, every output that lists the country's numbers says so plainly.
    public func hasEmergencyNumber(_ country: String, drafts: Bool) -> Bool {
        helplines(of: country, drafts: drafts).contains { sourceFile(of: $0)?.string("purpose") == "emergency" }
    }

    private func purposeRank(_ entry: Entry) -> Int {
        let purpose = sourceFile(of: entry)?.string("purpose") ?? ""
        return Self.purposeOrder.firstIndex(of: purpose) ?? Self.purposeOrder.count
    }
}
