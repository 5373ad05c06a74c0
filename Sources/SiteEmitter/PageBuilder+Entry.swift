import GuideModel
import JSON
import Schema
import Templating

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
        context["meta_description"] = .string(PageBuilder.metaDescription(shown.file.string("summary") ?? ""))
        context["type"] = .string(entry.type.rawValue)
        context["is_\(entry.type.rawValue)"] = true
        context["type_label"] = .string(s["type_\(entry.type.rawValue)"] ?? "")
        context["type_href"] = .string(SitePaths.link(from: page, to: SitePaths.typeListing(language, entry.type)))
        context["content_lang"] = .string(shown.file.language)
        context["content_dir"] = .string(direction(shown.file.language))
        context["is_fallback"] = .bool(shown.isFallback)
        context["body"] = .string(model.bodyHTML(shown, page: page, language: language))
        context["notices"] = .list(notices(for: shown, page: page).map { .object($0) })
        context["reviewed_on"] = .text(reviewedOn(shown))
        context["facts"] = .list(facts(shown, page: page))
        context["sources"] = .list(sources(model.field("sources", of: shown)?.value))
        let related = (model.field("related", of: shown)?.value.arrayValue ?? []).compactMap(\.stringValue)
        context["related"] = .list(
            related.compactMap { model.reference($0) }
                .compactMap { renderedCard($0.entry, from: page, language: language) })
        if entry.type == .helplines {
            context["helpline"] = .object(helpline(shown, from: page))
        }
        if entry.type == .indicators {
            // "What to do" one tap from the top: the body's own section when
            // it has one, else the list of protocols to follow.
            let references = (model.field("protocols", of: shown)?.value.arrayValue ?? []).compactMap(\.stringValue)
            let protocols = references.compactMap { model.reference($0) }
                .compactMap { renderedCard($0.entry, from: page, language: language) }
            context["protocols"] = .list(protocols)
            let hasSection = shown.file.body.headings.contains { $0.heading.id == "what-to-do" }
            context["jump_href"] = hasSection ? "#what-to-do" : protocols.isEmpty ? false : "#g-protocols"
        }
        if entry.type == .protocols, shown.file.body.headings.contains(where: { $0.heading.id == "steps" }) {
            context["jump_href"] = "#steps"
        }
        if entry.type == .protocols {
            let references = (model.field("helplines", of: shown)?.value.arrayValue ?? []).compactMap(\.stringValue)
            context["helplines"] = .list(
                references.compactMap { model.reference($0) }
                    .compactMap { renderedCard($0.entry, from: page, language: language, contact: true) })
        }
        return (page, context)
    }

    /// The notices a reader of `shown.language` sees above the title:
    /// missing (shown from a fallback) or outdated, stronger for helplines
    /// and protocols; and, for text still in review, that no native speaker
    /// has checked it yet, said in the language of that text.
    func notices(for shown: LocalizedEntry, page: String) -> [Context] {
        var result: [Context] = []
        if let notice = notice(for: shown, page: page) { result.append(notice) }
        if shown.isUnderReview {
            let textLanguage = shown.file.language
            let marks = languageMarks(textLanguage, page: shown.language)
            result.append([
                "kind": "review", "strong": false, "link_href": false, "lang": marks.lang, "dir": marks.dir,
                "text": .string(strings.strings(textLanguage)["notice_review"] ?? ""),
            ])
        }
        return result
    }

    /// The missing or outdated notice, if any.
    func notice(for shown: LocalizedEntry, page: String) -> Context? {
        let language = shown.language
        let s = strings.strings(language)
        let strong = shown.entry.type == .helplines || shown.entry.type == .protocols
        switch shown.state {
        case .missing:
            let shownIn = config.language(shown.file.language)?.name ?? shown.file.language
            return [
                "kind": "missing", "strong": .bool(strong), "link_href": false, "lang": false, "dir": false,
                "text": .string(s.format(strong ? "notice_missing_strong" : "notice_missing", ["language": shownIn])),
            ]
        case .outdated:
            let source = model.source
            let sourceName = config.language(source)?.name ?? source
            return [
                "kind": "outdated", "strong": .bool(strong), "lang": false, "dir": false,
                "text": .string(s.format("notice_outdated", ["language": sourceName])),
                "link_text": .string(s.format("notice_outdated_link", ["language": sourceName])),
                "link_lang": .string(source), "link_dir": .string(direction(source)),
                "link_href": .string(
                    SitePaths.link(from: page, to: SitePaths.entry(source, shown.entry.type, shown.entry.id))),
            ]
        case .source, .current:
            return nil
        }
    }

    /// When the page's content was last reviewed: `reviewed_on` when the
    /// content states it, else a helpline's `verified_on`, else the latest
    /// `accessed` of its sources; nil when the content gives no date.
    func reviewedOn(_ shown: LocalizedEntry) -> String? {
        for key in ["reviewed_on", "verified_on"] {
            if let date = model.field(key, of: shown)?.value.stringValue, FullDate(date) != nil { return date }
        }
        let accessed = (model.field("sources", of: shown)?.value.arrayValue ?? [])
            .compactMap { $0["accessed"]?.stringValue }.filter { FullDate($0) != nil }
        return accessed.max()
    }

    /// Label/value rows shown under the title (touchpoints, roles, strength …).
    func facts(_ shown: LocalizedEntry, page: String) -> [TemplateValue] {
        let language = shown.language
        let s = self.strings.strings(language)
        var facts: [Context] = []
        func add(_ label: String, _ values: [TemplateValue]) {
            if !values.isEmpty {
                facts.append(["label": .string(s[label] ?? label), "values": .list(values), "note": false])
            }
        }
        func list(_ key: String) -> [String] {
            (model.field(key, of: shown)?.value.arrayValue ?? []).compactMap(\.stringValue)
        }
        func text(_ key: String) -> [TemplateValue] {
            guard let box = model.field(key, of: shown), let value = box.value.stringValue else { return [] }
            let marks = languageMarks(box.language, page: shown.language)
            return [["text": .string(value), "href": false, "value_lang": marks.lang, "value_dir": marks.dir]]
        }
        switch shown.entry.type {
        case .concepts:
            let aliases = model.field("aliases", of: shown)
            let marks = languageMarks(aliases?.language, page: language)
            add(
                "field_aliases",
                list("aliases").map {
                    ["text": .string($0), "href": false, "value_lang": marks.lang, "value_dir": marks.dir]
                })
        case .indicators:
            if let category = model.field("category", of: shown)?.value.stringValue {
                let label = termLabel(category, in: config.categories, language: language)
                let marks = languageMarks(label.lang, page: language)
                add(
                    "field_category",
                    [["text": .string(label.text), "href": false, "value_lang": marks.lang, "value_dir": marks.dir]])
            }
            if let strength = model.field("strength", of: shown)?.value.stringValue {
                add(
                    "field_strength",
                    [
                        [
                            "text": .string(s["strength_\(strength)"] ?? strength), "href": false,
                            "value_lang": false, "value_dir": false,
                        ]
                    ])
                if let note = text("strength_note").first, var last = facts.popLast() {
                    last["note"] = note
                    facts.append(last)
                }
            }
            add("touchpoints", termLinks(list("touchpoints"), group: "touchpoints", from: page, language: language))
            add("field_observers", termLinks(list("observers"), group: "roles", from: page, language: language))
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
