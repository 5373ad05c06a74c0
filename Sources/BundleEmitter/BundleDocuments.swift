import Foundation
import GuideModel
import JSON

/// The bundle's documents, built from the guide: `guide.json` with every
/// language and one document per language.
public struct BundleDocuments: Sendable {
    /// `guide.json`.
    public var full: JSONValue
    /// `guide.<lang>.json` by language code.
    public var languages: [(code: String, document: JSONValue)]

    /// Renders every published entry in every declared language, entries in parallel.
    public init(guide: Guide, drafts: Bool, sourceDate: Date?) {
        let entries = guide.publishedEntries(drafts: drafts)
        let index = PageIndex(guide: guide, entries: entries, drafts: drafts)
        let renderer = EntryRenderer(guide: guide, index: index)
        var outputs = [EntryRenderer.Output?](repeating: nil, count: entries.count)
        outputs.withUnsafeMutableBufferPointer { buffer in
            let slots = buffer
            DispatchQueue.concurrentPerform(iterations: entries.count) { i in
                slots[i] = renderer.render(entries[i])
            }
        }
        let rendered = outputs.compactMap { $0 }
        let config = guide.config
        let codes = config.languageCodes

        // guide.json
        let fullEntries: [JSONValue] = rendered.map { output in
            var o = output.core
            var languages = JSONObject()
            for code in codes {
                languages[code] = output.localized[code]??.json ?? Self.nothingToShow
            }
            o["languages"] = .object(languages)
            return .object(o)
        }
        var full = JSONObject()
        full["format_version"] = .string(BundleFormat.version)
        full["kind"] = .string(BundleFormat.guideKind)
        full["version"] = .string(config.version)
        full["source_language"] = .string(config.sourceLanguage)
        full["base_url"] = .string(index.baseURL)
        full["title"] = Self.names(config.title, codes: codes, config: config)
        full["description"] = Self.names(config.description, codes: codes, config: config)
        full["languages"] = .array(config.languages.map(Self.language))
        full["countries"] = .array(config.countries.map { Self.term($0, idKey: "code", names: Self.names($0.names, codes: codes, config: config), country: true) })
        for (key, terms) in Self.taxonomies(config) {
            full[key] = .array(terms.map { Self.term($0, idKey: "id", names: Self.names($0.names, codes: codes, config: config)) })
        }
        full["entries"] = .array(fullEntries)
        let contentHash = BundleFormat.hash(.object(full))
        full["content_hash"] = .string(contentHash)
        let generatedAt = sourceDate.map(Self.iso8601)
        full["generated_at"] = generatedAt.json
        self.full = .object(full)

        // guide.<lang>.json
        languages = codes.map { code in
            var doc = JSONObject()
            doc["format_version"] = .string(BundleFormat.version)
            doc["kind"] = .string(BundleFormat.languageKind)
            doc["language"] = .string(code)
            doc["version"] = .string(config.version)
            doc["source_language"] = .string(config.sourceLanguage)
            doc["base_url"] = .string(index.baseURL)
            doc["title"] = Self.name(config.title, in: code, config: config).json
            doc["description"] = Self.name(config.description, in: code, config: config).json
            doc["languages"] = .array(config.languages.map(Self.language))
            doc["countries"] = .array(config.countries.map { Self.term($0, idKey: "code", names: nil, country: true, name: Self.name($0.names, in: code, config: config) ?? $0.id) })
            for (key, terms) in Self.taxonomies(config) {
                doc[key] = .array(terms.map { Self.term($0, idKey: "id", names: nil, name: Self.name($0.names, in: code, config: config) ?? $0.id) })
            }
            doc["entries"] = .array(rendered.compactMap { output -> JSONValue? in
                guard let localized = output.localized[code], let localized else { return nil }
                var o = output.core
                for (key, value) in localized { o[key] = value }
                return .object(o)
            })
            doc["content_hash"] = .string(contentHash)
            doc["generated_at"] = generatedAt.json
            return (code, .object(doc))
        }
    }

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
