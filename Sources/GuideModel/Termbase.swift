import JSON

/// The guide's termbase (`Content/termbase.yml`): for each key concept, the
/// preferred term in each language, the variants a text may also use, and
/// the terms it must not use, each with the reason.
///
/// Read leniently from the YAML value (the schema, `termbase.schema.json`,
/// reports what is malformed): a concept or term that is not shaped as
/// expected is left out rather than guessed at.
public struct Termbase: Sendable, Equatable {
    /// The termbase's file name, at the top of `Content/`.
    public static let fileName = "termbase.yml"

    /// How a term stands in its concept.
    public enum Kind: String, Sendable, Hashable {
        case preferred, variant, forbidden
    }

    /// One term as written, with where it is in termbase.yml (a path into the YAML value).
    public struct Term: Sendable, Hashable {
        public var text: String
        public var kind: Kind
        /// Why a forbidden term must not be used.
        public var reason: String?
        public var path: [String]

        public init(text: String, kind: Kind, reason: String? = nil, path: [String]) {
            self.text = text
            self.kind = kind
            self.reason = reason
            self.path = path
        }
    }

    /// One concept's terms in one language.
    public struct LanguageTerms: Sendable, Hashable {
        public var preferred: Term?
        public var variants: [Term]
        public var forbidden: [Term]
        /// A note for translators and reviewers (e.g. "pending native review").
        public var note: String?

        public init(preferred: Term?, variants: [Term] = [], forbidden: [Term] = [], note: String? = nil) {
            self.preferred = preferred
            self.variants = variants
            self.forbidden = forbidden
            self.note = note
        }

        /// The terms a text may use for the concept: the preferred one first.
        public var allowed: [Term] { (preferred.map { [$0] } ?? []) + variants }
        public var all: [Term] { allowed + forbidden }
    }

    public struct Concept: Sendable, Hashable {
        public var id: String
        /// The concept entry that explains it, when there is one.
        public var entry: Reference?
        public var note: String?
        public var terms: [String: LanguageTerms]
        /// Its place in `concepts` (and in termbase.yml's list).
        public var index: Int

        public init(id: String, entry: Reference?, note: String?, terms: [String: LanguageTerms], index: Int) {
            self.id = id
            self.entry = entry
            self.note = note
            self.terms = terms
            self.index = index
        }

        /// The name to show for the concept in `language`: its preferred term there, else its id.
        public func name(in language: String) -> String { terms[language]?.preferred?.text ?? id }
    }

    /// termbase.yml as written, for validation and positions.
    public var document: YAMLDocument
    public var concepts: [Concept]
    /// One matcher per language, built once.
    public let matchers: [String: TermMatcher]

    public init(document: YAMLDocument) {
        self.document = document
        let concepts = Self.concepts(in: document.value)
        self.concepts = concepts
        var languages: Set<String> = []
        for concept in concepts { languages.formUnion(concept.terms.keys) }
        var matchers: [String: TermMatcher] = [:]
        for language in languages { matchers[language] = TermMatcher(concepts: concepts, language: language) }
        self.matchers = matchers
    }

    public var path: String { document.path }

    public static func == (a: Termbase, b: Termbase) -> Bool {
        a.document.path == b.document.path && a.document.value == b.document.value
    }

    // MARK: Reading the YAML value

    private static func concepts(in value: JSONObject) -> [Concept] {
        guard let list = value["concepts"]?.arrayValue else { return [] }
        return list.enumerated().compactMap { index, item in
            guard let object = item.objectValue, let id = object["id"]?.stringValue else { return nil }
            let base = ["concepts", String(index)]
            var terms: [String: LanguageTerms] = [:]
            for (language, languageValue) in object["terms"]?.objectValue ?? JSONObject() {
                guard let entry = languageValue.objectValue else { continue }
                let path = base + ["terms", language]
                terms[language] = LanguageTerms(
                    preferred: entry["preferred"]?.stringValue.map {
                        Term(text: $0, kind: .preferred, path: path + ["preferred"])
                    },
                    variants: strings(entry["variants"]).map {
                        Term(text: $0.text, kind: .variant, path: path + ["variants", $0.index])
                    },
                    forbidden: forbidden(entry["forbidden"], path: path + ["forbidden"]),
                    note: entry["note"]?.stringValue)
            }
            return Concept(
                id: id, entry: object["entry"]?.stringValue.flatMap(Reference.init(parsing:)),
                note: object["note"]?.stringValue, terms: terms, index: index)
        }
    }

    private static func strings(_ value: JSONValue?) -> [(text: String, index: String)] {
        (value?.arrayValue ?? []).enumerated().compactMap { i, v in v.stringValue.map { ($0, String(i)) } }
    }

    private static func forbidden(_ value: JSONValue?, path: [String]) -> [Term] {
        (value?.arrayValue ?? []).enumerated().compactMap { i, item in
            guard let object = item.objectValue, let text = object["term"]?.stringValue else { return nil }
            return Term(
                text: text, kind: .forbidden, reason: object["reason"]?.stringValue, path: path + [String(i), "term"])
        }
    }
}
