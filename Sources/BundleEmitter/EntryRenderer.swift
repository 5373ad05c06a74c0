import GuideModel
import JSON
import Markdown
import Schema

/// Turns one entry into its bundle form: the language-independent part and
/// one object per declared language.
struct EntryRenderer: Sendable {
    /// One entry, rendered.
    struct Output: Sendable {
        /// `type`, `id`, `ref`, `data` and, for helplines, `channels` and `contact_point`.
        var core: JSONObject
        /// By language; `nil` when the entry has nothing to show in that language.
        var localized: [String: JSONObject?]
    }

    let guide: Guide
    let index: PageIndex
    /// The day helpline freshness is measured against.
    let today: FullDate
    /// Whether to add each language's `content_hash`. `BundleWriter` hashes the bytes it
    /// writes instead (the same value).
    var hashing = true

    func render(_ entry: Entry) -> Output {
        let source = guide.sourceFile(of: entry)
        let rules = guide.fieldRules[entry.type] ?? FieldRules(translatable: [], perLanguage: [])
        var core = JSONObject()
        core["type"] = .string(entry.type.rawValue)
        core["id"] = .string(entry.id)
        core["ref"] = .string(entry.reference.description)
        var data = JSONObject()
        for (key, value) in source?.frontMatter ?? JSONObject()
        where !rules.translatable.contains(key) && !rules.perLanguage.contains(key) && key != "source_hash" {
            data[key] = value
        }
        core["data"] = .object(data)
        if entry.type == .helplines, let source {
            let contactPoint = HelplineContact.contactPoint(of: source)
            core["channels"] = .array(HelplineContact.channels(of: source))
            core["contact_point"] = contactPoint
            core["organization"] = HelplineContact.organization(of: source, contactPoint: contactPoint)
            core["freshness"] = guide.freshness(of: entry, today: today).map(HelplineContact.freshness)
        }

        let named = Self.references(inFrontMatterOf: source)
        var localized: [String: JSONObject?] = [:]
        for language in guide.config.languageCodes {
            localized[language] = render(entry, in: language, rules: rules, core: .object(core), named: named)
        }
        return Output(core: core, localized: localized)
    }

    /// The entry as a reader of `language` sees it, or nil when nothing can be shown.
    private func render(
        _ entry: Entry, in language: String, rules: FieldRules, core: JSONValue,
        named: [(Reference, String)]
    ) -> JSONObject? {
        guard let shown = index.shown(entry.reference, in: language) else { return nil }
        let file = shown.file
        let renderer = index.renderer(for: language)
        let text = PlainTextRenderer()
        var o = JSONObject()
        o["status"] = .string(shown.state.name)
        if case .missing(let fallback) = shown.state, let fallback { o["fallback_language"] = .string(fallback) }
        o["text_language"] = .string(shown.textLanguage)
        o["editorial_status"] = .string(file.status)
        o["under_review"] = .bool(shown.isUnderReview)
        o["url"] = index.url(entry.reference, in: language).json
        o["title"] = .string(file.string("title") ?? "")
        o["summary"] = .string(file.string("summary") ?? "")
        for key in rules.translatable.sorted() where key != "title" && key != "summary" {
            guard let value = file.frontMatter[key] else { continue }
            // `guide check` reports such a field (bundle.reserved-field); builds never get here with one.
            if ReservedFieldNames.translatable.contains(key) { continue }
            o[key] = value
        }
        let body = RenderedBlocks(file.body.blocks, html: renderer, index: index)
        let all = 0..<file.body.blocks.count
        o["body_html"] = .string(body.html(all))
        o["body_text"] = .string(body.text(all))
        var start = 0
        o["sections"] = .array(
            file.body.sections.map { section in
                // A section at the top level is a run of the body's blocks, rendered already.
                let html: String
                let plain: String
                if let range = body.range(of: section, from: start) {
                    start = range.lowerBound
                    html = body.html(range)
                    plain = body.text(range)
                } else {
                    html = index.addingDataRefs(to: renderer.render(section.blocks))
                    plain = text.render(section.blocks)
                }
                return object([
                    "id": .string(section.id),
                    "level": .int(section.heading.level),
                    "title": .string(section.heading.inlines.plainText),
                    "html": .string(html),
                    "text": .string(plain),
                ])
            })
        if entry.type == .protocols {
            o["steps"] = .array(steps(of: file.body, renderer: renderer))
        }
        o["references"] = .array(references(named: named, file: file, in: language))
        if hashing {
            o["content_hash"] = .string(BundleFormat.hash(object(["entry": core, "localized": .object(o)])))
        }
        return o
    }

    /// The items of the first ordered list in the `steps` section, in order.
    private func steps(of body: MarkdownDocument, renderer: HTMLRenderer) -> [JSONValue] {
        guard let section = body.section(id: "steps") else { return [] }
        for block in section.blocks {
            guard case .list(let list) = block.kind, list.ordered else { continue }
            return list.items.map { item in
                let html: String
                if item.blocks.count == 1, case .paragraph(let inlines) = item.blocks[0].kind {
                    html = renderer.render(inlines: inlines)
                } else {
                    html = renderer.render(item.blocks)
                }
                return object([
                    "html": .string(index.addingDataRefs(to: html)),
                    "text": .string(PlainTextRenderer().render(item.blocks)),
                ])
            }
        }
        return []
    }

    /// The references in the source file's front matter, in order, each with the field it is in.
    static func references(inFrontMatterOf source: EntryFile?) -> [(Reference, String)] {
        var found: [(Reference, String)] = []
        for (key, value) in source?.frontMatter ?? JSONObject() {
            walkStrings(value) { text in
                if Reference.looksLikeReference(text), let reference = Reference(parsing: text) {
                    found.append((reference, key))
                }
            }
        }
        return found
    }

    /// Every reference the entry makes (`named` in its front matter first, then the body
    /// shown), once each, resolved in `language`.
    private func references(named: [(Reference, String)], file: EntryFile, in language: String) -> [JSONValue] {
        var order: [Reference] = []
        var foundIn: [Reference: Set<String>] = [:]
        func note(_ reference: Reference, _ place: String) {
            if foundIn[reference] == nil { order.append(reference) }
            foundIn[reference, default: []].insert(place)
        }
        for (reference, key) in named { note(reference, key) }
        for occurrence in file.body.links where !occurrence.isImage {
            let text = occurrence.link.destination
            if Reference.looksLikeReference(text), let reference = Reference(parsing: text) { note(reference, "body") }
        }
        return order.compactMap { reference in
            guard let target = index.shown(reference, in: language) else { return nil }
            let sectionTitle = reference.section.flatMap { target.file.body.section(id: $0)?.heading.inlines.plainText }
            return object([
                "ref": .string(reference.description),
                "type": .string(reference.type.rawValue),
                "id": .string(reference.id),
                "section": reference.section.json,
                "title": .string(target.title),
                "section_title": sectionTitle.json,
                "language": .string(target.textLanguage),
                "url": index.url(reference, in: language).json,
                "found_in": .strings(foundIn[reference, default: []].sorted()),
            ])
        }
    }

    static func walkStrings(_ value: JSONValue, _ visit: (String) -> Void) {
        switch value {
        case .string(let s): visit(s)
        case .array(let items): for item in items { walkStrings(item, visit) }
        case .object(let o): for (_, v) in o { walkStrings(v, visit) }
        default: break
        }
    }
}

/// A body's top-level blocks rendered one by one (HTML with `data-ref`s, and plain text), so
/// the body and its top-level sections, which are runs of those blocks, are rendered once.
///
/// `HTMLRenderer.render(blocks)` is the blocks' HTML one after another, with a line break
/// put before a block when the HTML so far does not end in one; so joining the blocks' HTML
/// gives the same text as long as every block's HTML but the last ends in a line break (it
/// does for every kind of block; otherwise the run is rendered whole). `PlainTextRenderer`
/// joins the blocks' texts with blank lines, leaving out blocks without text.
struct RenderedBlocks {
    private let blocks: [Block]
    private let renderer: HTMLRenderer
    private let index: PageIndex
    private let html: [String]
    private let text: [String?]

    init(_ blocks: [Block], html renderer: HTMLRenderer, index: PageIndex) {
        self.blocks = blocks
        self.renderer = renderer
        self.index = index
        html = blocks.map { index.addingDataRefs(to: renderer.render([$0])) }
        let plain = PlainTextRenderer()
        text = blocks.map { block in
            let text = plain.render([block])
            switch block.kind {
            case .thematicBreak, .html: return nil
            case .blockQuote: return text.isEmpty ? nil : text
            default: return text
            }
        }
    }

    /// The HTML of a run of blocks, as `HTMLRenderer` renders them together.
    func html(_ range: Range<Int>) -> String {
        let pieces = html[range]
        let joinable = pieces.dropLast().allSatisfy { $0.isEmpty || $0.utf8.last == UInt8(ascii: "\n") }
        guard joinable else { return index.addingDataRefs(to: renderer.render(Array(blocks[range]))) }
        return pieces.joined()
    }

    /// The plain text of a run of blocks, as `PlainTextRenderer` renders them together.
    func text(_ range: Range<Int>) -> String {
        text[range].compactMap { $0 }.joined(separator: "\n\n")
    }

    /// The blocks of a section whose heading is one of these blocks (at or after `start`),
    /// or nil for a section nested in a list or quote.
    func range(of section: MarkdownSection, from start: Int) -> Range<Int>? {
        for position in start..<blocks.count {
            guard blocks[position].range == section.headingRange, case .heading = blocks[position].kind else {
                continue
            }
            let range = (position + 1)..<(position + 1 + section.blocks.count)
            return range.upperBound <= blocks.count ? range : nil
        }
        return nil
    }
}
