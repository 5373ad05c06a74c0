/// Formats whole entries (indicators, protocols, helplines, concepts) as flow items, for the
/// booklet and for sheet pages. Every label comes from the content's interface strings.
struct EntryFormatter {
    let typesetter: Typesetter
    let strings: InterfaceStrings
    /// The handout's "Who to call" groups, which protocols refer to instead of repeating numbers.
    var whoToCall: [HelplineGroup] = []

    private var style: HandoutStyle { typesetter.style }
    private var body: BlockFormatter { BlockFormatter(typesetter: typesetter) }
    private var gap: Double { body.blockGap }

    /// An entry under its title; `mark` makes the title a destination and bookmark.
    func entry(_ item: HandoutItem, width: Double, mark: Mark?) -> [any FlowItem] {
        let titleStyle = typesetter.textStyle(.heading, color: style.accent)
        let title = TextItem(
            typesetter.frame(item.title, titleStyle, width: width), color: titleStyle.color,
            keepWithNext: true, tag: "H2")
        let heading: any FlowItem = mark.map { MarkedItem(child: title, marks: [$0]) } ?? title
        return [heading, SpaceItem(height: gap)] + details(item, width: width)
    }

    private func details(_ item: HandoutItem, width: Double) -> [any FlowItem] {
        switch item {
        case .indicator(let indicator):
            var result: [any FlowItem] = [
                body.paragraph([Run(indicator.summary)], width: width, italic: true),
                SpaceItem(height: gap * 0.5),
                small(indicator.strength, width: width),
                SpaceItem(height: gap),
            ]
            result += body.callout(
                [.paragraph([Run(strings.whatToDo + ": ", bold: true), Run(indicator.whatToDo)])],
                width: width)
            if !indicator.body.isEmpty { result += [SpaceItem(height: gap)] + body.items(indicator.body, width: width) }
            return result
        case .protocol(let item):
            return protocolBody(item, width: width, whoToCall: whoToCall)
        case .helpline(let helpline):
            let lines: [any FlowItem] = [helplineBlock(helpline, width: width, showName: false, notStated: true)]
            guard !helpline.body.isEmpty else { return lines }
            return lines + [SpaceItem(height: gap)] + body.items(helpline.body, width: width)
        case .concept(let concept):
            return body.items(concept.body, width: width)
        }
    }

    /// Notice, trigger, numbered steps, do and don't, then (when asked: the booklet) the rest of
    /// the body and a reference to who to call. Sheets lay out who to call themselves.
    func protocolBody(_ item: ProtocolItem, width: Double, whoToCall: [HelplineGroup] = [], intro: Bool = true)
        -> [any FlowItem]
    {
        var result: [any FlowItem] = []
        if let notice = item.notice {
            result += [small(notice, width: width, italic: true), SpaceItem(height: gap)]
        }
        result += body.callout([.paragraph([Run(item.trigger)])], width: width)
        if intro && !item.intro.isEmpty {
            result += [SpaceItem(height: gap)] + body.items(item.intro, width: width)
        }
        result += [SpaceItem(height: gap * 1.5), subheading(strings.steps, width: width), SpaceItem(height: gap * 0.5)]
        result += body.items([.list(ordered: true, items: item.steps)], width: width)
        if !item.dos.isEmpty || !item.donts.isEmpty {
            result += [SpaceItem(height: gap * 1.5), doAndDont(item, width: width)]
        }
        // Each number is printed once, in "Who to call"; the protocol names the countries there.
        let countries = Set(item.helplines.compactMap(\.country))
        let groups = whoToCall.filter { group in group.helplines.contains { countries.contains($0.country ?? "") } }
        if !groups.isEmpty {
            var runs = [Run(strings.whoToCall + ": ", bold: true)]
            for (index, group) in groups.enumerated() {
                if index > 0 { runs.append(Run(" · ")) }
                runs.append(Run(group.title.isEmpty ? strings.whoToCall : group.title, link: .anchor(group.anchor)))
            }
            result += [SpaceItem(height: gap * 1.5), body.paragraph(runs, width: width)]
        }
        return result
    }

    /// Do and don't side by side when both exist, each a bulleted list under its label.
    private func doAndDont(_ item: ProtocolItem, width: Double) -> any FlowItem {
        let lists = [(strings.doList, item.dos), (strings.dontList, item.donts)].filter { !$0.1.isEmpty }
        let columnGap = typesetter.size(.body) * 1.5
        let columnWidth = (width - columnGap * Double(lists.count - 1)) / Double(lists.count)
        return ColumnsItem(
            columns: lists.enumerated().map { index, list in
                let entries = list.1.map { [RichBlock.paragraph($0)] }
                let items =
                    [subheading(list.0, width: columnWidth), SpaceItem(height: gap * 0.5)]
                    + body.list(ordered: false, entries: entries, width: columnWidth)
                return (Double(index) * (columnWidth + columnGap), StackItem(items: items))
            })
    }

    /// A helpline kept together: name (and organisation), each channel with its value in bold
    /// and linked, what the source states (anonymous, free, hours, languages) with the
    /// verification date, and "check before use" when it is stale. `notStated` prints unknown
    /// hours and languages as such (the booklet); elsewhere they are left out. Under a country's
    /// heading (`country`), a name that starts with the country's name drops it.
    func helplineBlock(
        _ helpline: HelplineItem, width: Double, showName: Bool, notStated: Bool = false,
        country: String? = nil
    ) -> GroupItem {
        var result: [any FlowItem] = []
        if let notice = helpline.notice { result.append(small(notice, width: width, italic: true)) }
        if showName {
            var runs = [Run(Self.name(helpline, under: country), bold: true)]
            if notStated, let organisation = helpline.organisation, organisation != helpline.name {
                runs.append(Run(" · \(organisation)"))
            }
            result.append(body.paragraph(runs, width: width))
        } else if let organisation = helpline.organisation {
            result.append(small(organisation, width: width))
        }
        for channel in helpline.channels {
            // A number in a narrow column moves to the next line whole rather than breaking.
            let shown = channel.isNumber ? channel.value.replacingOccurrences(of: " ", with: "\u{00A0}") : channel.value
            let value = Run(shown, bold: true, link: channel.url.map(LinkTarget.url))
            var runs = [Run(channel.typeLabel + ": "), value]
            if notStated { runs.append(Run(" (\(strings.hours): \(channel.hours ?? strings.notStated))")) }
            result.append(body.paragraph(runs, width: width))
        }
        var facts = helpline.facts
        if notStated, helpline.languages.isEmpty { facts.append("\(strings.languages): \(strings.notStated)") }
        result += freshness(helpline, width: width, facts: facts)
        return GroupItem(items: result)
    }

    /// A helpline's name without a leading "Country: " where the country's heading says it.
    static func name(_ helpline: HelplineItem, under country: String?) -> String {
        guard let country, !country.isEmpty, helpline.name.hasPrefix(country + ":") else { return helpline.name }
        let rest = helpline.name.dropFirst(country.count + 1).trimmingCharacters(in: .whitespaces)
        guard let first = rest.first else { return helpline.name }
        return first.uppercased() + rest.dropFirst()
    }

    /// What the source states and the verification date on one line, then the "check before
    /// use" line in bold when the number is stale.
    func freshness(_ helpline: HelplineItem, width: Double, facts: [String] = []) -> [any FlowItem] {
        var result: [any FlowItem] = []
        let line = facts + [helpline.verification].compactMap { $0 }
        if !line.isEmpty { result.append(small(line.joined(separator: " · "), width: width)) }
        if let warning = helpline.staleWarning {
            let textStyle = typesetter.textStyle(.small, bold: true, color: style.text)
            result.append(TextItem(typesetter.frame(warning, textStyle, width: width), color: textStyle.color))
        }
        return result
    }

    /// A country's heading in a booklet's "Who to call" (a link destination and bookmark), and the
    /// plain statement when the guide has no emergency number for it.
    func whoToCallHeading(_ group: HelplineGroup, width: Double) -> [any FlowItem] {
        var result: [any FlowItem] = []
        if !group.title.isEmpty {
            var textStyle = typesetter.textStyle(.heading, color: style.accent)
            textStyle.size = typesetter.size(.heading) * 1.25
            let heading = TextItem(
                typesetter.frame(group.title, textStyle, width: width), color: textStyle.color,
                keepWithNext: true, tag: "H2")
            result.append(MarkedItem(child: heading, marks: [Mark(destination: group.anchor, outline: nil)]))
        }
        if let missing = group.noEmergencyNumber {
            let textStyle = typesetter.textStyle(.body, bold: true)
            result.append(
                TextItem(typesetter.frame(missing, textStyle, width: width), color: textStyle.color, keepWithNext: true)
            )
        }
        return result
    }

    /// "Who to call" by country: the country's name, a plain statement when the guide has no
    /// emergency number for it, then its helplines, emergency first.
    func whoToCall(_ groups: [HelplineGroup], width: Double, notStated: Bool = false, marks: Bool = false)
        -> [any FlowItem]
    {
        var result: [any FlowItem] = []
        for group in groups {
            if !result.isEmpty { result.append(SpaceItem(height: gap * 1.2)) }
            if !group.title.isEmpty {
                let heading = subheading(group.title, width: width, tag: "H3")
                result.append(
                    marks ? MarkedItem(child: heading, marks: [Mark(destination: group.anchor, outline: nil)]) : heading
                )
            }
            if let missing = group.noEmergencyNumber {
                let textStyle = typesetter.textStyle(.body, bold: true, color: style.text)
                result.append(TextItem(typesetter.frame(missing, textStyle, width: width), color: textStyle.color))
            }
            for helpline in group.helplines {
                result += [
                    SpaceItem(height: gap * 0.5),
                    helplineBlock(helpline, width: width, showName: true, notStated: notStated, country: group.title),
                ]
            }
        }
        return result
    }

    /// A block's heading at the layout's heading size (a poster's "Who to call").
    func heading(_ text: String, width: Double) -> TextItem {
        let textStyle = typesetter.textStyle(.heading, color: style.accent)
        return TextItem(
            typesetter.frame(text, textStyle, width: width), color: textStyle.color, keepWithNext: true, tag: "H2")
    }

    func subheading(_ text: String, width: Double, tag: String = "H3") -> TextItem {
        var textStyle = typesetter.textStyle(.body, bold: true, color: style.accent)
        textStyle.font = style.headingFont
        textStyle.size = typesetter.size(.body) * 1.1
        return TextItem(
            typesetter.frame(text, textStyle, width: width), color: textStyle.color, keepWithNext: true, tag: tag)
    }

    func small(_ text: String, width: Double, italic: Bool = false) -> TextItem {
        let textStyle = typesetter.textStyle(.small, italic: italic, color: style.muted)
        return TextItem(typesetter.frame(text, textStyle, width: width), color: textStyle.color)
    }
}
