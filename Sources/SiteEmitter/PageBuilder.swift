import Foundation
import GuideModel
import Schema
import JSON

/// A template context: one level of names and values.
typealias Context = [String: TemplateValue]

/// Builds the contexts templates render, one page at a time.
struct PageBuilder: Sendable {
    let model: SiteModel
    let strings: InterfaceStrings
    let settings: SiteSettings
    let templates: SiteTemplates
    let cards: CardCache
    /// The build's day: helpline ages are measured against it.
    let today: FullDate
    /// The handout files this build published, when the CLI passed them.
    let publishedHandouts: [PublishedHandout]
    /// Entries per term (a touchpoint, role or country id) for one language,
    /// type and field, built once per build by the first page that asks.
    let termLists = ProcessMemo<[String: [LocalizedEntry]]>()
    /// Each language's interface strings as the template value `s`, built once.
    let stringValues: [String: TemplateValue]

    /// `cards` may come from the previous build in this process (`guide serve`),
    /// without the cards of entries that changed since.
    init(model: SiteModel, strings: InterfaceStrings, settings: SiteSettings, templates: SiteTemplates,
         cards: CardCache = CardCache(), today: FullDate, publishedHandouts: [PublishedHandout] = []) {
        self.model = model
        self.today = today
        self.publishedHandouts = publishedHandouts
        self.cards = cards
        self.strings = strings
        self.settings = settings
        self.templates = templates
        var values: [String: TemplateValue] = [:]
        for language in model.languages {
            values[language] = .object(strings.strings(language).mapValues { .string($0) })
        }
        stringValues = values
    }

    var config: GuideConfig { model.guide.config }

    static let groups = ["touchpoints", "roles", "countries"]

    /// What every page has: language, direction, strings, chrome links,
    /// the page's published address and its alternates in other languages.
    /// `alternates` gives, per language, the same page in that language.
    /// `root` replaces the relative way back to the site's root on pages
    /// served at any address (the 404 page: an absolute path).
    func base(page: String, language: String, title: String, root: String? = nil, alternates: (String) -> String?) -> Context {
        let s = strings.strings(language)
        let root = root ?? SitePaths.rootPrefix(of: page)
        let siteTitle = config.title[language] ?? config.title[model.source] ?? ""
        let published = PageAddress.base(config)
        var languages: [TemplateValue] = []
        for declared in config.languages {
            let target = alternates(declared.code) ?? SitePaths.home(declared.code)
            languages.append([
                "code": .string(declared.code), "name": .string(declared.name), "href": .string(root + target),
                "alternate": .string(address(of: target, root: root)),
                "current": .bool(declared.code == language), "dir": declared.rightToLeft ? "rtl" : "ltr",
            ])
        }
        // x-default: the page in the source language, or the language chooser.
        let fallbackTarget = alternates(model.source) ?? "index.html"
        let sections = EntryType.allCases.map(\.rawValue) + Self.groups
        let current = sections.firstIndex { page.hasPrefix("\(language)/\($0)/") } ?? -1
        let nav = cards.nav("\(language)|\(root)|\(current)") {
            var nav: [TemplateValue] = EntryType.allCases.enumerated().map { index, type in
                ["label": .string(s["type_\(type.rawValue)"] ?? type.rawValue), "href": .string(root + SitePaths.typeListing(language, type)),
                 "current": .bool(index == current)]
            }
            for (offset, group) in Self.groups.enumerated() {
                nav.append(["label": .string(s[group] ?? group), "href": .string(root + SitePaths.groupIndex(language, group)),
                            "current": .bool(EntryType.allCases.count + offset == current)])
            }
            nav.append(["label": .string(s["handouts_heading"] ?? "handouts"), "href": .string(root + SitePaths.handouts(language)),
                        "current": false])
            return nav
        }
        let description = config.description[language] ?? config.description[model.source] ?? ""
        return [
            "lang": .string(language), "dir": .string(direction(language)), "s": stringValues[language] ?? [:], "root": .string(root),
            "site_title": .string(siteTitle), "site_short_title": .string(Self.shortTitle(siteTitle)),
            "page_title": .string(title == siteTitle ? siteTitle : "\(title) – \(siteTitle)"),
            "title": .string(title),
            "meta_description": .string(Self.metaDescription(description)),
            "canonical": published.isEmpty ? false : .string(published + SitePaths.published(page)),
            "print_address": .string(published.isEmpty ? SitePaths.published(page) : published + SitePaths.published(page)),
            "x_default": .string(address(of: fallbackTarget, root: root)),
            "quick_exit_url": .string(settings.quickExitURL),
            "home_href": .string(root + SitePaths.home(language)),
            "search_href": .string(root + SitePaths.search(language)),
            "safety_href": .string(root + SitePaths.safety(language)),
            "handouts_href": .string(root + SitePaths.handouts(language)),
            "language_name": .string(config.language(language)?.name ?? language),
            "edition": .string(config.version),
            "publisher": publisher(language),
            "reviewed_on": false, "is_root": false, "is_home": false, "is_search": false,
            "languages": .list(languages), "nav": .list(nav),
            "css_href": .string(root + "assets/site.css"), "script_src": .string(root + "assets/site.js"), "sw_src": .string(root + "sw.js"),
            "icon_href": .string(root + "assets/favicon.svg"),
        ]
    }

    /// A page's address for `<link rel="alternate">`: absolute (folder form,
    /// as handouts and the bundle print it) when `base_url` is set, else relative.
    func address(of target: String, root: String) -> String {
        let published = PageAddress.base(config)
        return published.isEmpty ? root + target : published + SitePaths.published(target)
    }

    /// Who publishes the guide, in `language`, when `guide.yml` says so.
    func publisher(_ language: String) -> TemplateValue {
        let provenance = config.provenance
        guard let name = provenance.publisher(in: language, sourceLanguage: model.source) else { return false }
        return ["name": .string(name), "url": .text(provenance.publisherURL),
                "licence": .text(provenance.licenceName ?? provenance.licenceID), "licence_url": .text(provenance.licenceURL)]
    }

    /// The part of a guide's title before its first colon ("Trata de
    /// personas" of "Trata de personas: guía de referencia …"): the header
    /// on a phone has room for a few words only; the home page shows the whole.
    static func shortTitle(_ title: String) -> String {
        guard let colon = title.range(of: ": ") else { return title }
        let short = title[..<colon.lowerBound].trimmingCharacters(in: .whitespaces)
        return short.isEmpty ? title : short
    }

    /// A description for search results and link previews: whole sentences
    /// up to about 160 characters.
    static func metaDescription(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > 200 else { return flat }
        var result = ""
        for sentence in flat.split(separator: ".", omittingEmptySubsequences: true) {
            let next = result + sentence + "."
            if next.count > 200 { break }
            result = next
        }
        return result.isEmpty ? String(flat.prefix(197)) + "…" : result
    }

    func direction(_ language: String) -> String { config.language(language)?.rightToLeft == true ? "rtl" : "ltr" }

    /// A short description of an entry for lists: title, summary, link.
    func card(_ shown: LocalizedEntry, from page: String, language: String) -> Context {
        let s = strings.strings(language)
        var card: Context = [
            "title": .string(shown.file.string("title") ?? shown.entry.id),
            "summary": .string(shown.file.string("summary") ?? ""),
            "href": .string(SitePaths.link(from: page, to: SitePaths.entry(language, shown.entry.type, shown.entry.id))),
            "type_label": .string(s["type_\(shown.entry.type.rawValue)"] ?? ""),
            "type": .string(shown.entry.type.rawValue),
            "fallback_lang": false, "fallback_dir": false, "helpline": false, "strength": false, "filter": false,
        ]
        if shown.entry.type == .indicators { indicatorFacts(shown, language: language, into: &card) }
        if shown.isFallback {
            card["fallback_lang"] = .string(shown.file.language)
            card["fallback_dir"] = .string(direction(shown.file.language))
        }
        return card
    }

    /// An indicator card's strength tag, and the terms the indicator list's
    /// filter matches it by (space-separated ids; no countries: everywhere).
    private func indicatorFacts(_ shown: LocalizedEntry, language: String, into card: inout Context) {
        let s = strings.strings(language)
        func ids(_ key: String) -> String {
            (model.field(key, of: shown)?.value.arrayValue ?? []).compactMap(\.stringValue).joined(separator: " ")
        }
        if let strength = model.field("strength", of: shown)?.value.stringValue {
            card["strength"] = ["id": .string(strength), "label": .string(s["strength_tag_\(strength)"] ?? strength)]
        }
        card["filter"] = ["touchpoints": .string(ids("touchpoints")), "roles": .string(ids("observers")),
                          "category": .string(model.field("category", of: shown)?.value.stringValue ?? ""),
                          "countries": .string(ids("jurisdictions"))]
    }

    /// A card for a reference (front matter `related`, `protocols` …), or nil
    /// when it leads nowhere.
    func card(for reference: String, from page: String, language: String) -> Context? {
        guard let parsed = model.reference(reference) else { return nil }
        return card(for: parsed, from: page, language: language)
    }

    /// The same for a parsed reference.
    func card(for parsed: Reference, from page: String, language: String) -> Context? {
        guard let target = model.target(of: parsed, in: language), let entry = model.guide.entry(parsed.entry) else { return nil }
        let shown = model.shown(parsed, in: language) ?? model.guide.localized(entry, in: model.source, drafts: model.drafts)
        guard let shown else { return nil }
        var card = self.card(shown, from: page, language: language)
        card["href"] = .string(SitePaths.link(from: page, to: target))
        if shown.language != language {
            card["fallback_lang"] = .string(shown.file.language)
            card["fallback_dir"] = .string(direction(shown.file.language))
        }
        return card
    }

    /// A card rendered once with `partials/card` per entry, language and page
    /// depth (its links are relative), then reused by every list: `["html": …]`.
    func renderedCard(_ reference: Reference, from page: String, language: String, contact: Bool = false) -> TemplateValue? {
        // Cards are of entries (no section), as `Reference(parsing: "type/id")` gives.
        let entryReference = reference.entry
        let key = CardCache.Key(language: language, depth: SitePaths.depth(of: page), contact: contact)
        if let html = cards.get(entryReference, key) { return html }
        guard var context = card(for: entryReference, from: page, language: language) else { return nil }
        if contact, let entry = model.guide.entry(reference),
           let shown = model.shown(reference, in: language) ?? model.guide.localized(entry, in: model.source, drafts: model.drafts) {
            context["helpline"] = .object(helpline(shown, from: page))
        }
        context["s"] = stringValues[language]
        let html: TemplateValue = ["html": .string(templates.render("partials/card", context))]
        cards.set(entryReference, key, html)
        return html
    }

    /// The name of a configured term (touchpoint, role, country, category).
    func termName(_ id: String, in list: [GuideConfig.Term], language: String) -> String {
        guard let term = list.first(where: { $0.id == id }) else { return id }
        return model.guide.name(of: term, in: language)
    }

    /// Links to term pages (`touchpoints`, `roles`, `countries`).
    func termLinks(_ ids: [String], group: String, from page: String, language: String) -> [TemplateValue] {
        let list = terms(group)
        return ids.map { id in
            let label = termLabel(id, in: list, language: language)
            let marks = languageMarks(label.lang, page: language)
            return ["text": .string(label.text), "value_lang": marks.lang, "value_dir": marks.dir,
                    "href": .string(SitePaths.link(from: page, to: SitePaths.term(language, group, id)))]
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
    func sources(_ value: JSONValue?) -> [TemplateValue] {
        (value?.arrayValue ?? []).compactMap { item -> TemplateValue? in
            guard let title = item["title"]?.stringValue, let url = item["url"]?.stringValue else { return nil }
            return ["title": .string(title), "url": .string(url),
                    "publisher": .text(item["publisher"]?.stringValue), "accessed": .text(item["accessed"]?.stringValue)]
        }
    }
}

/// Rendered cards and navigation lists shared by all pages (filled while
/// pages render in parallel). A card depends only on its entry and on what
/// is global (templates, strings, settings), so `guide serve` keeps the
/// cache from one build to the next.
final class CardCache: @unchecked Sendable {
    /// A card as rendered for pages of one language and folder depth (links are relative).
    struct Key: Hashable {
        let language: String
        let depth: Int
        let contact: Bool
    }

    private let lock = NSLock()
    /// Rendered cards by entry, then language, depth and kind.
    private var html: [Reference: [Key: TemplateValue]] = [:]

    func get(_ entry: Reference, _ key: Key) -> TemplateValue? {
        lock.lock(); defer { lock.unlock() }
        return html[entry]?[key]
    }

    func set(_ entry: Reference, _ key: Key, _ value: TemplateValue) {
        lock.lock(); defer { lock.unlock() }
        html[entry, default: [:]][key] = value
    }

    /// Drops the cards of these entries (`type/id`).
    func forget(_ entries: Set<String>) {
        lock.lock(); defer { lock.unlock() }
        for entry in entries { if let reference = Reference(parsing: entry) { html[reference] = nil } }
    }

    private let navs = ProcessMemo<[TemplateValue]>()

    /// The navigation of pages with the same language, depth and current
    /// section, built once so those pages share its objects.
    func nav(_ key: String, _ make: () -> [TemplateValue]) -> [TemplateValue] {
        navs.value(for: key, make)
    }
}
