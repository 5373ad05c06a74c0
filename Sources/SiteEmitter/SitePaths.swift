import GuideModel

/// Where each page lives, relative to the site root. Every page is an
/// `index.html` named in full, so links also work from `file://`.
enum SitePaths {
    static func home(_ language: String) -> String { "\(language)/index.html" }
    static func search(_ language: String) -> String { "\(language)/search/index.html" }
    static func entry(_ language: String, _ type: EntryType, _ id: String) -> String {
        PageAddress.folder(Reference(type: type, id: id), language: language) + "index.html"
    }
    static func typeListing(_ language: String, _ type: EntryType) -> String {
        "\(language)/\(type.rawValue)/index.html"
    }
    /// `group` is `touchpoints`, `roles` or `countries`.
    static func groupIndex(_ language: String, _ group: String) -> String { "\(language)/\(group)/index.html" }
    static func term(_ language: String, _ group: String, _ id: String) -> String {
        "\(language)/\(group)/\(id)/index.html"
    }
    static func searchIndex(_ language: String) -> String { "\(language)/search/index.js" }
    static func offlineList(_ language: String) -> String { "\(language)/offline.json" }
    /// "Browsing safely": private windows, clearing history (linked from the quick exit).
    static func safety(_ language: String) -> String { "\(language)/safety/index.html" }
    /// The printable handouts of one language.
    static func handouts(_ language: String) -> String { "\(language)/handouts/index.html" }
    /// A wrong address in one language's folder (a static host serves it with status 404).
    static func notFound(_ language: String) -> String { "\(language)/404.html" }
    /// What the service worker answers, offline, for a page it has not stored.
    static func offlinePage(_ language: String) -> String { "\(language)/offline.html" }

    /// The address a page is published at, as the bundle and handouts print
    /// it: folder form (`es/concepts/consent/`), "" for the root page.
    static func published(_ page: String) -> String {
        guard page.hasSuffix("index.html") else { return page }
        return String(page.dropLast("index.html".count))
    }

    /// The prefix that leads from `page` back to the site root (`../../`).
    static func rootPrefix(of page: String) -> String {
        String(repeating: "../", count: depth(of: page))
    }

    /// How many folders down from the root `page` is.
    static func depth(of page: String) -> Int {
        page.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
    }

    /// The relative link from `page` to `target` (both relative to the root).
    static func link(from page: String, to target: String) -> String {
        rootPrefix(of: page) + target
    }
}
