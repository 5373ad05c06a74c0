import GuideModel
import JSON
import Markdown

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
            core["channels"] = .array(HelplineContact.channels(of: source))
            core["contact_point"] = HelplineContact.contactPoint(of: source)
        }

        var localized: [String: JSONObject?] = [:]
        for language in guide.config.languageCodes {
            localized[language] = render(entry, in: language, rules: rules, data: .object(data))
        }
        return Output(core: core, localized: localized)
    }

    /// The entry as a reader of `language` sees it, or nil when nothing can be shown.
    private func render(_ entry: Entry, in language: String, rules: FieldRules, data: JSONValue) -> JSONObject? {
        guard let shown = index.shown(entry.reference, in: language) else { return nil }
        let file = shown.file
        let renderer = index.renderer(for: language)
        let text = PlainTextRenderer()
        var o = JSONObject()
        o["status"] = .string(shown.state.name)
        if case .missing(let fallback) = shown.state, let fallback { o["fallback_language"] = .string(fallback) }
        o["text_language"] = .string(shown.textLanguage)
        o["editorial_status"] = .string(file.status)
        o["url"] = index.url(entry.reference, in: language).json
        o["title"] = .string(file.string("title") ?? "")
        o["summary"] = .string(file.string("summary") ?? "")
        for key in rules.translatable.sorted() where key != "title" && key != "summary" {
            guard let value = file.frontMatter[key] else { continue }
            // `guide check` reports such a field (bundle.reserved-field); builds never get here with one.
            if ReservedFieldNames.translatable.contains(key) { continue }
            o[key] = value
        }
        o["body_html"] = .string(index.addingDataRefs(to: renderer.render(file.body)))
        o["body_text"] = .string(text.render(file.body))
        o["sections"] = .array(file.body.sections.map { section in
            object([
                "id": .string(section.id),
                "level": .int(section.heading.level),
                "title": .string(section.heading.inlines.plainText),
                "html": .string(index.addingDataRefs(to: renderer.render(section.blocks))),
                "text": .string(text.render(section.blocks)),
            ])
        })
        if entry.type == .protocols {
            o["steps"] = .array(steps(of: file.body, renderer: renderer))
        }
        o["references"] = .array(references(of: entry, file: file, in: language))
        o["content_hash"] = .string(BundleFormat.hash(object(["data": data, "localized": .object(o)])))
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
                return object(["html": .string(index.addingDataRefs(to: html)),
                               "text": .string(PlainTextRenderer().render(item.blocks))])
            }
        }
        return []
    }

    /// Every reference the entry makes (front matter first, then the body
    /// shown), once each, resolved in `language`.
    private func references(of entry: Entry, file: EntryFile, in language: String) -> [JSONValue] {
        var order: [Reference] = []
        var foundIn: [Reference: Set<String>] = [:]
        func note(_ text: String, _ place: String) {
            guard Reference.looksLikeReference(text), let reference = Reference(parsing: text) else { return }
            if foundIn[reference] == nil { order.append(reference) }
            foundIn[reference, default: []].insert(place)
        }
        for (key, value) in guide.sourceFile(of: entry)?.frontMatter ?? JSONObject() {
            Self.walkStrings(value) { note($0, key) }
        }
        for occurrence in file.body.links where !occurrence.isImage { note(occurrence.link.destination, "body") }
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
        case .array(let items): items.forEach { walkStrings($0, visit) }
        case .object(let o): for (_, v) in o { walkStrings(v, visit) }
        default: break
        }
    }
}
