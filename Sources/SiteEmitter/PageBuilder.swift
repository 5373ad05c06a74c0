import Foundation
import GuideModel
import JSON

/// Builds the dictionaries templates render, one page at a time.
struct PageBuilder: Sendable {
    let model: SiteModel
    let strings: InterfaceStrings
    let settings: SiteSettings
    let templates: SiteTemplates
    let cards = CardCache()

    var config: GuideConfig { model.guide.config }

    static let groups = ["touchpoints", "roles", "countries"]

    /// What every page has: language, direction, strings, chrome links.
    /// `alternates` gives, per language, the same page in that language.
    func base(page: String, language: String, title: String, alternates: (String) -> String?) -> [String: Any] {
        let s = strings.strings(language)
        let root = SitePaths.rootPrefix(of: page)
        let siteTitle = config.title[language] ?? config.title[model.source] ?? ""
        var languages: [[String: Any]] = []
        for declared in config.languages {
            let target = alternates(declared.code) ?? SitePaths.home(declared.code)
            languages.append([
                "code": declared.code, "name": declared.name, "href": root + target,
                "current": declared.code == language, "dir": declared.rightToLeft ? "rtl" : "ltr",
            ])
        }
        var nav: [[String: Any]] = EntryType.allCases.map { type in
            ["label": s["type_\(type.rawValue)"] ?? type.rawValue, "href": root + SitePaths.typeListing(language, type),
             "current": page.hasPrefix("\(language)/\(type.rawValue)/")]
        }
        for group in Self.groups {
            nav.append(["label": s[group] ?? group, "href": root + SitePaths.groupIndex(language, group),
                        "current": page.hasPrefix("\(language)/\(group)/")])
        }
        return [
            "lang": language, "dir": direction(language), "s": s, "root": root,
            "site_title": siteTitle,
            "page_title": title == siteTitle ? siteTitle : "\(title) – \(siteTitle)",
            "title": title,
            "quick_exit_url": settings.quickExitURL,
            "home_href": root + SitePaths.home(language),
            "search_href": root + SitePaths.search(language),
            "languages": languages, "nav": nav,
            "css_href": root + "assets/site.css", "script_src": root + "assets/site.js", "sw_src": root + "sw.js",
        ]
    }

    func direction(_ language: String) -> String { config.language(language)?.rightToLeft == true ? "rtl" : "ltr" }

    /// A short description of an entry for lists: title, summary, link.
    func card(_ shown: LocalizedEntry, from page: String, language: String) -> [String: Any] {
        let s = strings.strings(language)
        var card: [String: Any] = [
            "title": shown.file.string("title") ?? shown.entry.id,
            "summary": shown.file.string("summary") ?? "",
            "href": SitePaths.link(from: page, to: SitePaths.entry(language, shown.entry.type, shown.entry.id)),
            "type_label": s["type_\(shown.entry.type.rawValue)"] ?? "",
            "type": shown.entry.type.rawValue,
            "fallback_lang": false, "fallback_dir": false, "helpline": false,
        ]
        if shown.isFallback {
            card["fallback_lang"] = shown.file.language
            card["fallback_dir"] = direction(shown.file.language)
        }
        return card
    }

    /// A card for a reference (front matter `related`, `protocols` …), or nil
    /// when it leads nowhere.
    func card(for reference: String, from page: String, language: String) -> [String: Any]? {
        guard let parsed = Reference(parsing: reference), let target = model.target(of: parsed, in: language),
              let entry = model.guide.entry(parsed.entry) else { return nil }
        let shown = model.shown(parsed, in: language) ?? model.guide.localized(entry, in: model.source, drafts: model.drafts)
        guard let shown else { return nil }
        var card = self.card(shown, from: page, language: language)
        card["href"] = SitePaths.link(from: page, to: target)
        if shown.language != language {
            card["fallback_lang"] = shown.file.language
            card["fallback_dir"] = direction(shown.file.language)
        }
        return card
    }

    /// A card rendered once with `partials/card` per entry, language and page
    /// depth (its links are relative), then reused by every list: `["html": …]`.
    func renderedCard(_ reference: Reference, from page: String, language: String, contact: Bool = false) -> [String: Any]? {
        let depth = SitePaths.rootPrefix(of: page)
        let key = "\(language)|\(reference.type.rawValue)/\(reference.id)|\(depth)|\(contact)"
        if let html = cards.get(key) { return ["html": html] }
        guard var context = card(for: "\(reference.type.rawValue)/\(reference.id)", from: page, language: language) else { return nil }
        if contact, let entry = model.guide.entry(reference),
           let shown = model.shown(reference, in: language) ?? model.guide.localized(entry, in: model.source, drafts: model.drafts) {
            context["helpline"] = helpline(shown, from: page)
        }
        context["s"] = strings.strings(language)
        let html = templates.render("partials/card", context)
        cards.set(key, html)
        return ["html": html]
    }

    /// The name of a configured term (touchpoint, role, country, category).
    func termName(_ id: String, in list: [GuideConfig.Term], language: String) -> String {
        guard let term = list.first(where: { $0.id == id }) else { return id }
        return model.guide.name(of: term, in: language)
    }

    /// Links to term pages (`touchpoints`, `roles`, `countries`).
    func termLinks(_ ids: [String], group: String, from page: String, language: String) -> [[String: Any]] {
        let list = terms(group)
        return ids.map { id in
            ["text": termName(id, in: list, language: language), "value_lang": false,
             "href": SitePaths.link(from: page, to: SitePaths.term(language, group, id))]
        }
    }

    func terms(_ group: String) -> [GuideConfig.Term] {
        switch group {
        case "touchpoints": return config.touchpoints
        case "roles": return config.roles
        case "countries": return config.countries
        default: return config.categories
        }
    }

    /// External sources as links with publisher and access date.
    func sources(_ value: JSONValue?) -> [[String: Any]] {
        (value?.arrayValue ?? []).compactMap { item -> [String: Any]? in
            guard let title = item["title"]?.stringValue, let url = item["url"]?.stringValue else { return nil }
            var source: [String: Any] = ["title": title, "url": url, "publisher": false, "accessed": false]
            if let publisher = item["publisher"]?.stringValue { source["publisher"] = publisher }
            if let accessed = item["accessed"]?.stringValue { source["accessed"] = accessed }
            return source
        }
    }
}

/// Rendered cards shared by all pages (filled while pages render in parallel).
final class CardCache: @unchecked Sendable {
    private let lock = NSLock()
    private var html: [String: String] = [:]

    func get(_ key: String) -> String? {
        lock.lock(); defer { lock.unlock() }
        return html[key]
    }

    func set(_ key: String, _ value: String) {
        lock.lock(); defer { lock.unlock() }
        html[key] = value
    }
}
