/// Formats whole entries (indicators, protocols, helplines, concepts) as flow items, for the
/// booklet and for sheet pages. Every label comes from the content's interface strings.
struct EntryFormatter {
    let typesetter: Typesetter
    let strings: InterfaceStrings

    private var style: HandoutStyle { typesetter.style }
    private var body: BlockFormatter { BlockFormatter(typesetter: typesetter) }
    private var gap: Double { body.blockGap }

    /// An entry under its title; `mark` makes the title a destination and bookmark.
    func entry(_ item: HandoutItem, width: Double, mark: Mark?) -> [any FlowItem] {
        let titleStyle = typesetter.textStyle(.heading, color: style.accent)
        let title = TextItem(typesetter.frame(item.title, titleStyle, width: width), color: titleStyle.color,
                             keepWithNext: true)
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
            result += body.callout([.paragraph([Run(strings.whatToDo + ": ", bold: true), Run(indicator.whatToDo)])],
                                   width: width)
            if !indicator.body.isEmpty { result += [SpaceItem(height: gap)] + body.items(indicator.body, width: width) }
            return result
        case .protocol(let item):
            return protocolBody(item, width: width)
        case .helpline(let helpline):
            let lines = helplineLines(helpline, width: width, showName: false)
            guard !helpline.body.isEmpty else { return lines }
            return lines + [SpaceItem(height: gap)] + body.items(helpline.body, width: width)
        case .concept(let concept):
            return body.items(concept.body, width: width)
        }
    }

    /// Notice, trigger, numbered steps, do and don't, then (when asked: the booklet) the rest of
    /// the body and who to call. Sheets lay out who to call themselves and leave the rest off.
    func protocolBody(_ item: ProtocolItem, width: Double, whoToCall: Bool = true, intro: Bool = true) -> [any FlowItem] {
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
        if whoToCall && !item.helplines.isEmpty {
            result += [SpaceItem(height: gap * 1.5), subheading(strings.whoToCall, width: width)]
            for helpline in item.helplines {
                result += [SpaceItem(height: gap * 0.5)] + helplineLines(helpline, width: width, showName: true)
            }
        }
        return result
    }

    /// Do and don't side by side when both exist, each a bulleted list under its label.
    private func doAndDont(_ item: ProtocolItem, width: Double) -> any FlowItem {
        let lists = [(strings.doList, item.dos), (strings.dontList, item.donts)].filter { !$0.1.isEmpty }
        let columnGap = typesetter.size(.body) * 1.5
        let columnWidth = (width - columnGap * Double(lists.count - 1)) / Double(lists.count)
        return ColumnsItem(columns: lists.enumerated().map { index, list in
            let entries = list.1.map { [RichBlock.paragraph($0)] }
            let items = [subheading(list.0, width: columnWidth), SpaceItem(height: gap * 0.5)]
                + body.list(ordered: false, entries: entries, width: columnWidth)
            return (Double(index) * (columnWidth + columnGap), StackItem(items: items))
        })
    }

    /// A helpline as lines of text: name, organisation, one line per channel with the value in
    /// bold and linked, hours, languages. Unknown hours and languages say so.
    func helplineLines(_ helpline: HelplineItem, width: Double, showName: Bool) -> [any FlowItem] {
        var result: [any FlowItem] = []
        if let notice = helpline.notice { result.append(small(notice, width: width, italic: true)) }
        if showName {
            var runs = [Run(helpline.name, bold: true)]
            if let organisation = helpline.organisation, organisation != helpline.name { runs.append(Run(" · \(organisation)")) }
            result.append(body.paragraph(runs, width: width))
        } else if let organisation = helpline.organisation {
            result.append(small(organisation, width: width))
        }
        for channel in helpline.channels {
            let value = Run(channel.value, bold: true, link: channel.url.map(LinkTarget.url))
            let hours = "\(strings.hours): \(channel.hours ?? strings.notStated)"
            result.append(body.paragraph([Run(channel.typeLabel + ": "), value, Run(" (\(hours))")], width: width))
        }
        let languages = helpline.languages.isEmpty ? strings.notStated : helpline.languages.joined(separator: ", ")
        result.append(small("\(strings.languages): \(languages)", width: width))
        return result
    }

    func subheading(_ text: String, width: Double) -> TextItem {
        var textStyle = typesetter.textStyle(.body, bold: true, color: style.accent)
        textStyle.font = style.headingFont
        textStyle.size = typesetter.size(.body) * 1.1
        return TextItem(typesetter.frame(text, textStyle, width: width), color: textStyle.color, keepWithNext: true)
    }

    func small(_ text: String, width: Double, italic: Bool = false) -> TextItem {
        let textStyle = typesetter.textStyle(.small, italic: italic, color: style.muted)
        return TextItem(typesetter.frame(text, textStyle, width: width), color: textStyle.color)
    }
}
