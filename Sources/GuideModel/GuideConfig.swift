/// Settings from `guide.yml`.
public struct GuideConfig: Sendable, Equatable {
    public struct Language: Sendable, Hashable {
        public var code: String
        public var name: String
        public var fallback: [String]
        public var rightToLeft: Bool
        public init(code: String, name: String, fallback: [String] = [], rightToLeft: Bool = false) {
            self.code = code
            self.name = name
            self.fallback = fallback
            self.rightToLeft = rightToLeft
        }
    }

    /// A country, role, touchpoint or category: an id with names per language.
    public struct Term: Sendable, Hashable {
        public var id: String
        public var names: [String: String]
        /// For countries: the languages used there.
        public var languages: [String]
        public init(id: String, names: [String: String], languages: [String] = []) {
            self.id = id
            self.names = names
            self.languages = languages
        }
    }

    public var title: [String: String]
    public var description: [String: String]
    public var sourceLanguage: String
    public var baseURL: String
    public var version: String
    public var helplineMaxAgeDays: Int
    public var languages: [Language]
    public var countries: [Term]
    public var roles: [Term]
    public var touchpoints: [Term]
    public var categories: [Term]
    /// Whether each type may fall back to another language when a translation is missing.
    public var fallbackAllowed: [EntryType: Bool]
    /// How translations still in `review` are shown (`review_text`).
    public var reviewText: ReviewTextPolicy = .notice
    /// Who publishes the guide, how to reach them and under which licence
    /// its content may be reused (`publisher`, `contact`, `licence`,
    /// `documentation_url`): shown on the site and carried in the bundle.
    public var provenance = Provenance()

    public init(
        title: [String: String] = [:], description: [String: String] = [:], sourceLanguage: String = "en",
        baseURL: String = "", version: String = "0.0.0", helplineMaxAgeDays: Int = 180,
        languages: [Language] = [], countries: [Term] = [], roles: [Term] = [], touchpoints: [Term] = [],
        categories: [Term] = [], fallbackAllowed: [EntryType: Bool] = [:]
    ) {
        self.title = title
        self.description = description
        self.sourceLanguage = sourceLanguage
        self.baseURL = baseURL
        self.version = version
        self.helplineMaxAgeDays = helplineMaxAgeDays
        self.languages = languages
        self.countries = countries
        self.roles = roles
        self.touchpoints = touchpoints
        self.categories = categories
        self.fallbackAllowed = fallbackAllowed
    }

    public var languageCodes: [String] { languages.map(\.code) }

    public func language(_ code: String) -> Language? { languages.first { $0.code == code } }

    /// The languages to try, in order, when `code` has no translation:
    /// its `fallback` list, then the source language.
    public func fallbackChain(for code: String) -> [String] {
        var chain = language(code)?.fallback ?? []
        if code != sourceLanguage, !chain.contains(sourceLanguage) { chain.append(sourceLanguage) }
        return chain.filter { $0 != code }
    }
}

/// How a translation whose file is `status: review` (not yet checked by a
/// native speaker) reaches readers: `guide.yml`'s `review_text`.
public enum ReviewTextPolicy: String, Sendable, CaseIterable {
    /// Shown, with a notice in its language that it is not yet checked.
    case notice
    /// Replaced by the fallback language's text (with the fallback notice).
    case fallback
    /// Left out: the entry is not shown in that language at all.
    case omit
}

/// Who stands behind the guide, from `guide.yml`. Every field is optional:
/// a guide states only what is true of it.
public struct Provenance: Sendable, Equatable {
    /// `publisher.name` per language (a single string applies to every language).
    public var publisherName: [String: String] = [:]
    public var publisherURL: String?
    public var contactEmail: String?
    public var contactURL: String?
    /// An SPDX licence identifier (`CC-BY-4.0`), its name and where to read it.
    public var licenceID: String?
    public var licenceName: String?
    public var licenceURL: String?
    /// Where the guide's documentation for readers of the bundle lives.
    public var documentationURL: String?

    public init() {}

    /// The publisher's name in `language` (else the single name, else the source language's).
    public func publisher(in language: String, sourceLanguage: String) -> String? {
        publisherName[language] ?? publisherName["*"] ?? publisherName[sourceLanguage]
    }
}
