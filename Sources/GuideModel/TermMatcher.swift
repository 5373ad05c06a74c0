import Diagnostics

/// Finds a language's termbase terms in text: one table of folded word
/// sequences, looked up from each word of the text for at most as many words
/// as the longest term has, so matching is linear in the text's length
/// whatever the number of terms.
///
/// At each place the longest term wins ("trafico humano" before "trafico"),
/// and matches do not overlap.
public struct TermMatcher: Sendable {
    /// A term of a concept, as a match reports it.
    public struct Hit: Sendable, Hashable {
        /// The concept's index in `Termbase.concepts`.
        public var concept: Int
        public var term: Termbase.Term
    }

    /// One term found in a text, at its exact span.
    public struct Occurrence: Sendable, Hashable {
        public var hit: Hit
        public var range: SourceRange
        public var concept: Int { hit.concept }
        public var term: Termbase.Term { hit.term }
    }

    public let language: String
    /// Folded word sequences (joined by one space) → the term they are. The
    /// first term written wins a repeated key; `term.duplicate` reports the others.
    private let table: [String: Hit]
    /// Every term's word sequences from its first word (`a`, `a b`, `a b c`):
    /// a sequence that is none of them cannot grow into a term, so most
    /// words of a text cost one lookup.
    private let prefixes: Set<String>
    private let longest: Int

    public init(concepts: [Termbase.Concept], language: String) {
        self.language = language
        var table: [String: Hit] = [:]
        var prefixes: Set<String> = []
        var longest = 1
        for concept in concepts {
            for term in concept.terms[language]?.all ?? [] {
                guard let key = Self.key(term.text) else { continue }
                if table[key] == nil { table[key] = Hit(concept: concept.index, term: term) }
                let words = key.split(separator: " ")
                longest = max(longest, words.count)
                for n in 1...words.count { prefixes.insert(words.prefix(n).joined(separator: " ")) }
            }
        }
        self.table = table
        self.prefixes = prefixes
        self.longest = longest
    }

    /// A term's lookup key: its folded words joined by one space (nil for a term without words).
    public static func key(_ term: String) -> String? {
        let words = WordScanner.words(in: term, line: 1, column: 1, markdown: false)
        return words.isEmpty ? nil : words.map(\.folded).joined(separator: " ")
    }

    public var isEmpty: Bool { table.isEmpty }

    /// The terms found in `words` (from `WordScanner`), in text order.
    public func occurrences(in words: [WordScanner.Word]) -> [Occurrence] {
        guard !table.isEmpty else { return [] }
        var found: [Occurrence] = []
        var i = 0
        while i < words.count {
            var key = ""
            var best: (hit: Hit, count: Int)?
            for n in 0..<longest where i + n < words.count {
                if n > 0 {
                    guard words[i + n].joinsPrevious else { break }
                    key += " "
                }
                key += words[i + n].folded
                guard prefixes.contains(key) else { break }
                if let hit = table[key] { best = (hit, n + 1) }
            }
            if let best {
                let range = SourceRange(start: words[i].range.start, end: words[i + best.count - 1].range.end)
                found.append(Occurrence(hit: best.hit, range: range))
                i += best.count
            } else {
                i += 1
            }
        }
        return found
    }

    /// The terms in a plain text (a field value) starting at `line`:`column`.
    public func occurrences(inPlainText text: String, line: Int = 1, column: Int = 1) -> [Occurrence] {
        occurrences(in: WordScanner.words(in: text, line: line, column: column, markdown: false))
    }
}
