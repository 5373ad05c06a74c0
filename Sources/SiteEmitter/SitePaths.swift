import GuideModel

/// Where each page lives, relative to the site root. Every page is an
/// `index.html` named in full, so links also work from `file://`.
enum SitePaths {
    static func home(_ language: String) -> String { "\(language)/index.html" }
    static func search(_ language: String) -> String { "\(language)/search/index.html" }
    static func entry(_ language: String, _ type: EntryType, _ id: String) -> String {
        PageAddress.folder(Reference(type: type, id: id), language: language) + "index.html"
    }
    static func typeListing(_ language: String, _ type: EntryType) -> String { "\(language)/\(type.rawValue)/index.html" }
    /// `group` is `touchpoints`, `roles` or `countries`.
    static func groupIndex(_ language: String, _ group: String) -> String { "\(language)/\(group)/index.html" }
    static func term(_ language: String, _ group: String, _ id: String) -> String { "\(language)/\(group)/\(id)/index.html" }
    static func searchIndex(_ language: String) -> String { "\(language)/search/index.js" }
    static func offlineList(_ language: String) -> String { "\(language)/offline.json" }

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
