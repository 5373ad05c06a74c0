import JSON

/// `guide.yml`'s `handouts` settings: how printed handouts treat a short
/// running title, placeholder hosts and stale numbers. Read from the
/// document's value (its shape is validated by `guide.schema.json`).
public struct HandoutSettings: Sendable, Equatable {
    /// What a handout does with a helpline past `helpline_max_age_days`.
    public enum StalePolicy: String, Sendable, CaseIterable {
        /// Printed with its verification date and a "check before use" line.
        case print
        /// Not printed: a handout that would print one is an error.
        case refuse
    }

    /// The running title of multi-page handouts, per language (short enough
    /// for one line); the guide's title when absent.
    public var shortTitle: [String: String] = [:]
    /// Build every handout as a proof: while `base_url` is a placeholder host,
    /// pages that print a QR code or link to it are marked as proofs instead
    /// of the handout being an error. `guide build --proofs` does the same
    /// for one build.
    public var proofs = false
    public var staleHelplines: StalePolicy = .print

    public init(shortTitle: [String: String] = [:], proofs: Bool = false, staleHelplines: StalePolicy = .print) {
        self.shortTitle = shortTitle
        self.proofs = proofs
        self.staleHelplines = staleHelplines
    }

    /// Reads the `handouts` mapping of `guide.yml`; defaults for what is absent.
    public init(json value: JSONValue?) {
        for (language, title) in value?["short_title"]?.objectValue ?? JSONObject() {
            if let text = title.stringValue { shortTitle[language] = text }
        }
        proofs = value?["proofs"]?.boolValue ?? false
        staleHelplines = value?["stale_helplines"]?.stringValue.flatMap(StalePolicy.init(rawValue:)) ?? .print
    }
}

extension Guide {
    /// `guide.yml`'s `handouts` settings.
    public var handoutSettings: HandoutSettings { HandoutSettings(json: configDocument?.value["handouts"]) }

    /// Every published helpline a handout prints: those it includes, those
    /// of its `country`, and those its protocols name; each once.
    public func helplinesPrinted(by handout: HandoutDefinition, drafts: Bool) -> [Entry] {
        var result: [Entry] = []
        var seen: Set<Reference> = []
        func add(_ entry: Entry) {
            if isPublished(entry, drafts: drafts), seen.insert(entry.reference).inserted { result.append(entry) }
        }
        let included = entries(of: handout, drafts: drafts)
        for entry in included where entry.type == .helplines { add(entry) }
        if let country = handout.country { helplines(of: country, drafts: drafts).forEach(add) }
        for entry in included where entry.type == .protocols {
            let named = sourceFile(of: entry)?.strings("helplines") ?? []
            named.compactMap(Reference.init(parsing:)).compactMap { self.entry($0.entry) }.forEach(add)
        }
        return result
    }
}
