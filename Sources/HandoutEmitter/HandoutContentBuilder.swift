import Diagnostics
import GuideModel
import Markdown

/// Where in a handout definition an item of the handout comes from, so a fit problem is
/// reported at the line an editor changes.
enum ItemOrigin: Hashable {
    /// The `include` item (by index) that selected the entry, or the protocol naming the helpline.
    case include(Int)
    /// A helpline shown because of the handout's `country`.
    case country
}

/// Maps the checked guide to what one handout shows in one language: the entries its
/// `include` selects (each localized with fallback), the helplines of its `country`, the QR
/// payload, the footer and the interface strings.
struct HandoutContentBuilder {
    let guide: Guide
    let definition: HandoutDefinition
    let language: String
    let strings: HandoutStrings
    let drafts: Bool
    let contentDate: String

    private var config: GuideConfig { guide.config }

    struct Built {
        var content: HandoutContent
        /// Item anchor → where it came from.
        var origins: [String: ItemOrigin]
    }

    /// `nil` when the definition's layout or paper is not one the renderer knows (reported by
    /// `guide check` as a schema or `handout.paper` error before any emitter runs).
    func build() -> Built? {
        guard let layout = HandoutLayout(rawValue: definition.layout), let paper = Paper(rawValue: definition.paper) else {
            return nil
        }
        var origins: [String: ItemOrigin] = [:]
        var included: [(entry: Entry, origin: ItemOrigin)] = []
        for (index, selection) in definition.include.enumerated() {
            for entry in guide.entries(selectedBy: selection, drafts: drafts) where guide.isPublished(entry, drafts: drafts) {
                let anchor = entry.reference.description
                guard origins[anchor] == nil else { continue }
                origins[anchor] = .include(index)
                included.append((entry, .include(index)))
            }
        }
        if let country = definition.country {
            for entry in guide.entries(of: .helplines) where guide.isPublished(entry, drafts: drafts) {
                let anchor = entry.reference.description
                guard origins[anchor] == nil, guide.sourceFile(of: entry)?.string("country") == country else { continue }
                origins[anchor] = .country
                included.append((entry, .country))
            }
        }
        let anchors = Set(origins.keys)
        let converter = RichTextConverter { destination in
            self.linkTarget(destination, booklet: layout == .booklet, anchors: anchors)
        }

        // One section per content type, in the order the definition first names each type.
        var order: [EntryType] = []
        var byType: [EntryType: [HandoutItem]] = [:]
        for (entry, origin) in included {
            guard let item = item(entry, converter: converter, origin: origin, origins: &origins) else { continue }
            if byType[entry.type] == nil { order.append(entry.type) }
            byType[entry.type, default: []].append(item)
        }
        let sections = order.map { HandoutSection(title: strings["sections.\($0.rawValue)"], items: byType[$0] ?? []) }
        let (payload, caption) = qr()
        let content = HandoutContent(
            title: definition.title[language] ?? definition.title[config.sourceLanguage] ?? definition.id,
            language: language, layout: layout, paper: paper, guideTitle: localizedTitle(config.title),
            version: config.version, contentDate: contentDate, qrPayload: payload, qrCaption: caption,
            strings: strings.interface, sections: sections)
        return Built(content: content, origins: origins)
    }

    // MARK: Entries

    private func item(_ entry: Entry, converter: RichTextConverter, origin: ItemOrigin,
                      origins: inout [String: ItemOrigin]) -> HandoutItem? {
        guard let shown = guide.localized(entry, in: language, drafts: drafts), let source = guide.sourceFile(of: entry) else {
            return nil
        }
        let file = shown.file
        let anchor = entry.reference.description
        let title = file.string("title") ?? source.string("title") ?? entry.id
        let notice = shown.isFallback ? strings.fallbackNotice(languageName: languageName(file.language)) : nil
        let noticeBlocks: [RichBlock] = notice.map { [.callout([.paragraph([Run($0, italic: true)])])] } ?? []
        switch entry.type {
        case .indicators:
            let whatToDo = file.body.section(id: "what-to-do")?.blocks.lazy.compactMap(Self.paragraphText).first
                ?? file.string("summary") ?? ""
            let strength = source.string("strength").flatMap { strings.optional("strength.\($0)") }
            let note = file.string("strength_note") ?? source.string("strength_note")
            return .indicator(IndicatorItem(
                anchor: anchor, source: file.path, title: title + (notice == nil ? "" : " (\(languageName(file.language)))"),
                summary: file.string("summary") ?? "", whatToDo: whatToDo,
                strength: [strength, note].compactMap { $0 }.joined(separator: ". "),
                body: noticeBlocks + converter.blocks(Self.blocks(of: file.body, excluding: ["what-to-do"]))))
        case .protocols:
            let steps = file.body.section(id: "steps").flatMap(Self.firstList)?.items.map { converter.blocks($0.blocks) } ?? []
            let helplines = source.strings("helplines").compactMap(Reference.init(parsing:)).compactMap { reference -> HelplineItem? in
                guard let target = guide.entry(reference.entry), guide.isPublished(target, drafts: drafts),
                      case .helpline(let helpline)? = item(target, converter: converter, origin: origin, origins: &origins)
                else { return nil }
                if origins[helpline.anchor] == nil { origins[helpline.anchor] = origin }
                return helpline
            }
            return .protocol(ProtocolItem(
                anchor: anchor, source: file.path, title: title, trigger: file.string("trigger") ?? source.string("trigger") ?? "",
                steps: steps, dos: listEntries(file.body, "do", converter), donts: listEntries(file.body, "dont", converter),
                helplines: helplines, intro: converter.blocks(Self.blocks(of: file.body, excluding: ["steps", "do", "dont"])),
                notice: notice))
        case .helplines:
            let channels = (source.frontMatter["channels"]?.arrayValue ?? []).compactMap { channel -> HelplineChannel? in
                guard let type = channel["type"]?.stringValue, let value = channel["value"]?.stringValue else { return nil }
                return HelplineChannel(
                    typeLabel: strings.optional("channels.\(type)") ?? type,
                    value: PhoneNumber.isNumber(type: type) ? PhoneNumber.display(value) : value,
                    url: PhoneNumber.link(type: type, value: value), hours: channel["hours"]?.stringValue)
            }
            return .helpline(HelplineItem(
                anchor: anchor, source: file.path, name: title, organisation: source.string("organisation"),
                channels: channels, languages: source.strings("languages").map(languageName),
                qrLink: QRPayload.helplineLink(source), body: converter.blocks(file.body.blocks), notice: notice))
        case .concepts:
            return .concept(ConceptItem(anchor: anchor, source: file.path, title: title,
                                        body: noticeBlocks + converter.blocks(file.body.blocks)))
        }
    }

    /// Each item of the section's list (or each paragraph, if it holds no list) as one line of runs.
    private func listEntries(_ body: MarkdownDocument, _ id: String, _ converter: RichTextConverter) -> [[Run]] {
        guard let section = body.section(id: id) else { return [] }
        if let list = Self.firstList(section) {
            return list.items.map { item in
                let paragraphs = item.blocks.compactMap { block -> [Run]? in
                    if case .paragraph(let inlines) = block.kind { return converter.runs(inlines) }
                    return nil
                }
                return paragraphs.enumerated().flatMap { $0.offset == 0 ? $0.element : [Run(" ")] + $0.element }
            }
        }
        return section.blocks.compactMap { block in
            if case .paragraph(let inlines) = block.kind { return converter.runs(inlines) }
            return nil
        }
    }

    private static func firstList(_ section: MarkdownSection) -> Markdown.List? {
        for block in section.blocks { if case .list(let list) = block.kind { return list } }
        return nil
    }

    private static func paragraphText(_ block: Block) -> String? {
        if case .paragraph(let inlines) = block.kind { return inlines.plainText }
        return nil
    }

    /// The top-level blocks without the named sections (their heading and content).
    static func blocks(of body: MarkdownDocument, excluding ids: Set<String>) -> [Block] {
        var result: [Block] = []
        var skippingLevel: Int?
        for block in body.blocks {
            if case .heading(let heading) = block.kind {
                if let level = skippingLevel, heading.level > level { continue }
                skippingLevel = nil
                if let id = heading.id, ids.contains(id) {
                    skippingLevel = heading.level
                    continue
                }
            } else if skippingLevel != nil {
                continue
            }
            result.append(block)
        }
        return result
    }

    // MARK: Links, QR code, names

    /// The page of an entry on the site, in the language its text is shown in.
    func pageURL(_ reference: Reference) -> String {
        let shownLanguage = guide.entry(reference.entry).flatMap { guide.localized($0, in: language, drafts: drafts) }?.file.language
            ?? language
        return PageAddress.url(reference, language: shownLanguage, config: config)
    }

    /// References link inside a booklet that includes their entry, else to the site; web,
    /// mail and phone links stay as they are; anything else (a media path) is plain text.
    private func linkTarget(_ destination: String, booklet: Bool, anchors: Set<String>) -> LinkTarget? {
        if let reference = Reference(parsing: destination) {
            if booklet, anchors.contains(reference.entry.description) { return .anchor(reference.entry.description) }
            return guide.entry(reference.entry) == nil ? nil : .url(pageURL(reference))
        }
        let lower = destination.lowercased()
        if ["https://", "http://", "mailto:", "tel:"].contains(where: lower.hasPrefix) { return .url(destination) }
        return nil
    }

    /// What the QR code opens, and the caption printed under it: the address without its scheme,
    /// or the number to dial.
    private func qr() -> (String?, String) {
        switch definition.qr {
        case nil:
            return (nil, "")
        case .home:
            let url = PageAddress.base(config) + "\(language)/"
            return (url, Self.withoutScheme(url))
        case .entry(let reference):
            guard reference.type == .helplines else {
                let url = pageURL(reference)
                return (url, Self.withoutScheme(url))
            }
            guard let file = guide.entry(reference.entry).flatMap(guide.sourceFile(of:)),
                  let link = QRPayload.helplineLink(file) else { return (nil, "") }
            // The number on a line of its own, its groups joined by no-break spaces: a caption as
            // narrow as the code must never split a number.
            func caption(_ label: String, _ value: String?) -> String {
                guard let value else { return label }
                return label + "\n" + PhoneNumber.display(value).replacingOccurrences(of: " ", with: "\u{00A0}")
            }
            if link.hasPrefix("tel:") { return (link, caption(strings["channels.phone"], String(link.dropFirst(4)))) }
            let whatsapp = (file.frontMatter["channels"]?.arrayValue ?? [])
                .first { $0["type"]?.stringValue == "whatsapp" }?["value"]?.stringValue
            return (link, caption(strings["channels.whatsapp"], whatsapp))
        }
    }

    private static func withoutScheme(_ url: String) -> String {
        for scheme in ["https://", "http://"] where url.hasPrefix(scheme) { return String(url.dropFirst(scheme.count)) }
        return url
    }

    /// A language's name as guide.yml gives it (in that language), or its code.
    private func languageName(_ code: String) -> String { config.language(code)?.name ?? code }

    private func localizedTitle(_ titles: [String: String]) -> String {
        for code in [language] + config.fallbackChain(for: language) { if let title = titles[code] { return title } }
        return titles.values.sorted().first ?? ""
    }
}
