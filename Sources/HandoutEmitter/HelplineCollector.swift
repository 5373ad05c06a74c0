/// The helplines a handout shows: those it includes directly, then those its protocols name,
/// each once, in first-seen order.
enum HelplineCollector {
    static func helplines(in content: HandoutContent) -> [HelplineItem] {
        var seen: Set<String> = []
        var result: [HelplineItem] = []
        func add(_ helpline: HelplineItem) {
            if seen.insert(helpline.anchor).inserted { result.append(helpline) }
        }
        for case .helpline(let helpline) in content.allItems { add(helpline) }
        for case .protocol(let item) in content.allItems { item.helplines.forEach(add) }
        return result
    }
}
