import Foundation
import GuideModel
import JSON
import Markdown
import Synchronization

/// The per-language search index, written as a script (`<lang>/search/index.js`
/// sets `window.GUIDE_SEARCH`) so it loads from `file://` as well as over http.
/// Text is folded at build time exactly as the page folds the query: NFD,
/// combining marks removed, lower case.
///
/// Each entry's item is `{"l"?, "na", "nb", "ns", "nt", "s", "t", "u", "y"}`
/// (keys sorted, as `JSONWriter` writes them). Everything but `l`, `u` and
/// `y` depends on the shown file alone, so it is folded and encoded once per
/// file text (see `FoldedStore`) and an index is then assembled by copying
/// bytes: a rebuild after one edit folds that one file again.
enum SearchIndex {
    /// Folded members of each shown file for one build: a file shown in
    /// several languages (as a fallback) is looked up once. Files whose text
    /// hash is known are kept process-wide in `FoldedStore.shared` too.
    final class FoldedCache: Sendable {
        private let byPath = Mutex<[String: [UInt8]]>([:])

        /// `"na":…,"nb":…,"ns":…,"nt":…,"s":…,"t":…,` for `file` with `aliases`.
        func members(_ file: EntryFile, aliases: [String]) -> [UInt8] {
            let key = file.path + "\u{0}" + aliases.joined(separator: "\u{0}")
            if let hit = byPath.withLock({ $0[key] }) { return hit }
            let value: [UInt8]
            if file.contentHash.isEmpty {
                value = SearchIndex.members(file, aliases: aliases)
            } else {
                value = FoldedStore.shared.members(file, aliases: aliases)
            }
            byPath.withLock { $0[key] = value }
            return value
        }
    }

    /// Folded and encoded members per file text, id and aliases, kept for the
    /// whole process (the live preview rebuilds in one process), thread-safe,
    /// and bounded: when the newer generation holds `limit / 2` files the
    /// older one is dropped, so files not shown for two generations go.
    final class FoldedStore: Sendable {
        static let shared = FoldedStore(limit: 40_000)

        let limit: Int
        private struct Generations {
            var current: [String: [UInt8]] = [:]
            var previous: [String: [UInt8]] = [:]

            mutating func insert(_ key: String, _ value: [UInt8], limit: Int) {
                if current.count >= limit / 2 {
                    previous = current
                    current = [:]
                }
                current[key] = value
            }
        }

        private let generations = Mutex(Generations())

        init(limit: Int) { self.limit = max(limit, 2) }

        /// How many files are kept (both generations).
        var count: Int {
            generations.withLock { $0.current.count + $0.previous.count }
        }

        func members(_ file: EntryFile, aliases: [String]) -> [UInt8] {
            // The text's hash covers title, summary, body and the file's own
            // aliases; the id (the title's fallback) and aliases taken from
            // the source file are added.
            var key = file.contentHash + "\u{0}" + file.id
            for alias in aliases { key += "\u{0}" + alias }
            let limit = limit
            let kept: [UInt8]? = generations.withLock { generations in
                if let hit = generations.current[key] { return hit }
                guard let hit = generations.previous.removeValue(forKey: key) else { return nil }
                generations.insert(key, hit, limit: limit)
                return hit
            }
            if let kept { return kept }
            let value = SearchIndex.members(file, aliases: aliases)
            generations.withLock { $0.insert(key, value, limit: limit) }
            return value
        }
    }

    static func script(for language: String, builder: PageBuilder, cache: FoldedCache = FoldedCache()) -> String {
        let model = builder.model
        let s = builder.strings.strings(language)
        let page = SitePaths.search(language)
        var out: [UInt8] = Array("window.GUIDE_SEARCH = [".utf8)
        out.reserveCapacity(4 << 20)
        var first = true
        func open() {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(UInt8(ascii: "{"))
        }
        for type in EntryType.allCases {
            let label = quoted(s["type_\(type.rawValue)"] ?? type.rawValue)
            for shown in model.entries(of: type, in: language) {
                let aliases = (model.field("aliases", of: shown)?.value.arrayValue ?? []).compactMap(\.stringValue)
                open()
                if shown.isFallback {
                    out += #""l":"#.utf8
                    appendQuoted(shown.file.language, to: &out)
                    out.append(UInt8(ascii: ","))
                }
                out += cache.members(shown.file, aliases: aliases)
                out += #""u":"#.utf8
                appendQuoted(SitePaths.link(from: page, to: SitePaths.entry(language, type, shown.entry.id)), to: &out)
                out += #","y":"#.utf8
                out += label
                out.append(UInt8(ascii: "}"))
            }
        }
        for group in PageBuilder.groups {
            let label = quoted(s[group] ?? group)
            for term in builder.terms(group) {
                let name = model.guide.name(of: term, in: language)
                open()
                out += #""na":"#.utf8
                appendQuoted(fold(term.id.replacingOccurrences(of: "-", with: " ")), to: &out)
                out += #","nb":"","ns":"","nt":"#.utf8
                appendQuoted(fold(name), to: &out)
                out += #","s":"","t":"#.utf8
                appendQuoted(name, to: &out)
                out += #","u":"#.utf8
                appendQuoted(SitePaths.link(from: page, to: SitePaths.term(language, group, term.id)), to: &out)
                out += #","y":"#.utf8
                out += label
                out.append(UInt8(ascii: "}"))
            }
        }
        out += "];\n".utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// The members of a file's item that depend on the file alone, each
    /// followed by a comma: `"na":…,"nb":…,"ns":…,"nt":…,"s":…,"t":…,`.
    static func members(_ file: EntryFile, aliases: [String]) -> [UInt8] {
        let title = file.string("title") ?? file.id
        let summary = file.string("summary") ?? ""
        var text: [UInt8] = []
        text.reserveCapacity(file.bodyText.utf8.count + 64)
        appendSearchText(file.body.blocks, to: &text)
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 512)
        out += #""na":"#.utf8
        appendQuoted(fold(aliases.joined(separator: " | ")), to: &out)
        out += #","nb":"#.utf8
        appendQuoted(words(bytes: text), to: &out)
        out += #","ns":"#.utf8
        appendQuoted(fold(summary), to: &out)
        out += #","nt":"#.utf8
        appendQuoted(fold(title), to: &out)
        out += #","s":"#.utf8
        appendQuoted(summary, to: &out)
        out += #","t":"#.utf8
        appendQuoted(title, to: &out)
        out.append(UInt8(ascii: ","))
        return out
    }

    /// `text` as a JSON string literal, exactly as `JSONWriter` writes it.
    static func quoted(_ text: String) -> [UInt8] {
        JSONWriter(sortedKeys: true, pretty: false).bytes(.string(text))
    }

    private static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out += quoted(text)
    }

    private static func appendQuoted(_ bytes: [UInt8], to out: inout [UInt8]) {
        appendQuoted(String(decoding: bytes, as: UTF8.self), to: &out)
    }

    // MARK: Text

    /// Writes text whose words are those of `PlainTextRenderer`'s text of
    /// `blocks`: the same characters inside each block (inline pieces joined
    /// as they are there), and only separators between blocks, list markers
    /// and table cells (a newline where the plain text has `\n\n`, `\n`,
    /// indentation or ` | `).
    static func appendSearchText(_ blocks: [Block], to out: inout [UInt8]) {
        for block in blocks {
            switch block.kind {
            case .paragraph(let inlines): appendSearchText(inlines, to: &out)
            case .heading(let heading): appendSearchText(heading.inlines, to: &out)
            case .list(let list):
                for (index, item) in list.items.enumerated() {
                    if list.ordered { out += String(list.start + index).utf8 }
                    out.append(0x0A)
                    appendSearchText(item.blocks, to: &out)
                }
            case .blockQuote(let inner): appendSearchText(inner, to: &out)
            case .codeBlock(_, let code): out += code.utf8
            case .table(let table):
                for row in [table.header] + table.rows {
                    for cell in row.cells {
                        appendSearchText(cell, to: &out)
                        out.append(0x0A)
                    }
                }
            case .thematicBreak, .html: break
            }
            out.append(0x0A)
        }
    }

    /// The same characters as `[Inline].plainText`.
    private static func appendSearchText(_ inlines: [Inline], to out: inout [UInt8]) {
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s): out += s.utf8
            case .emphasis(let c), .strong(let c), .strikethrough(let c): appendSearchText(c, to: &out)
            case .link(let l), .image(let l): appendSearchText(l.children, to: &out)
            case .softBreak: out.append(0x20)
            case .lineBreak: out.append(0x0A)
            case .html: break
            }
        }
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
    static func words(_ text: String) -> String {
        String(decoding: words(bytes: Array(text.utf8)), as: UTF8.self)
    }

    /// `words` on UTF-8, space-separated.
    ///
    /// The text is cut at ASCII characters other than letters and digits
    /// first (folding never joins across them: they are neither combining
    /// marks nor changed by lower-casing); ASCII pieces are lower-cased byte
    /// by byte, the others folded and split as Unicode text.
    static func words(bytes text: [UInt8]) -> [UInt8] {
        var words = WordSet()
        var bytes = text
        bytes.append(0x20)
        var start = 0
        var ascii = true
        bytes.withUnsafeMutableBufferPointer { bytes in
            for index in 0..<bytes.count {
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
                    let piece = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    if ascii {
                        words.add(piece)
                    } else {
                        unicodeWords(String(decoding: piece, as: UTF8.self)) { words.add($0) }
                    }
                } else if index - start == 1, !ascii {
                    unicodeWords(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) {
                        words.add($0)
                    }
                }
                start = index + 1
                ascii = true
            }
        }
        return words.text
    }

    /// Distinct words in first-seen order, space-separated in `text`: ASCII
    /// words compared by bytes in an open-addressed table of offsets into
    /// `text` (no string per word), others as `String`s (canonical
    /// equivalence, as a `Set<String>` compares them).
    private struct WordSet {
        var text: [UInt8] = []
        /// Per slot: 0 when empty, else the word's start in `text` + 1.
        private var slots = [Int32](repeating: 0, count: 1024)
        private var lengths = [Int32](repeating: 0, count: 1024)
        private var count = 0
        private var unicode: Set<String> = []

        init() { text.reserveCapacity(4096) }

        mutating func add(_ word: UnsafeBufferPointer<UInt8>) {
            if count * 2 >= slots.count { grow() }
            let mask = slots.count - 1
            var slot = Int(Self.hash(word)) & mask
            while slots[slot] != 0 {
                if Int(lengths[slot]) == word.count {
                    let start = Int(slots[slot]) - 1
                    let same = text.withUnsafeBufferPointer { stored in
                        memcmp(stored.baseAddress! + start, word.baseAddress!, word.count) == 0
                    }
                    if same { return }
                }
                slot = (slot + 1) & mask
            }
            if !text.isEmpty { text.append(0x20) }
            slots[slot] = Int32(text.count + 1)
            lengths[slot] = Int32(word.count)
            text.append(contentsOf: word)
            count += 1
        }

        mutating func add(_ word: String) {
            if word.utf8.allSatisfy({ $0 < 0x80 }) {
                var word = word
                word.withUTF8 { add($0) }
            } else if unicode.insert(word).inserted {
                if !text.isEmpty { text.append(0x20) }
                text += word.utf8
            }
        }

        /// FNV-1a, 32 bits: where a word goes in the table.
        private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
            var hash: UInt32 = 2_166_136_261
            for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            return hash
        }

        private mutating func grow() {
            let old = (slots, lengths)
            slots = [Int32](repeating: 0, count: old.0.count * 2)
            lengths = [Int32](repeating: 0, count: old.0.count * 2)
            let mask = slots.count - 1
            for (start, length) in zip(old.0, old.1) where start != 0 {
                var slot = text.withUnsafeBufferPointer {
                    Int(Self.hash(UnsafeBufferPointer(rebasing: $0[Int(start) - 1..<Int(start) - 1 + Int(length)])))
                        & mask
                }
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = start
                lengths[slot] = length
            }
        }
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
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
    }
}
