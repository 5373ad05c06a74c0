import GuideModel
import JSON

/// The top-level members of both file kinds, `entries`, `content_hash` and `generated_at` aside.
///
/// Every text that may come from another language carries that language: in `guide.json` a
/// `<member>_languages` object beside the texts per language (`title_languages`,
/// `name_languages` …), in a language file a `<member>_language` beside the text.
extension BundleParts {
    /// `guide.json`'s members.
    var fullMembers: JSONObject {
        var full = sharedMembers
        full["kind"] = .string(BundleFormat.guideKind)
        for (key, names) in [("title", config.title), ("description", config.description)] {
            if let texts = allLanguages(names) {
                full[key] = texts.texts
                full[key + "_languages"] = texts.languages
            }
        }
        full["countries"] = .array(
            config.countries.map { country in
                var o = JSONObject()
                o["code"] = .string(country.id)
                o["languages"] = .strings(country.languages)
                addNames(country.names, to: &o)
                return .object(o)
            })
        for (key, terms) in taxonomies {
            full[key] = .array(
                terms.map { term in
                    var o = JSONObject()
                    o["id"] = .string(term.id)
                    addNames(term.names, to: &o)
                    return .object(o)
                })
        }
        full["publisher"] =
            allLanguages(config.provenance.publisherName).map { names in
                object([
                    "names": names.texts, "name_languages": names.languages, "url": config.provenance.publisherURL.json,
                ])
            } ?? .null
        full["tombstones"] = .array(
            tombstones.map { record in
                var o = tombstone(record)
                if let reason = allLanguages(record.reason) {
                    o["reason"] = reason.texts
                    o["reason_languages"] = reason.languages
                }
                return .object(o)
            })
        if let glossary { full["glossary"] = glossary.full }
        return full
    }

    /// `guide.<code>.json`'s members.
    func languageMembers(_ code: String) -> JSONObject {
        var doc = sharedMembers
        doc["kind"] = .string(BundleFormat.languageKind)
        doc["language"] = .string(code)
        for (key, names) in [("title", config.title), ("description", config.description)] {
            if let text = Self.text(names, in: code, config: config) {
                doc[key] = .string(text.text)
                doc[key + "_language"] = .string(text.language)
            }
        }
        doc["countries"] = .array(
            config.countries.map { country in
                var o = JSONObject()
                o["code"] = .string(country.id)
                o["languages"] = .strings(country.languages)
                addName(country, in: code, to: &o)
                return .object(o)
            })
        for (key, terms) in taxonomies {
            doc[key] = .array(
                terms.map { term in
                    var o = JSONObject()
                    o["id"] = .string(term.id)
                    addName(term, in: code, to: &o)
                    return .object(o)
                })
        }
        doc["publisher"] =
            Self.text(config.provenance.publisherName, in: code, config: config).map { name in
                object([
                    "name": .string(name.text), "name_language": .string(name.language),
                    "url": config.provenance.publisherURL.json,
                ])
            } ?? .null
        doc["tombstones"] = .array(
            tombstones.map { record in
                var o = tombstone(record)
                if let reason = Self.text(record.reason, in: code, config: config) {
                    o["reason"] = .string(reason.text)
                    o["reason_language"] = .string(reason.language)
                }
                return .object(o)
            })
        if let glossary { doc["glossary"] = glossary.language(code) }
        return doc
    }

    /// Members that are the same in both kinds.
    private var sharedMembers: JSONObject {
        let provenance = config.provenance
        var o = JSONObject()
        o["$schema"] = .string(BundleFormat.schemaURL(baseURL: index.baseURL))
        o["format_version"] = .string(BundleFormat.version)
        o["version"] = .string(config.version)
        o["source_language"] = .string(config.sourceLanguage)
        o["base_url"] = .string(index.baseURL)
        o["languages"] = .array(
            config.languages.map { language in
                object([
                    "code": .string(language.code),
                    "name": .string(language.name),
                    "fallback": .strings(language.fallback),
                    "dir": .string(language.rightToLeft ? "rtl" : "ltr"),
                ])
            })
        if let id = provenance.licenceID, let url = provenance.licenceURL {
            o["licence"] = object(["id": .string(id), "name": provenance.licenceName.json, "url": .string(url)])
        } else {
            o["licence"] = .null
        }
        let contact = object(["email": provenance.contactEmail.json, "url": provenance.contactURL.json])
        o["contact"] = contact.objectValue?.isEmpty == false ? contact : .null
        o["documentation_url"] = provenance.documentationURL.json ?? .null
        o["review_text"] = .string(config.reviewText.rawValue)
        o["helpline_max_age_days"] = .int(config.helplineMaxAgeDays)
        o["build_day"] = .string(today.description)
        return o
    }

    private var taxonomies: [(String, [GuideConfig.Term])] {
        [("roles", config.roles), ("touchpoints", config.touchpoints), ("categories", config.categories)]
    }

    /// A tombstone's members but its reason.
    private func tombstone(_ record: Tombstone) -> JSONObject {
        var o = JSONObject()
        o["ref"] = .string(record.reference.description)
        o["type"] = .string(record.reference.type.rawValue)
        o["id"] = .string(record.reference.id)
        o["removed_on"] = .string(record.removedOn)
        o["replaced_by"] = .strings(record.replacedBy.map(\.description))
        return o
    }

    /// `names` and `name_languages` of a term in `guide.json`, when it has names.
    private func addNames(_ names: [String: String], to o: inout JSONObject) {
        guard let all = allLanguages(names) else { return }
        o["names"] = all.texts
        o["name_languages"] = all.languages
    }

    /// `name` and `name_language` of a term in one language; a term with no name in any
    /// language shows its id, and then has no `name_language`.
    private func addName(_ term: GuideConfig.Term, in code: String, to o: inout JSONObject) {
        let name = Self.text(term.names, in: code, config: config)
        o["name"] = .string(name?.text ?? term.id)
        o["name_language"] = name.map { .string($0.language) }
    }

    /// A text per declared language, each falling back like entries do, with the language
    /// each is in; nil when there is no text at all.
    private func allLanguages(_ names: [String: String]) -> (texts: JSONValue, languages: JSONValue)? {
        guard !names.isEmpty else { return nil }
        var texts = JSONObject()
        var languages = JSONObject()
        for code in codes {
            guard let text = Self.text(names, in: code, config: config) else { continue }
            texts[code] = .string(text.text)
            languages[code] = .string(text.language)
        }
        return (.object(texts), .object(languages))
    }

    /// The text for `code`: its own, else the first of its fallback chain (the source
    /// language last); a single text given for every language (`"*"`) counts as written in
    /// the source language.
    static func text(_ names: [String: String], in code: String, config: GuideConfig) -> (
        text: String, language: String
    )? {
        for candidate in [code] + config.fallbackChain(for: code) {
            if let name = names[candidate] { return (name, candidate) }
        }
        return names["*"].map { ($0, config.sourceLanguage) }
    }
}
