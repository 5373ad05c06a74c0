import GuideModel
import Markdown

/// What each published entry shows in each language, and where its site page
/// is: the table references are resolved against.
struct PageIndex: Sendable {
    /// The entry as shown in one language.
    struct Shown: Sendable {
        var file: EntryFile
        var state: TranslationState
        /// The language of the text shown (the fallback's, for a missing translation).
        var textLanguage: String { file.language }
        var title: String { file.string("title") ?? "" }
    }

    let baseURL: String
    private let config: GuideConfig
    /// By language, then by entry reference (without section).
    let shown: [String: [Reference: Shown]]

    init(guide: Guide, entries: [Entry], drafts: Bool) {
        config = guide.config
        baseURL = PageAddress.base(guide.config)
        var shown: [String: [Reference: Shown]] = [:]
        for language in guide.config.languageCodes {
            var table: [Reference: Shown] = [:]
            for entry in entries {
                if let localized = guide.localized(entry, in: language, drafts: drafts) {
                    table[entry.reference] = Shown(file: localized.file, state: localized.state)
                }
            }
            shown[language] = table
        }
        self.shown = shown
    }

    func shown(_ reference: Reference, in language: String) -> Shown? {
        shown[language]?[reference.entry]
    }

    /// The site page showing `reference` to a reader of `language`: that
    /// language's page, or the fallback language's when the translation is
    /// missing; with `#section` when the reference names one.
    func url(_ reference: Reference, in language: String) -> String? {
        guard let target = shown(reference, in: language) else { return nil }
        return PageAddress.url(reference, language: target.textLanguage, config: config)
    }

    /// Where a media file (`media/diagram.svg`) is published.
    func mediaURL(_ path: String) -> String { baseURL + path }

    /// The HTML renderer for `language`: references become links to site
    /// pages, media paths absolute URLs. A reference to an entry left out of
    /// the build renders as its text (an unsafe scheme makes the renderer drop
    /// the link).
    func renderer(for language: String) -> HTMLRenderer {
        HTMLRenderer(linkResolver: { [self] destination in
            if Reference.looksLikeReference(destination) {
                guard let reference = Reference(parsing: destination), let url = url(reference, in: language) else {
                    return "unresolved:"
                }
                return url
            }
            if destination.hasPrefix("media/") { return mediaURL(destination) }
            return nil
        })
    }

    /// Adds `data-ref="<type>/<id>"` to every link in `html` that points at an
    /// entry's page, so consumers can re-target references without parsing URLs.
    func addingDataRefs(to html: String) -> String {
        let opener = Array("<a href=\"".utf8)
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var i = 0
        var found = false
        while i < bytes.count {
            guard bytes[i] == opener[0], i + opener.count <= bytes.count,
                  bytes[i..<(i + opener.count)].elementsEqual(opener) else {
                out.append(bytes[i])
                i += 1
                continue
            }
            let hrefStart = i + opener.count
            guard let close = bytes[hrefStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            out += bytes[i...close]
            if let reference = reference(atURL: String(decoding: bytes[hrefStart..<close], as: UTF8.self)) {
                out += Array(" data-ref=\"\(reference.type.rawValue)/\(reference.id)\"".utf8)
                found = true
            }
            i = close + 1
        }
        if i < bytes.count { out += bytes[i...] }
        return found ? String(decoding: out, as: UTF8.self) : html
    }

    /// The entry an href written by `url(_:in:)` names, if it is one.
    private func reference(atURL href: String) -> Reference? {
        guard href.hasPrefix(baseURL) else { return nil }
        var path = href.dropFirst(baseURL.count)
        if let hash = path.firstIndex(of: "#") { path = path[..<hash] }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[3].isEmpty, shown[String(parts[0])] != nil,
              let type = EntryType(rawValue: String(parts[1])) else { return nil }
        let reference = Reference(type: type, id: String(parts[2]))
        return shown.values.contains { $0[reference] != nil } ? reference : nil
    }
}
