import Diagnostics
import GuideModel
import Markdown
import Schema

/// Where in a handout definition an item of the handout comes from, so a fit problem is
/// reported at the line an editor changes.
enum ItemOrigin: Hashable {
    /// The `include` item (by index) that selected the entry, or the protocol naming the helpline.
    case include(Int)
    /// A helpline shown because of the handout's `country`.
    case country
}

/// Maps the checked guide to what one handout shows in one language: the entries its
/// `include` selects (ordered and limited as the definition says, each localized with
/// fallback), the helplines of its `country`, who to call by country, the QR payload, the
/// notices (review, proof) and the interface strings.
struct HandoutContentBuilder {
    let guide: Guide
    let definition: HandoutDefinition
    let language: String
    let strings: HandoutStrings
    let drafts: Bool
    let contentDate: String
    /// The build day, against which helpline freshness is measured.
    let today: FullDate
    /// Whether this build makes proofs (`--proofs` or `handouts.proofs`).
    let proofs: Bool

    var config: GuideConfig { guide.config }

    struct Built {
        var content: HandoutContent
        /// Item anchor → where it came from.
        var origins: [String: ItemOrigin]
        /// Stale helplines the handout would print where guide.yml refuses them (`id (date)`).
        var refusedStale: [String]
    }

    /// `nil` when the definition's layout or paper is not one the renderer knows (reported by
    /// `guide check` as a schema or `handout.paper` error before any emitter runs).
    func build() -> Built? {
        guard let layout = HandoutLayout(rawValue: definition.layout), let paper = Paper(rawValue: definition.paper)
        else {
            return nil
        }
        let order = EntryOrder(definition: definition, layout: layout)
        var origins: [String: ItemOrigin] = [:]
        var byType: [EntryType: [Entry]] = [:]
        var typeOrder: [EntryType] = []
        for (index, selection) in definition.include.enumerated() {
            for entry in guide.entries(selectedBy: selection, drafts: drafts)
            where guide.isPublished(entry, drafts: drafts) {
                let anchor = entry.reference.description
                guard origins[anchor] == nil else { continue }
                origins[anchor] = .include(index)
                if byType[entry.type] == nil { typeOrder.append(entry.type) }
                byType[entry.type, default: []].append(entry)
            }
        }
        if let country = definition.country {
            for entry in guide.helplines(of: country, drafts: drafts) where origins[entry.reference.description] == nil
            {
                origins[entry.reference.description] = .country
                if byType[.helplines] == nil { typeOrder.append(.helplines) }
                byType[.helplines, default: []].append(entry)
            }
        }
        for type in typeOrder {
            byType[type] = order.arrange(byType[type] ?? []) { self.guide.sourceFile(of: $0)?.string($1) }
        }
        let anchors = Set(typeOrder.flatMap { byType[$0] ?? [] }.map(\.reference.description))
        let converter = RichTextConverter { destination in
            self.linkTarget(destination, booklet: layout == .booklet, anchors: anchors)
        }
        var review = ReviewTracker()
        var sections: [HandoutSection] = []
        for type in typeOrder {
            var items: [HandoutItem] = []
            for entry in byType[type] ?? [] {
                guard
                    let item = item(
                        entry, converter: converter, origin: origins[entry.reference.description] ?? .country,
                        origins: &origins, review: &review)
                else { continue }
                items.append(item)
            }
            sections.append(HandoutSection(title: strings["sections.\(type.rawValue)"], items: items))
        }
        let groups = whoToCall(sections)
        let refused =
            guide.handoutSettings.staleHelplines == .refuse
            ? groups.flatMap(\.helplines).compactMap { $0.staleWarning == nil ? nil : $0.anchor } : []
        let (payload, caption) = qr()
        let host = config.placeholderHost
        let content = HandoutContent(
            title: definition.title[language] ?? definition.title[config.sourceLanguage] ?? definition.id,
            language: language, layout: layout, paper: paper, guideTitle: localizedTitle(config.title),
            version: config.version, contentDate: contentDate, qrPayload: payload, qrCaption: caption,
            strings: strings.interface, sections: sections, whoToCall: groups,
            runningTitle: localizedTitle(
                guide.handoutSettings.shortTitle.isEmpty ? config.title : guide.handoutSettings.shortTitle),
            reviewNotice: review.any ? strings["review_notice"] : nil, placeholderHost: host,
            proofNotice: proofs ? host.map { strings.filled("proof", ["host": $0]) } : nil)
        return Built(content: content, origins: origins, refusedStale: refused)
    }

    /// Whether any text shown is a translation still in review (the notice is printed once per page).
    struct ReviewTracker {
        var any = false
        mutating func note(_ shown: LocalizedEntry) { if shown.isUnderReview { any = true } }
    }

    // MARK: Entries

    /// Sections of entry bodies the definition leaves out of print (`omit_sections`).
    var omittedSections: Set<String> {
        Set((definition.value["omit_sections"]?.arrayValue ?? []).compactMap(\.stringValue))
    }

    func item(
        _ entry: Entry, converter: RichTextConverter, origin: ItemOrigin,
        origins: inout [String: ItemOrigin], review: inout ReviewTracker
    ) -> HandoutItem? {
        guard let shown = guide.localized(entry, in: language, drafts: drafts), let source = guide.sourceFile(of: entry)
        else {
            return nil
        }
        review.note(shown)
        let file = shown.file
        let anchor = entry.reference.description
        let title = file.string("title") ?? source.string("title") ?? entry.id
        let notice = shown.isFallback ? strings.fallbackNotice(languageName: languageName(file.language)) : nil
        let noticeBlocks: [RichBlock] = notice.map { [.callout([.paragraph([Run($0, italic: true)])])] } ?? []
        let omitted = omittedSections
        switch entry.type {
        case .indicators:
            let whatToDo =
                file.body.section(id: "what-to-do")?.blocks.lazy.compactMap(Self.paragraphText).first
                ?? file.string("summary") ?? ""
            let strength = source.string("strength").flatMap { strings.optional("strength.\($0)") }
            let note = file.string("strength_note") ?? source.string("strength_note")
            return .indicator(
                IndicatorItem(
                    anchor: anchor, source: file.path,
                    title: title + (notice == nil ? "" : " (\(languageName(file.language)))"),
                    summary: file.string("summary") ?? "", whatToDo: whatToDo,
                    strength: [strength, note].compactMap { $0 }.joined(separator: ". "),
                    body: noticeBlocks
                        + converter.blocks(Self.blocks(of: file.body, excluding: omitted.union(["what-to-do"])))))
        case .protocols:
            let steps =
                file.body.section(id: "steps").flatMap(Self.firstList)?.items.map { converter.blocks($0.blocks) } ?? []
            let helplines = source.strings("helplines").compactMap(Reference.init(parsing:)).compactMap {
                reference -> HelplineItem? in
                guard let target = guide.entry(reference.entry), guide.isPublished(target, drafts: drafts),
                    case .helpline(let helpline)? = item(
                        target, converter: converter, origin: origin, origins: &origins,
                        review: &review)
                else { return nil }
                if origins[helpline.anchor] == nil { origins[helpline.anchor] = origin }
                return helpline
            }
            return .protocol(
                ProtocolItem(
                    anchor: anchor, source: file.path, title: title,
                    trigger: file.string("trigger") ?? source.string("trigger") ?? "",
                    steps: steps, dos: listEntries(file.body, "do", converter),
                    donts: listEntries(file.body, "dont", converter),
                    helplines: helplines,
                    intro: converter.blocks(
                        Self.blocks(of: file.body, excluding: omitted.union(["steps", "do", "dont"]))),
                    notice: notice))
        case .helplines:
            return .helpline(
                helpline(
                    entry, source: source, shown: file, title: title, notice: notice,
                    body: converter.blocks(Self.blocks(of: file.body, excluding: omitted))))
        case .concepts:
            return .concept(
                ConceptItem(
                    anchor: anchor, source: file.path, title: title,
                    body: noticeBlocks + converter.blocks(Self.blocks(of: file.body, excluding: omitted))))
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

    /// A language's name as guide.yml gives it (in that language), or its code.
    func languageName(_ code: String) -> String { config.language(code)?.name ?? code }

    func localizedTitle(_ titles: [String: String]) -> String {
        for code in [language] + config.fallbackChain(for: language) { if let title = titles[code] { return title } }
        return titles.values.sorted().first ?? ""
    }
}
