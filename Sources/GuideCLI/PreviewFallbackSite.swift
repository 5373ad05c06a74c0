import Foundation
import GuideModel
import Markdown

/// A minimal site for the preview while no site emitter is part of
/// `Emitters.all`: a start page, one listing per language and one page per
/// entry, at the paths the site uses (`<lang>/<type>/<id>/index.html`).
struct PreviewFallbackSite {
    var guide: Guide
    var drafts: Bool

    func write(into folder: URL) throws {
        let config = guide.config
        let entries = guide.publishedEntries(drafts: drafts)
        var start = "<h1>\(escapeHTML(config.title[config.sourceLanguage] ?? "Guide"))</h1>\n"
        start += "<p class=\"notice\">Preview: a minimal page per entry (the site emitter is not part of this build yet).</p>\n<ul>\n"
        for language in config.languages {
            start += "<li><a href=\"\(language.code)/index.html\" hreflang=\"\(language.code)\" lang=\"\(language.code)\">\(escapeHTML(language.name))</a></li>\n"
        }
        start += "</ul>\n"
        try write(page(language: config.sourceLanguage, title: config.title[config.sourceLanguage] ?? "Guide", body: start),
                  to: folder.appendingPathComponent("index.html"))
        for language in config.languageCodes {
            let title = config.title[language] ?? config.title[config.sourceLanguage] ?? "Guide"
            var listing = "<nav><a href=\"../index.html\">↑ Languages</a></nav>\n<h1>\(escapeHTML(title))</h1>\n"
            for type in EntryType.allCases {
                let ofType = entries.filter { $0.type == type }
                guard !ofType.isEmpty else { continue }
                listing += "<h2>\(type.rawValue)</h2>\n<ul>\n"
                for entry in ofType {
                    guard let shown = guide.localized(entry, in: language, drafts: drafts) else { continue }
                    listing += "<li><a href=\"\(type.rawValue)/\(entry.id)/index.html\">\(escapeHTML(shown.file.string("title") ?? entry.id))</a>"
                        + " <span class=\"state\">(\(stateText(shown)))</span></li>\n"
                    try write(entryPage(shown), to: folder.appendingPathComponent("\(language)/\(type.rawValue)/\(entry.id)/index.html"))
                }
                listing += "</ul>\n"
            }
            try write(page(language: language, title: title, body: listing), to: folder.appendingPathComponent("\(language)/index.html"))
        }
    }

    private func entryPage(_ shown: LocalizedEntry) -> String {
        let file = shown.file
        let title = file.string("title") ?? shown.entry.id
        var body = "<nav><a href=\"../../index.html\">↑ \(escapeHTML(guide.config.language(shown.language)?.name ?? shown.language))</a></nav>\n"
        body += "<h1 lang=\"\(file.language)\">\(escapeHTML(title))</h1>\n"
        if shown.isFallback {
            body += "<p class=\"notice\">Not translated yet: shown in \(escapeHTML(guide.config.language(file.language)?.name ?? file.language)).</p>\n"
        } else if case .outdated = shown.state {
            body += "<p class=\"notice\">This translation may be out of date: the source has changed since.</p>\n"
        }
        if let summary = file.string("summary") { body += "<p lang=\"\(file.language)\"><strong>\(escapeHTML(summary))</strong></p>\n" }
        let renderer = HTMLRenderer(headingLevelShift: 1) { destination in
            let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let path = parts[0].split(separator: "/")
            guard path.count == 2, EntryType(rawValue: String(path[0])) != nil else { return nil }
            return "../../\(path[0])/\(path[1])/index.html" + (parts.count == 2 ? "#\(parts[1])" : "")
        }
        body += "<div lang=\"\(file.language)\">\n" + renderer.render(file.body) + "</div>\n"
        body += "<p class=\"state\">\(escapeHTML(file.path)) · \(stateText(shown))</p>\n"
        return page(language: shown.language, title: title, body: body)
    }

    private func stateText(_ shown: LocalizedEntry) -> String {
        switch shown.state {
        case .missing(let fallback): return "missing, shown in \(fallback ?? "?")"
        case .outdated(nil): return "unstamped"
        default: return shown.state.name
        }
    }

    private func page(language: String, title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escapeHTML(title))</title>
        <link rel="stylesheet" href="\(PreviewPages.stylePath)">
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    private func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
