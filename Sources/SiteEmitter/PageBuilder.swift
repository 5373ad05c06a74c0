import Foundation
import GuideModel
import JSON
import Schema
import Templating

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
    /// `base_url` with one trailing slash ("" when not set).
    let published: String
    /// Each language's default page description (the guide's) and short title, built once.
    let descriptions: [String: TemplateValue]
    let shortTitles: [String: TemplateValue]

    /// `cards` may come from the previous build in this process (`guide serve`),
    /// without the cards of entries that changed since.
    init(
        model: SiteModel, strings: InterfaceStrings, settings: SiteSettings, templates: SiteTemplates,
        cards: CardCache = CardCache(), today: FullDate, publishedHandouts: [PublishedHandout] = []
    ) {
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
        var descriptions: [String: TemplateValue] = [:]
        var shortTitles: [String: TemplateValue] = [:]
        let config = model.guide.config
        for language in model.languages {
            descriptions[language] = .string(
                Self.metaDescription(config.description[language] ?? config.description[model.source] ?? ""))
            shortTitles[language] = .string(Self.shortTitle(config.title[language] ?? config.title[model.source] ?? ""))
        }
        self.descriptions = descriptions
        self.shortTitles = shortTitles
        published = PageAddress.base(config)
    }

    var config: GuideConfig { model.guide.config }

    static let groups = ["touchpoints", "roles", "countries"]

    /// What every page has: language, direction, strings, chrome links,
    /// the page's published address and its alternates in other languages.
    /// `alternates` gives, per language, the same page in that language.
    /// `root` replaces the relative way back to the site's root on pages
    /// served at any address (the 404 page: an absolute path).
    func base(page: String, language: String, title: String, root: String? = nil, alternates: (String) -> String?)
        -> Context
    {
        let root = root ?? SitePaths.rootPrefix(of: page)
        let current = Self.section(of: page)
        // What every page of this language, depth and section shares, built once (copied, not rebuilt).
        var context = cards.chrome("\(language)|\(root)|\(current)") {
            chrome(language: language, root: root, current: current)
        }
        let siteTitle = config.title[language] ?? config.title[model.source] ?? ""
        let published = self.published
        var languages: [TemplateValue] = []
        languages.reserveCapacity(config.languages.count)
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
        let address = SitePaths.published(page)
        context["page_title"] = .string(title == siteTitle ? siteTitle : "\(title) – \(siteTitle)")
        context["title"] = .string(title)
        context["canonical"] = published.isEmpty ? false : .string(published + address)
        context["print_address"] = .string(published + address)
        context["x_default"] = .string(self.address(of: fallbackTarget, root: root))
        context["languages"] = .list(languages)
        return context
    }

    /// The index of the section `page` is in (`<lang>/<section>/…`, in
    /// navigation order), -1 for none.
    static func section(of page: String) -> Int {
        let bytes = page.utf8
        guard let first = bytes.firstIndex(of: UInt8(ascii: "/")) else { return -1 }
        let rest = bytes[bytes.index(after: first)...]
        guard let second = rest.firstIndex(of: UInt8(ascii: "/")) else { return -1 }
        let name = rest[..<second]
        return sectionNames.firstIndex { $0.utf8.elementsEqual(name) } ?? -1
    }

    static let sectionNames = EntryType.allCases.map(\.rawValue) + groups

    /// The part of a page's context that depends only on its language, its
    /// depth (`root`) and its section. Page flags (`is_root`, `is_home`,
    /// `reviewed_on` …) stay absent unless a page sets them: a flag present
    /// on every page but not shared would make every section on it dynamic
    /// for the compiled templates' plans (see `SiteTemplates.sharedNames`).
    private func chrome(language: String, root: String, current: Int) -> Context {
        let s = strings.strings(language)
        let siteTitle = config.title[language] ?? config.title[model.source] ?? ""
        var nav: [TemplateValue] = EntryType.allCases.enumerated().map { index, type in
            [
                "label": .string(s["type_\(type.rawValue)"] ?? type.rawValue),
                "href": .string(root + SitePaths.typeListing(language, type)),
                "current": .bool(index == current),
            ]
        }
        for (offset, group) in Self.groups.enumerated() {
            nav.append([
                "label": .string(s[group] ?? group), "href": .string(root + SitePaths.groupIndex(language, group)),
                "current": .bool(EntryType.allCases.count + offset == current),
            ])
        }
        nav.append([
            "label": .string(s["handouts_heading"] ?? "handouts"), "href": .string(root + SitePaths.handouts(language)),
            "current": false,
        ])
        return [
            "lang": .string(language), "dir": .string(direction(language)), "s": stringValues[language] ?? [:],
            "root": .string(root),
            "site_title": .string(siteTitle), "site_short_title": shortTitles[language] ?? .string(siteTitle),
            "meta_description": descriptions[language] ?? "",
            "quick_exit_url": .string(settings.quickExitURL),
            "home_href": .string(root + SitePaths.home(language)),
            "search_href": .string(root + SitePaths.search(language)),
            "safety_href": .string(root + SitePaths.safety(language)),
            "handouts_href": .string(root + SitePaths.handouts(language)),
            "language_name": .string(config.language(language)?.name ?? language),
            "edition": .string(config.version),
            "publisher": publisher(language),
            "nav": .list(nav),
            "css_href": .string(root + "assets/site.css"), "script_src": .string(root + "assets/site.js"),
            "sw_src": .string(root + "sw.js"),
            "icon_href": .string(root + "assets/favicon.svg"),
        ]
    }

    /// A page's address for `<link rel="alternate">`: absolute (folder form,
    /// as handouts and the bundle print it) when `base_url` is set, else relative.
    func address(of target: String, root: String) -> String {
        guard !published.isEmpty else { return root + target }
        // Targets are `…/index.html` or `index.html`: their folder form drops that name.
        return target.hasSuffix("index.html") ? published + String(target.dropLast(10)) : published + target
    }

    /// Who publishes the guide, in `language`, when `guide.yml` says so.
    func publisher(_ language: String) -> TemplateValue {
        let provenance = config.provenance
        guard let name = provenance.publisher(in: language, sourceLanguage: model.source) else { return false }
        return [
            "name": .string(name), "url": .text(provenance.publisherURL),
            "licence": .text(provenance.licenceName ?? provenance.licenceID),
            "licence_url": .text(provenance.licenceURL),
        ]
    }

    /// The part of a guide's title before its first colon ("Trata de
    /// personas" of "Trata de personas: guía de referencia …"): the header
    /// on a phone has room for a few words only; the home page shows the whole.
    static func shortTitle(_ title: String) -> String {
        guard let colon = title.range(of: ": ") else { return title }
        let short = title[..<colon.lowerBound].trimmingCharacters(in: .whitespaces)
        return short.isEmpty ? title : short
    }

    /// A description for search results and link previews: the text on one
    /// line, cut after whole sentences when it is longer than 200 characters.
    static func metaDescription(_ text: String) -> String {
        // Most texts (summaries: at most 300 characters, one line) pass as they are.
        let utf8 = text.utf8
        var plain = utf8.count <= 200 && utf8.last != 0x20
        var previous: UInt8 = 0x20 // a leading space counts as a doubled one
        for byte in utf8 where plain {
            if byte < 0x20 || (byte == 0x20 && previous == 0x20) { plain = false }
            previous = byte
        }
        if plain { return text }
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

    /// Links to term pages (`touchpoints`, `roles`, `countries`).
    func termLinks(_ ids: [String], group: String, from page: String, language: String) -> [TemplateValue] {
        let list = terms(group)
        return ids.map { id in
            let label = termLabel(id, in: list, language: language)
            let marks = languageMarks(label.lang, page: language)
            return [
                "text": .string(label.text), "value_lang": marks.lang, "value_dir": marks.dir,
                "href": .string(SitePaths.link(from: page, to: SitePaths.term(language, group, id))),
            ]
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
            return [
                "title": .string(title), "url": .string(url),
                "publisher": .text(item["publisher"]?.stringValue), "accessed": .text(item["accessed"]?.stringValue),
            ]
        }
    }
}
