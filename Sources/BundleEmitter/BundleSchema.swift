import GuideModel
import JSON

/// `guide.schema.json`: one JSON Schema (draft 2020-12) that both file kinds of a
/// bundle validate against (`kind` tells them apart), made for the guide the
/// bundle comes from. Its closed lists are enumerations: the languages,
/// countries, roles, touchpoints and categories of guide.yml, and whatever the
/// content schemas enumerate (strength, purpose, channel types, HTCDS codes …),
/// with the content schemas' patterns and length limits. Every object is
/// closed, so a misspelt or unknown member fails too.
///
/// Forward compatibility does not come from an open schema but from the rules
/// in docs/bundle.md: each bundle ships with its own schema (`$schema`, and
/// `datapackage.json` with its hash), and consumers ignore members they do not know.
public enum BundleSchema {
    /// The schema for `guide`'s bundle.
    public static func document(for guide: Guide) -> JSONValue {
        var root = parse(BundleSchemaText.text)
        var defs = root["$defs"]?.objectValue ?? JSONObject()
        for (key, value) in parse(BundleSchemaText.entries)["$defs"]?.objectValue ?? JSONObject() { defs[key] = value }
        let config = guide.config
        let base = PageAddress.base(config)
        let schemaURL = BundleFormat.schemaURL(baseURL: base)
        root["$id"] = .string(schemaURL)

        defs["schemaURL"] = object([
            "description": .string(
                "This schema's $id: where the bundle's schema is published (<base_url>bundle/guide.schema.json)."),
            "const": .string(schemaURL),
        ])
        defs["baseURL"] = object([
            "description": .string(
                "Where the guide's site is published, ending in / (empty when not set). Entry pages are <base_url><lang>/<type>/<id>/."
            ),
            "const": .string(base),
        ])
        defs["sourceLanguage"] = object([
            "description": .string("The language every entry is written in first."),
            "const": .string(config.sourceLanguage),
        ])
        defs["languageCode"] = closedList("A language the guide declares (guide.yml languages).", config.languageCodes)
        defs["countryCode"] = closedList(
            "A country the guide declares (guide.yml countries), ISO 3166-1 alpha-2.",
            config.countries.map(\.id))
        defs["roleId"] = closedList("A role guide.yml names.", config.roles.map(\.id))
        defs["touchpointId"] = closedList("A touchpoint guide.yml names.", config.touchpoints.map(\.id))
        defs["categoryId"] = closedList("A category guide.yml names.", config.categories.map(\.id))
        defs["maxAgeDays"] = object([
            "description": defs["maxAgeDays"]?["description"],
            "const": .int(config.helplineMaxAgeDays),
        ])

        let types = EntryType.allCases.map(\.rawValue)
        let id = "[a-z0-9]+(-[a-z0-9]+)*"
        let typeGroup = "(" + types.joined(separator: "|") + ")"
        defs["entryType"] = closedList("The kind of entry.", types)
        defs["entryRef"] = object([
            "description": .string("The stable reference to an entry: <type>/<id>."),
            "type": .string("string"), "pattern": .string("^\(typeGroup)/\(id)$"),
        ])
        defs["referenceText"] = object([
            "description": .string("A reference as written: <type>/<id>, optionally #<section>."),
            "type": .string("string"), "pattern": .string("^\(typeGroup)/\(id)(#\(id))?$"),
        ])
        defs["refMatchesType"] = object([
            "description": .string("ref starts with the type it names."),
            "allOf": .array(
                types.map { type in
                    object([
                        "if": object([
                            "properties": object(["type": object(["const": .string(type)])]),
                            "required": .strings(["type"]),
                        ]),
                        "then": object(["properties": object(["ref": object(["pattern": .string("^\(type)/")])])]),
                    ])
                }),
        ])
        let languages = "(" + config.languageCodes.map(regexEscaped).joined(separator: "|") + ")"
        defs["referenceURL"] = object([
            "description": .string(
                "A site page: <base_url><lang>/<type>/<id>/, with #<section> when the reference names one."),
            "type": .string("string"),
            "pattern": .string("^\(regexEscaped(base))\(languages)/\(typeGroup)/\(id)/(#\(id))?$"),
        ])

        EntrySchemas(guide: guide, languagesPattern: languages).add(to: &defs)
        root["$defs"] = .object(defs)
        return .object(root)
    }

    /// A string that is one of `values`.
    static func closedList(_ description: String, _ values: [String]) -> JSONValue {
        object(["description": .string(description), "type": .string("string"), "enum": .strings(values)])
    }

    /// `text` with every character that means something in a regular expression escaped.
    static func regexEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\^$.|?*+()[]{}".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// One of the constant texts above, parsed (they are part of this program, not input).
    static func parse(_ text: String) -> JSONObject {
        guard let value = try? JSONParser.parse(text), let object = value.objectValue else {
            preconditionFailure("BundleSchemaText is not a JSON object")
        }
        return object
    }
}
