import GuideModel
import JSON

extension GuideConfig {
    /// Reads `guide.yml`'s value. Shapes are validated against
    /// `schema/guide.schema.json` separately, so this reads what is well formed
    /// and leaves defaults for the rest.
    init(json o: JSONObject) {
        self.init()
        title = Self.languageMap(o["title"])
        description = Self.languageMap(o["description"])
        sourceLanguage = o["source_language"]?.stringValue ?? "en"
        baseURL = o["base_url"]?.stringValue ?? ""
        version = o["version"]?.stringValue ?? "0.0.0"
        helplineMaxAgeDays = o["helpline_max_age_days"]?.numberValue?.integerValue ?? 180
        languages = (o["languages"]?.arrayValue ?? []).compactMap { item in
            guard let code = item["code"]?.stringValue else { return nil }
            return Language(
                code: code, name: item["name"]?.stringValue ?? code,
                fallback: item["fallback"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                rightToLeft: item["dir"]?.stringValue == "rtl")
        }
        countries = Self.terms(o["countries"], idKey: "code")
        roles = Self.terms(o["roles"], idKey: "id")
        touchpoints = Self.terms(o["touchpoints"], idKey: "id")
        categories = Self.terms(o["categories"], idKey: "id")
        for type in EntryType.allCases {
            fallbackAllowed[type] = o["fallback"]?[type.rawValue]?.boolValue ?? true
        }
        reviewText = o["review_text"]?.stringValue.flatMap(ReviewTextPolicy.init(rawValue:)) ?? .notice
        provenance = Self.provenance(o)
    }

    private static func provenance(_ o: JSONObject) -> Provenance {
        var result = Provenance()
        if let name = o["publisher"]?["name"] {
            if let single = name.stringValue {
                result.publisherName = ["*": single]
            } else {
                result.publisherName = languageMap(name)
            }
        }
        result.publisherURL = o["publisher"]?["url"]?.stringValue
        result.contactEmail = o["contact"]?["email"]?.stringValue
        result.contactURL = o["contact"]?["url"]?.stringValue
        result.licenceID = o["licence"]?["id"]?.stringValue
        result.licenceName = o["licence"]?["name"]?.stringValue
        result.licenceURL = o["licence"]?["url"]?.stringValue
        result.documentationURL = o["documentation_url"]?.stringValue
        return result
    }

    private static func languageMap(_ value: JSONValue?) -> [String: String] {
        var map: [String: String] = [:]
        for (key, value) in value?.objectValue ?? JSONObject() {
            if let s = value.stringValue { map[key] = s }
        }
        return map
    }

    private static func terms(_ value: JSONValue?, idKey: String) -> [Term] {
        (value?.arrayValue ?? []).compactMap { item in
            guard let id = item[idKey]?.stringValue else { return nil }
            return Term(
                id: id, names: languageMap(item["name"]),
                languages: item["languages"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        }
    }
}
