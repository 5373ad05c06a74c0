import GuideModel
import Markdown

/// What each published entry shows in each language, and where its site page
/// is: the table references are resolved against.
struct PageIndex: Sendable {
    /// The entry as shown in one language.
    struct Shown: Sendable {
        var file: EntryFile
        var state: TranslationState
        /// A translation not yet checked by a native speaker (`LocalizedEntry.isUnderReview`).
        var isUnderReview: Bool
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
                    table[entry.reference] = Shown(
                        file: localized.file, state: localized.state,
                        isUnderReview: localized.isUnderReview)
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
        var html = html
        let changed = html.withUTF8 { bytes -> String? in
            let opener = Self.linkOpener
            var out: [UInt8] = []
            var copied = 0
            var i = 0
            while let start = Self.find(opener, in: bytes, from: i) {
                let hrefStart = start + opener.count
                guard let close = bytes[hrefStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
                i = close + 1
                guard
                    let reference = reference(
                        atURL: String(decoding: UnsafeBufferPointer(rebasing: bytes[hrefStart..<close]), as: UTF8.self))
                else {
                    continue
                }
                if out.isEmpty { out.reserveCapacity(bytes.count + 64) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...close]))
                out += " data-ref=\"\(reference.type.rawValue)/\(reference.id)\"".utf8
                copied = close + 1
            }
            guard copied > 0 else { return nil }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
        return changed ?? html
    }

    private static let linkOpener = Array("<a href=\"".utf8)

    /// The first position of `needle` in `bytes` at or after `start`.
    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var i = start
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first {
                var j = 1
                while j < needle.count && bytes[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// The entry an href written by `url(_:in:)` names, if it is one.
    private func reference(atURL href: String) -> Reference? {
        guard href.hasPrefix(baseURL) else { return nil }
        var path = href.dropFirst(baseURL.count)
        if let hash = path.firstIndex(of: "#") { path = path[..<hash] }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[3].isEmpty, shown[String(parts[0])] != nil,
            let type = EntryType(rawValue: String(parts[1]))
        else { return nil }
        let reference = Reference(type: type, id: String(parts[2]))
        return shown.values.contains { $0[reference] != nil } ? reference : nil
    }
}
