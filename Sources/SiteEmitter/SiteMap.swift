import GuideModel

/// `sitemap.xml` (every page at its published address, with its versions in
/// the other languages as `hreflang` alternates and `x-default`) and
/// `robots.txt`, which names the sitemap. Both need `base_url`: without it
/// there is no address to give, and only `robots.txt` is written.
enum SiteMap {
    /// The sitemap, or nil when `base_url` is not set.
    static func xml(model: SiteModel, builder: PageBuilder) -> String? {
        let base = PageAddress.base(model.guide.config)
        guard !base.isEmpty else { return nil }
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        out += #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">"# + "\n"
        let languages = model.languages
        func add(_ page: (String) -> String?, in language: String) {
            guard let own = page(language) else { return }
            out += "<url><loc>\(escape(base + SitePaths.published(own)))</loc>"
            for other in languages {
                guard let path = page(other) else { continue }
                out += #"<xhtml:link rel="alternate" hreflang=""# + other + #"" href=""# + escape(base + SitePaths.published(path)) + #""/>"#
            }
            let fallback = page(model.source) ?? "index.html"
            out += #"<xhtml:link rel="alternate" hreflang="x-default" href=""# + escape(base + SitePaths.published(fallback)) + #""/>"#
            out += "</url>\n"
        }
        out += "<url><loc>\(escape(base))</loc></url>\n"
        for language in languages {
            add(SitePaths.home, in: language)
            add(SitePaths.safety, in: language)
            add(SitePaths.handouts, in: language)
            for type in EntryType.allCases {
                add({ SitePaths.typeListing($0, type) }, in: language)
                for shown in model.entries(of: type, in: language) {
                    let entry = shown.entry
                    add({ model.shown(entry.reference, in: $0) != nil ? SitePaths.entry($0, type, entry.id) : nil }, in: language)
                }
            }
            for group in PageBuilder.groups {
                add({ SitePaths.groupIndex($0, group) }, in: language)
                for term in builder.terms(group) { add({ SitePaths.term($0, group, term.id) }, in: language) }
            }
        }
        out += "</urlset>\n"
        return out
    }

    /// `robots.txt`: every page may be indexed (the guide is public
    /// reference material); the sitemap's address when there is one.
    static func robots(config: GuideConfig) -> String {
        let base = PageAddress.base(config)
        var text = "User-agent: *\nAllow: /\n"
        if !base.isEmpty { text += "Sitemap: \(base)sitemap.xml\n" }
        return text
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
