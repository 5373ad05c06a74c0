import GuideModel
import Markdown

/// `sitemap.xml` (every page at its published address, with its versions in
/// the other languages as `hreflang` alternates and `x-default`) and
/// `robots.txt`, which names the sitemap. Both need `base_url`: without it
/// there is no address to give, and only `robots.txt` is written.
enum SiteMap {
    /// The sitemap, or nil when `base_url` is not set. Each page is written
    /// once per language that has it, all with the same alternates (built
    /// once per page).
    static func xml(model: SiteModel, builder: PageBuilder) -> String? {
        let base = PageAddress.base(model.guide.config)
        guard !base.isEmpty else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(model.entries.count * model.languages.count * (model.languages.count + 2) * 90)
        out += #"<?xml version="1.0" encoding="UTF-8"?>"#.utf8
        out += "\n".utf8
        out +=
            #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">"#
            .utf8
        out += "\n".utf8
        let languages = model.languages
        func add(_ page: (String) -> String?) {
            let addresses = languages.map { language in page(language).map { escape(base + SitePaths.published($0)) } }
            var alternates: [UInt8] = []
            for (language, address) in zip(languages, addresses) {
                guard let address else { continue }
                for part in [#"<xhtml:link rel="alternate" hreflang=""#, language, #"" href=""#, address, #""/>"#] {
                    alternates += part.utf8
                }
            }
            let fallback = page(model.source).map { escape(base + SitePaths.published($0)) } ?? escape(base)
            for part in [#"<xhtml:link rel="alternate" hreflang="x-default" href=""#, fallback, #""/>"#] {
                alternates += part.utf8
            }
            alternates += "</url>\n".utf8
            for address in addresses {
                guard let address else { continue }
                for part in ["<url><loc>", address, "</loc>"] { out += part.utf8 }
                out += alternates
            }
        }
        out += "<url><loc>\(escape(base))</loc></url>\n".utf8
        add(SitePaths.home)
        add(SitePaths.safety)
        add(SitePaths.handouts)
        for type in EntryType.allCases {
            add { SitePaths.typeListing($0, type) }
            for entry in model.entries where entry.type == type {
                add { model.shown(entry.reference, in: $0) != nil ? SitePaths.entry($0, type, entry.id) : nil }
            }
        }
        for group in PageBuilder.groups {
            add { SitePaths.groupIndex($0, group) }
            for term in builder.terms(group) { add { SitePaths.term($0, group, term.id) } }
        }
        out += "</urlset>\n".utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// `robots.txt`: every page may be indexed (the guide is public
    /// reference material); the sitemap's address when there is one.
    static func robots(config: GuideConfig) -> String {
        let base = PageAddress.base(config)
        var text = "User-agent: *\nAllow: /\n"
        if !base.isEmpty { text += "Sitemap: \(base)sitemap.xml\n" }
        return text
    }

    /// An address as XML character data (the sitemap protocol escapes `'` too).
    private static func escape(_ text: String) -> String { HTMLEscaping.escape(text, apostrophe: true) }
}
