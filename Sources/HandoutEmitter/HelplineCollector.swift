/// The helplines a handout shows: those it includes directly, then those its protocols name,
/// each once, in first-seen order; and the same grouped by country for "Who to call".
enum HelplineCollector {
    static func helplines(in content: HandoutContent) -> [HelplineItem] {
        content.whoToCall.flatMap(\.helplines)
    }

    static func helplines(in sections: [HandoutSection]) -> [HelplineItem] {
        var seen: Set<String> = []
        var result: [HelplineItem] = []
        func add(_ helpline: HelplineItem) {
            if seen.insert(helpline.anchor).inserted { result.append(helpline) }
        }
        let items = sections.flatMap(\.items)
        for case .helpline(let helpline) in items { add(helpline) }
        for case .protocol(let item) in items { item.helplines.forEach(add) }
        return result
    }

    /// Groups by country in first-seen order, emergency numbers first within each group (a
    /// stable sort, so the rest keep their order). Content built from a guide gets its groups
    /// from the builder, which also knows the countries' names and missing emergency numbers.
    static func groups(_ sections: [HandoutSection]) -> [HelplineGroup] {
        var order: [String] = []
        var byCountry: [String: [HelplineItem]] = [:]
        for helpline in helplines(in: sections) {
            let country = helpline.country ?? ""
            if byCountry[country] == nil { order.append(country) }
            byCountry[country, default: []].append(helpline)
        }
        return order.map { country in
            let list = byCountry[country] ?? []
            return HelplineGroup(
                anchor: "who-to-call/\(country.isEmpty ? "other" : country)", title: country,
                helplines: list.filter(\.isEmergency) + list.filter { !$0.isEmergency })
        }
    }
}
