import Foundation
import GuideModel
import JSON

/// The bundle's documents as values, built from the guide: `guide.json` with every language
/// and one document per language. `BundleEmitter` writes the same bytes without building
/// them (see `BundleWriter`); this form is for tests and tools.
public struct BundleDocuments: Sendable {
    /// `guide.json`.
    public var full: JSONValue
    /// `guide.<lang>.json` by language code.
    public var languages: [(code: String, document: JSONValue)]

    /// Renders every published entry in every declared language, entries in parallel.
    public init(guide: Guide, drafts: Bool, sourceDate: Date?) {
        let parts = BundleParts(guide: guide, drafts: drafts, sourceDate: sourceDate)
        var outputs = [EntryRenderer.Output?](repeating: nil, count: parts.entries.count)
        outputs.withUnsafeMutableBufferPointer { buffer in
            let slots = buffer
            DispatchQueue.concurrentPerform(iterations: parts.entries.count) { i in
                slots[i] = parts.renderer.render(parts.entries[i])
            }
        }
        let rendered = outputs.compactMap { $0 }

        var full = parts.fullMembers
        full["entries"] = .array(rendered.map(parts.fullEntry))
        let contentHash = BundleFormat.hash(.object(full))
        full["content_hash"] = .string(contentHash)
        full["generated_at"] = parts.generatedAt.json
        self.full = .object(full)

        languages = parts.codes.map { code in
            var doc = parts.languageMembers(code)
            doc["entries"] = .array(rendered.compactMap { parts.languageEntry($0, in: code) })
            doc["content_hash"] = .string(contentHash)
            doc["generated_at"] = parts.generatedAt.json
            return (code, .object(doc))
        }
    }
}

/// The pieces both bundle documents are made of: their top-level members (without
/// `entries`, `content_hash` and `generated_at`) and each entry as it appears in each file.
struct BundleParts: Sendable {
    let config: GuideConfig
    let codes: [String]
    let index: PageIndex
    let renderer: EntryRenderer
    /// The published entries, by type then id.
    let entries: [Entry]
    let generatedAt: String?
    /// The termbase, when the guide has one (`glossary`, format 1.1).
    let glossary: BundleGlossary?

    init(guide: Guide, drafts: Bool, sourceDate: Date?) {
        entries = guide.publishedEntries(drafts: drafts)
        index = PageIndex(guide: guide, entries: entries, drafts: drafts)
        renderer = EntryRenderer(guide: guide, index: index)
        config = guide.config
        codes = config.languageCodes
        generatedAt = sourceDate.map(BundleDocuments.iso8601)
        glossary = guide.termbase.map { BundleGlossary($0, config: guide.config) }
    }

    /// `guide.json`'s members but `entries`, `content_hash` and `generated_at`.
    var fullMembers: JSONObject {
        typealias D = BundleDocuments
        var full = JSONObject()
        full["format_version"] = .string(BundleFormat.version)
        full["kind"] = .string(BundleFormat.guideKind)
        full["version"] = .string(config.version)
        full["source_language"] = .string(config.sourceLanguage)
        full["base_url"] = .string(index.baseURL)
        full["title"] = D.names(config.title, codes: codes, config: config)
        full["description"] = D.names(config.description, codes: codes, config: config)
        full["languages"] = .array(config.languages.map(D.language))
        full["countries"] = .array(config.countries.map { D.term($0, idKey: "code", names: D.names($0.names, codes: codes, config: config), country: true) })
        for (key, terms) in D.taxonomies(config) {
            full[key] = .array(terms.map { D.term($0, idKey: "id", names: D.names($0.names, codes: codes, config: config)) })
        }
        if let glossary { full["glossary"] = glossary.full }
        return full
    }

    /// `guide.<code>.json`'s members but `entries`, `content_hash` and `generated_at`.
    func languageMembers(_ code: String) -> JSONObject {
        typealias D = BundleDocuments
        var doc = JSONObject()
        doc["format_version"] = .string(BundleFormat.version)
        doc["kind"] = .string(BundleFormat.languageKind)
        doc["language"] = .string(code)
        doc["version"] = .string(config.version)
        doc["source_language"] = .string(config.sourceLanguage)
        doc["base_url"] = .string(index.baseURL)
        doc["title"] = D.name(config.title, in: code, config: config).json
        doc["description"] = D.name(config.description, in: code, config: config).json
        doc["languages"] = .array(config.languages.map(D.language))
        doc["countries"] = .array(config.countries.map { D.term($0, idKey: "code", names: nil, country: true, name: D.name($0.names, in: code, config: config) ?? $0.id) })
        for (key, terms) in D.taxonomies(config) {
            doc[key] = .array(terms.map { D.term($0, idKey: "id", names: nil, name: D.name($0.names, in: code, config: config) ?? $0.id) })
        }
        if let glossary { doc["glossary"] = glossary.language(code) }
        return doc
    }

    /// An entry in `guide.json`: its core and its text in every language.
    func fullEntry(_ output: EntryRenderer.Output) -> JSONValue {
        var o = output.core
        var languages = JSONObject()
        for code in codes {
            languages[code] = output.localized[code]??.json ?? BundleDocuments.nothingToShow
        }
        o["languages"] = .object(languages)
        return .object(o)
    }

    /// An entry in `guide.<code>.json`, or nil when it has nothing to show in that language.
    func languageEntry(_ output: EntryRenderer.Output, in code: String) -> JSONValue? {
        guard let localized = output.localized[code], let localized else { return nil }
        var o = output.core
        for (key, value) in localized { o[key] = value }
        return .object(o)
    }
}

extension BundleDocuments {
    /// A language in which an entry has nothing to show (its type forbids fallback).
    static let nothingToShow: JSONValue = object(["status": .string("missing")])

    static func taxonomies(_ config: GuideConfig) -> [(String, [GuideConfig.Term])] {
        [("roles", config.roles), ("touchpoints", config.touchpoints), ("categories", config.categories)]
    }

    static func language(_ language: GuideConfig.Language) -> JSONValue {
        object([
            "code": .string(language.code),
            "name": .string(language.name),
            "fallback": .strings(language.fallback),
            "dir": .string(language.rightToLeft ? "rtl" : "ltr"),
        ])
    }

    static func term(_ term: GuideConfig.Term, idKey: String, names: JSONValue?, country: Bool = false,
                     name: String? = nil) -> JSONValue {
        var o = JSONObject()
        o[idKey] = .string(term.id)
        o["names"] = names
        o["name"] = name.json
        if country { o["languages"] = .strings(term.languages) }
        return .object(o)
    }

    /// Names in every declared language, each falling back like entries do.
    static func names(_ names: [String: String], codes: [String], config: GuideConfig) -> JSONValue? {
        guard !names.isEmpty else { return nil }
        var o = JSONObject()
        for code in codes { o[code] = name(names, in: code, config: config).json }
        return .object(o)
    }

    static func name(_ names: [String: String], in code: String, config: GuideConfig) -> String? {
        for candidate in [code] + config.fallbackChain(for: code) { if let name = names[candidate] { return name } }
        return nil
    }

    static func iso8601(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return f.string(from: date)
    }
}

extension JSONObject {
    var json: JSONValue { .object(self) }
}
