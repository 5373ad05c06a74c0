import Foundation
import GuideModel
import JSON
import Markdown

/// The per-language search index, written as a script (`<lang>/search/index.js`
/// sets `window.GUIDE_SEARCH`) so it loads from `file://` as well as over http.
/// Text is folded at build time exactly as the page folds the query: NFD,
/// combining marks removed, lower case.
enum SearchIndex {
    /// Folded text of each shown file, computed once even when a file is
    /// shown in several languages (as a fallback).
    final class FoldedCache: @unchecked Sendable {
        private let lock = NSLock()
        private var byPath: [String: (String, String, String, String)] = [:]

        func folded(_ file: EntryFile, aliases: [String]) -> (title: String, aliases: String, summary: String, body: String) {
            let key = file.path + "\u{0}" + aliases.joined(separator: "\u{0}")
            lock.lock()
            if let hit = byPath[key] { lock.unlock(); return hit }
            lock.unlock()
            let value = (SearchIndex.fold(file.string("title") ?? file.id), SearchIndex.fold(aliases.joined(separator: " | ")),
                         SearchIndex.fold(file.string("summary") ?? ""), SearchIndex.words(PlainTextRenderer().render(file.body)))
            lock.lock()
            byPath[key] = value
            lock.unlock()
            return value
        }
    }

    static func script(for language: String, builder: PageBuilder, cache: FoldedCache = FoldedCache()) -> String {
        let model = builder.model
        let s = builder.strings.strings(language)
        let page = SitePaths.search(language)
        var items: [JSONValue] = []
        for type in EntryType.allCases {
            for shown in model.entries(of: type, in: language) {
                let title = shown.file.string("title") ?? shown.entry.id
                let summary = shown.file.string("summary") ?? ""
                let aliases = (model.field("aliases", of: shown)?.value.arrayValue ?? []).compactMap(\.stringValue)
                let folded = cache.folded(shown.file, aliases: aliases)
                var item: [(String, JSONValue)] = [
                    ("u", .string(SitePaths.link(from: page, to: SitePaths.entry(language, type, shown.entry.id)))),
                    ("t", .string(title)),
                    ("s", .string(summary)),
                    ("y", .string(s["type_\(type.rawValue)"] ?? type.rawValue)),
                    ("nt", .string(folded.title)),
                    ("na", .string(folded.aliases)),
                    ("ns", .string(folded.summary)),
                    ("nb", .string(folded.body)),
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
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            out.append(scalar)
        }
        return String(out).lowercased()
    }

    /// The distinct folded words (letters and digits) of a body, in first-seen order.
    ///
    /// The text is cut at ASCII characters other than letters and digits
    /// first (folding never joins across them: they are neither combining
    /// marks nor changed by lower-casing); ASCII pieces are lower-cased byte
    /// by byte, the others folded and split as Unicode text.
    static func words(_ text: String) -> String {
        var seen: Set<String> = []
        var result: [String] = []
        func add(_ word: String) {
            if seen.insert(word).inserted { result.append(word) }
        }
        var bytes = Array(text.utf8)
        bytes.append(0x20)
        var start = 0
        var ascii = true
        for index in bytes.indices {
            let byte = bytes[index]
            if byte >= 0x80 {
                ascii = false
                continue
            }
            let isDigit = byte >= 0x30 && byte <= 0x39
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = byte >= 0x61 && byte <= 0x7A
            if isDigit || isLower { continue }
            if isUpper {
                bytes[index] = byte + 0x20
                continue
            }
            // An ASCII separator ends the piece [start, index).
            if index - start > 1 {
                let piece = String(decoding: bytes[start..<index], as: UTF8.self)
                if ascii { add(piece) } else { unicodeWords(piece, into: add) }
            } else if index - start == 1, !ascii {
                unicodeWords(String(decoding: bytes[start..<index], as: UTF8.self), into: add)
            }
            start = index + 1
            ascii = true
        }
        return result.joined(separator: " ")
    }

    /// The fold of each scalar below U+0300 (Latin letters and signs; no
    /// combining marks, so folding a text of them scalar by scalar is the
    /// same as folding it whole), each folded scalar with whether it is a
    /// letter or digit.
    private static let latinFolds: [[(scalar: Unicode.Scalar, isWord: Bool)]] = (0..<0x300).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return [] }
        return fold(String(Character(scalar))).unicodeScalars.map {
            ($0, $0.properties.isAlphabetic || $0.properties.numericType != nil)
        }
    }

    /// Folds `text` and passes on its words of more than one letter or digit.
    private static func unicodeWords(_ text: String, into add: (String) -> Void) {
        if text.unicodeScalars.allSatisfy({ $0.value < 0x300 }) {
            var current = String.UnicodeScalarView()
            var count = 0
            for scalar in text.unicodeScalars {
                for folded in latinFolds[Int(scalar.value)] {
                    if folded.isWord {
                        current.append(folded.scalar)
                        count += 1
                    } else {
                        if count > 1 { add(String(current)) }
                        current = String.UnicodeScalarView()
                        count = 0
                    }
                }
            }
            if count > 1 { add(String(current)) }
            return
        }
        var current = String.UnicodeScalarView()
        func flush() {
            if current.count > 1 { add(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in fold(text).unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { current.append(scalar) } else { flush() }
        }
        flush()
    }
}
