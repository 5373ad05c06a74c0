import GuideModel
import JSON

extension PageBuilder {
    /// The page of one entry in one language.
    func entryPage(_ shown: LocalizedEntry) -> (path: String, context: Context) {
        let language = shown.language
        let entry = shown.entry
        let page = SitePaths.entry(language, entry.type, entry.id)
        let s = strings.strings(language)
        let title = shown.file.string("title") ?? entry.id
        var context = base(page: page, language: language, title: title) { other in
            model.shown(entry.reference, in: other) != nil ? SitePaths.entry(other, entry.type, entry.id) : nil
        }
        context["summary"] = .string(shown.file.string("summary") ?? "")
        context["type"] = .string(entry.type.rawValue)
        context["is_\(entry.type.rawValue)"] = true
        context["type_label"] = .string(s["type_\(entry.type.rawValue)"] ?? "")
        context["type_href"] = .string(SitePaths.link(from: page, to: SitePaths.typeListing(language, entry.type)))
        context["content_lang"] = .string(shown.file.language)
        context["content_dir"] = .string(direction(shown.file.language))
        context["is_fallback"] = .bool(shown.isFallback)
        context["body"] = .string(model.bodyHTML(shown, page: page, language: language))
        if let notice = notice(for: shown, page: page) { context["notice"] = .object(notice) }
        context["facts"] = .list(facts(shown, page: page))
        context["sources"] = .list(sources(model.field("sources", of: shown)?.value))
        let related = (model.field("related", of: shown)?.value.arrayValue ?? []).compactMap(\.stringValue)
        context["related"] = .list(related.compactMap { model.reference($0) }
            .compactMap { renderedCard($0.entry, from: page, language: language) })
        if entry.type == .helplines {
            context["helpline"] = .object(helpline(shown, from: page))
        }
        if entry.type == .protocols {
            let references = (model.field("helplines", of: shown)?.value.arrayValue ?? []).compactMap(\.stringValue)
            context["helplines"] = .list(references.compactMap { model.reference($0) }
                .compactMap { renderedCard($0.entry, from: page, language: language, contact: true) })
        }
        return (page, context)
    }

    /// The notice a reader of `shown.language` sees: missing (shown from a
    /// fallback) or outdated; stronger for helplines and protocols.
    func notice(for shown: LocalizedEntry, page: String) -> Context? {
        let language = shown.language
        let s = strings.strings(language)
        let strong = shown.entry.type == .helplines || shown.entry.type == .protocols
        switch shown.state {
        case .missing:
            let shownIn = config.language(shown.file.language)?.name ?? shown.file.language
            return ["kind": "missing", "strong": .bool(strong), "link_href": false,
                    "text": .string(s.format(strong ? "notice_missing_strong" : "notice_missing", ["language": shownIn]))]
        case .outdated:
            let source = model.source
            let sourceName = config.language(source)?.name ?? source
            return ["kind": "outdated", "strong": .bool(strong),
                    "text": .string(s.format("notice_outdated", ["language": sourceName])),
                    "link_text": .string(s.format("notice_outdated_link", ["language": sourceName])),
                    "link_lang": .string(source), "link_dir": .string(direction(source)),
                    "link_href": .string(SitePaths.link(from: page, to: SitePaths.entry(source, shown.entry.type, shown.entry.id)))]
        case .source, .current:
            return nil
        }
    }

    /// Label/value rows shown under the title (touchpoints, roles, strength …).
    func facts(_ shown: LocalizedEntry, page: String) -> [TemplateValue] {
        let language = shown.language
        let s = self.strings.strings(language)
        var facts: [Context] = []
        func add(_ label: String, _ values: [TemplateValue]) {
            if !values.isEmpty { facts.append(["label": .string(s[label] ?? label), "values": .list(values), "note": false]) }
        }
        func list(_ key: String) -> [String] { (model.field(key, of: shown)?.value.arrayValue ?? []).compactMap(\.stringValue) }
        func text(_ key: String) -> [TemplateValue] {
            guard let box = model.field(key, of: shown), let value = box.value.stringValue else { return [] }
            return [["text": .string(value), "href": false,
                     "value_lang": box.language != shown.file.language ? .string(box.language) : false]]
        }
        switch shown.entry.type {
        case .concepts:
            add("field_aliases", list("aliases").map { ["text": .string($0), "href": false, "value_lang": false] })
        case .indicators:
            if let category = model.field("category", of: shown)?.value.stringValue {
                add("field_category", [["text": .string(termName(category, in: config.categories, language: language)), "href": false, "value_lang": false]])
            }
            if let strength = model.field("strength", of: shown)?.value.stringValue {
                add("field_strength", [["text": .string(s["strength_\(strength)"] ?? strength), "href": false, "value_lang": false]])
                if let note = text("strength_note").first, var last = facts.popLast() {
                    last["note"] = note
                    facts.append(last)
                }
            }
            add("touchpoints", termLinks(list("touchpoints"), group: "touchpoints", from: page, language: language))
            add("field_observers", termLinks(list("observers"), group: "roles", from: page, language: language))
            add("field_protocols", list("protocols").compactMap { card(for: $0, from: page, language: language) }
                .map { card in
                    ["text": card["title"] ?? "", "href": card["href"] ?? "", "value_lang": card["fallback_lang"] ?? false]
                })
        case .protocols:
            add("field_trigger", text("trigger"))
            add("roles", termLinks(list("roles"), group: "roles", from: page, language: language))
            add("touchpoints", termLinks(list("touchpoints"), group: "touchpoints", from: page, language: language))
        case .helplines:
            break
        }
        let jurisdictions = list("jurisdictions")
        if !jurisdictions.isEmpty {
            add("field_jurisdictions", termLinks(jurisdictions, group: "countries", from: page, language: language))
        }
        return facts.map { .object($0) }
    }
}
