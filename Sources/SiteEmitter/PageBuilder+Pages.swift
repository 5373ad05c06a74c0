import Foundation
import GuideModel
import Templating

/// Pages that are not about entries: browsing safely, printable handouts,
/// "page not found" and "not stored for offline use".
extension PageBuilder {
    /// "Browsing safely": what the quick exit does and does not do, private
    /// windows, clearing history. Linked from the quick exit on every page.
    func safetyPage(_ language: String) -> (path: String, context: Context) {
        let page = SitePaths.safety(language)
        let s = strings.strings(language)
        var context = base(page: page, language: language, title: s["safety_heading"] ?? "") { SitePaths.safety($0) }
        context["meta_description"] = .string(s["safety_lead"] ?? "")
        context["is_safety"] = true
        return (page, context)
    }

    /// The printable handouts in one language, with format, size and page
    /// count when this build published the files beside the site.
    func handoutsPage(_ language: String) -> (path: String, context: Context) {
        let page = SitePaths.handouts(language)
        let s = strings.strings(language)
        var context = base(page: page, language: language, title: s["handouts_heading"] ?? "") {
            SitePaths.handouts($0)
        }
        context["meta_description"] = .string(s["handouts_lead"] ?? "")
        var files: [String: PublishedHandout] = [:]
        for file in publishedHandouts { files["\(file.id)|\(file.language)"] = file }
        let items: [TemplateValue] = model.guide.handouts.filter { $0.languages.contains(language) }.map { definition in
            let titleLanguage = definition.title[language] != nil ? language : model.source
            let marks = languageMarks(titleLanguage, page: language)
            var item: Context = [
                "title": .string(definition.title[titleLanguage] ?? definition.id), "title_lang": marks.lang,
                "title_dir": marks.dir,
                "format": .string(
                    "\(s["layout_\(definition.layout)"] ?? definition.layout) · \(s["paper_\(definition.paper)"] ?? definition.paper)"
                ),
                "href": false, "facts": false,
            ]
            if let file = files["\(definition.id)|\(language)"] {
                item["href"] = .string(SitePaths.rootPrefix(of: page) + "handouts/" + file.fileName)
                item["facts"] = .string(
                    s.format("handout_facts", ["size": Self.fileSize(file.bytes), "pages": String(file.pages)]))
            }
            return .object(item)
        }
        context["handouts"] = .list(items)
        context["handouts_unpublished"] = .bool(
            items.contains { item in
                if case .object(let object) = item, case .bool(false)? = object.values["href"] { return true }
                return false
            })
        return (page, context)
    }

    /// "PDF, 142 KB": sizes as a reader on a phone plan weighs them.
    static func fileSize(_ bytes: Int) -> String {
        if bytes < 1_000_000 { return "PDF, \(max(1, (bytes + 999) / 1000)) KB" }
        return "PDF, " + String(format: "%.1f", Double(bytes) / 1_000_000) + " MB"
    }

    /// The path of the site's root on its host (`/` or `/guide/`), for
    /// pages a host serves at any address.
    var hostRoot: String {
        let base = PageAddress.base(config)
        guard let scheme = base.range(of: "://"), let slash = base[scheme.upperBound...].firstIndex(of: "/") else {
            return "/"
        }
        return String(base[slash...])
    }

    /// A wrong address inside one language's folder: quick exit, the
    /// language's home, search. Served by the host at the wrong address,
    /// so its links start at the host's root (see docs/site.md).
    func notFoundPage(_ language: String?) -> (path: String, context: Context) {
        let pageLanguage = language ?? model.source
        let page = language.map(SitePaths.notFound) ?? "404.html"
        let s = strings.strings(pageLanguage)
        var context = base(page: page, language: pageLanguage, title: s["not_found_heading"] ?? "", root: hostRoot) {
            SitePaths.notFound($0)
        }
        context["canonical"] = false
        context["meta_description"] = .string(s["not_found_text"] ?? "")
        context["message"] = .string(s["not_found_text"] ?? "")
        context["is_error"] = true
        context["is_root"] = .bool(language == nil)
        context["choices"] = language == nil ? .list(languageChoices(root: hostRoot)) : false
        return (page, context)
    }

    /// What the service worker shows, offline, for a page it has not stored
    /// (it redirects there, so the page's relative links work).
    func offlinePage(_ language: String) -> (path: String, context: Context) {
        let page = SitePaths.offlinePage(language)
        let s = strings.strings(language)
        var context = base(page: page, language: language, title: s["offline_heading"] ?? "") {
            SitePaths.offlinePage($0)
        }
        context["canonical"] = false
        context["meta_description"] = .string(s["offline_text"] ?? "")
        context["message"] = .string(s["offline_text"] ?? "")
        context["choices"] = false
        context["is_error"] = true
        return (page, context)
    }

    /// Each language's home, named in that language, for choosers.
    func languageChoices(root: String) -> [TemplateValue] {
        config.languages.map { language -> TemplateValue in
            let s = strings.strings(language.code)
            return [
                "code": .string(language.code), "name": .string(language.name),
                "dir": language.rightToLeft ? "rtl" : "ltr",
                "href": .string(root + SitePaths.home(language.code)),
                "title": .string(config.title[language.code] ?? config.title[model.source] ?? ""),
                "not_found": .string(s["not_found_text"] ?? ""),
                "suggest": .string(s["suggested_language"] ?? ""),
            ]
        }
    }
}
