import Foundation
import GuideModel
import JSON
import Markdown

/// The per-language search index, written as a script (`<lang>/search/index.js`
/// sets `window.GUIDE_SEARCH`) so it loads from `file://` as well as over http.
/// Text is folded at build time exactly as the page folds the query: NFD,
/// combining marks removed, lower case.
enum SearchIndex {
    static func script(for language: String, builder: PageBuilder) -> String {
        let model = builder.model
        let s = builder.strings.strings(language)
        let page = SitePaths.search(language)
        var items: [JSONValue] = []
        for type in EntryType.allCases {
            for shown in model.entries(of: type, in: language) {
                let title = shown.file.string("title") ?? shown.entry.id
                let summary = shown.file.string("summary") ?? ""
                let aliases = (model.field("aliases", of: shown)?.value.arrayValue ?? []).compactMap(\.stringValue)
                let body = PlainTextRenderer().render(shown.file.body)
                var item: [(String, JSONValue)] = [
                    ("u", .string(SitePaths.link(from: page, to: SitePaths.entry(language, type, shown.entry.id)))),
                    ("t", .string(title)),
                    ("s", .string(summary)),
                    ("y", .string(s["type_\(type.rawValue)"] ?? type.rawValue)),
                    ("nt", .string(fold(title))),
                    ("na", .string(fold(aliases.joined(separator: " | ")))),
                    ("ns", .string(fold(summary))),
                    ("nb", .string(words(body))),
                ]
                if shown.isFallback { item.append(("l", .string(shown.file.language))) }
                items.append(.object(JSONObject(item)))
            }
        }
        for group in PageBuilder.groups {
            for term in builder.terms(group) {
                let name = model.guide.name(of: term, in: language)
                items.append(.object(JSONObject([
                    ("u", .string(SitePaths.link(from: page, to: SitePaths.term(language, group, term.id)))),
                    ("t", .string(name)), ("s", .string("")), ("y", .string(s[group] ?? group)),
                    ("nt", .string(fold(name))), ("na", .string(fold(term.id.replacingOccurrences(of: "-", with: " ")))),
                    ("ns", .string("")), ("nb", .string("")),
                ])))
            }
        }
        let json = JSONWriter(sortedKeys: true, pretty: false).string(.array(items))
        return "window.GUIDE_SEARCH = " + json + ";\n"
    }

    /// Case- and accent-folded text: NFD, nonspacing marks dropped, lower case.
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            out.append(scalar)
        }
        return String(out).lowercased()
    }

    /// The distinct folded words of a body, in first-seen order.
    static func words(_ text: String) -> String {
        var seen: Set<Substring> = []
        var result: [Substring] = []
        let folded = fold(text)
        for word in folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) where word.count > 1 {
            if seen.insert(word).inserted { result.append(word) }
        }
        return result.joined(separator: " ")
    }
}
