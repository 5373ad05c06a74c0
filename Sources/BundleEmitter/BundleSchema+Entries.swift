import GuideModel
import JSON

/// The entry definitions of `guide.schema.json`, one closed set per entry type:
///
/// - `data.<type>`: the type's content schema without its per-language fields;
/// - `localized.<type>`: what every entry has in a language (`localizedCommon`)
///   and the type's translatable fields, as the content schema declares them;
/// - `guideEntry.<type>` and `languageEntry.<type>`: an entry in each file kind;
/// - `guideEntry` and `languageEntry`: the one for the entry's `type`;
/// - a helpline's derived members (`derivedChannel`, `contactPoint`, `organization`),
///   held to the content schema's channel, purpose and language definitions.
struct EntrySchemas {
    let guide: Guide
    /// `(en|es|…)`, for page addresses.
    let languagesPattern: String

    /// Building blocks of `BundleSchemaText.entries`, used here and not published.
    private static let buildingBlocks = ["entryCommon", "helplineCommon", "localizedCommon", "channelLinkMembers"]

    func add(to defs: inout JSONObject) {
        var content = ContentSchemaImport(documents: guide.contentSchemas)
        let common = defs["localizedCommon"]?.objectValue ?? JSONObject()
        let entryCommon = defs["entryCommon"]?.objectValue ?? JSONObject()
        let helplineCommon = defs["helplineCommon"]?.objectValue ?? JSONObject()
        var foundIn: Set<String> = ["body"]
        for type in EntryType.allCases {
            let root = content.root(of: type.schemaName + ".schema.json")
            foundIn.formUnion(root?["properties"]?.objectValue?.keys ?? [])
            let rules = guide.fieldRules[type] ?? FieldRules(translatable: [], perLanguage: [])
            defs["data.\(type.rawValue)"] = data(type, root: root, rules: rules)

            var core = properties(entryCommon)
            core["type"] = object(["const": .string(type.rawValue)])
            core["ref"] = object(["$ref": .string("#/$defs/entryRef"), "pattern": .string("^\(type.rawValue)/")])
            core["data"] = object([
                "description": entryCommon["properties"]?["data"]?["description"],
                "$ref": .string("#/$defs/data.\(type.rawValue)"),
            ])
            var coreRequired = strings(entryCommon["required"])
            if type == .helplines {
                for (key, value) in properties(helplineCommon) { core[key] = value }
                coreRequired += strings(helplineCommon["required"])
            }

            var localized = properties(common)
            var localizedRequired = strings(common["required"])
            for (key, value) in root?["properties"]?.objectValue ?? JSONObject() where rules.translatable.contains(key)
            {
                localized[key] = value
            }
            for key in ["title", "summary"] where localized[key] == nil {
                localized[key] = object(["type": .string("string")])
            }
            localized["url"] = object([
                "description": .string(
                    "The site page showing this text: <base_url><text_language>/\(type.rawValue)/<id>/."),
                "type": .string("string"),
                "pattern": .string(
                    "^\(BundleSchema.regexEscaped(PageAddress.base(guide.config)))\(languagesPattern)/\(type.rawValue)/[a-z0-9]+(-[a-z0-9]+)*/$"
                ),
            ])
            if type == .protocols {
                localized["steps"] = object([
                    "description": .string("The numbered steps (the ordered list of the steps section), in order."),
                    "type": .string("array"), "items": object(["$ref": .string("#/$defs/step")]),
                ])
                localizedRequired.append("steps")
            }
            let requiredTexts = strings(root?["required"]).filter(rules.translatable.contains)
            localizedRequired += requiredTexts.filter { !localizedRequired.contains($0) }
            var rulesOfText = common["allOf"]?.arrayValue ?? []
            rulesOfText.append(
                object([
                    "if": object([
                        "properties": object(["status": object(["const": .string("source")])]),
                        "required": .strings(["status"]),
                    ]),
                    "then": object([
                        "properties": object(["text_language": object(["const": .string(guide.config.sourceLanguage)])])
                    ]),
                ]))
            defs["localized.\(type.rawValue)"] = closed(
                localized, required: localizedRequired, allOf: rulesOfText,
                description: "A \(type.rawValue) entry as a reader of one language sees it.")

            var full = core
            full["languages"] = object([
                "description": .string("The entry in every declared language, keyed by language code."),
                "type": .string("object"),
                "propertyNames": object(["$ref": .string("#/$defs/languageCode")]),
                "required": .strings(guide.config.languageCodes),
                "additionalProperties": object([
                    "anyOf": .array([
                        object(["$ref": .string("#/$defs/localized.\(type.rawValue)")]),
                        object(["$ref": .string("#/$defs/nothingToShow")]),
                    ])
                ]),
            ])
            defs["guideEntry.\(type.rawValue)"] = closed(
                full, required: coreRequired + ["languages"], allOf: [],
                description: "A \(type.rawValue) entry in guide.json: what it is and its text in every language.")
            var oneLanguage = core
            for (key, value) in localized { oneLanguage[key] = value }
            defs["languageEntry.\(type.rawValue)"] = closed(
                oneLanguage, required: coreRequired + localizedRequired, allOf: rulesOfText,
                description: "A \(type.rawValue) entry in guide.<lang>.json: what it is and its text in that language.")
        }
        for kind in ["guideEntry", "languageEntry"] { defs[kind] = dispatcher(kind) }
        defs["foundIn"] =
            guide.contentSchemas.isEmpty
            ? object(["type": .string("string"), "pattern": .string("^[a-z][a-z0-9_]*$")])
            : BundleSchema.closedList("body, or the front-matter field the reference is in.", foundIn.sorted())
        addHelplineMembers(to: &defs, content: &content)
        for (name, definition) in content.definitions { defs[name] = definition }
        for name in Self.buildingBlocks { defs[name] = nil }
    }

    /// `data.<type>`: the content schema's root without the per-language fields.
    private func data(_ type: EntryType, root: JSONObject?, rules: FieldRules) -> JSONValue {
        guard var schema = root else {
            return object([
                "description": .string("The entry's front-matter fields (the guide has no content schemas)."),
                "type": .string("object"),
            ])
        }
        let perLanguage = rules.translatable.union(rules.perLanguage).union(["source_hash"])
        var properties = schema["properties"]?.objectValue ?? JSONObject()
        for key in perLanguage { properties[key] = nil }
        // Countries are those guide.yml declares, as `guide check` holds these fields to (country.undeclared).
        if let country = properties["country"] {
            properties["country"] = object([
                "allOf": .array([country, object(["$ref": .string("#/$defs/countryCode")])])
            ])
        }
        if let jurisdictions = properties["jurisdictions"] {
            properties["jurisdictions"] = object([
                "allOf": .array([
                    jurisdictions, object(["items": object(["$ref": .string("#/$defs/countryCode")])]),
                ])
            ])
        }
        schema["properties"] = .object(properties)
        schema["required"] = .strings(strings(schema["required"]).filter { !perLanguage.contains($0) })
        schema["title"] = nil
        schema["description"] = .string(
            "The language-independent fields of a \(type.rawValue) entry, as schema/\(type.schemaName).schema.json declares them."
        )
        return .object(schema)
    }

    /// The definition for the entry's `type`.
    private func dispatcher(_ kind: String) -> JSONValue {
        object([
            "type": .string("object"),
            "properties": object(["type": object(["$ref": .string("#/$defs/entryType")])]),
            "required": .strings(["type"]),
            "allOf": .array(
                EntryType.allCases.map { type in
                    object([
                        "if": object([
                            "properties": object(["type": object(["const": .string(type.rawValue)])]),
                            "required": .strings(["type"]),
                        ]),
                        "then": object(["$ref": .string("#/$defs/\(kind).\(type.rawValue)")]),
                    ])
                }),
        ])
    }

    func closed(_ properties: JSONObject, required: [String], allOf: [JSONValue], description: String) -> JSONValue {
        var seen: Set<String> = []
        return object([
            "description": .string(description),
            "type": .string("object"),
            "properties": .object(properties),
            "required": .strings(required.filter { seen.insert($0).inserted }),
            "allOf": allOf.isEmpty ? nil : .array(allOf),
            "additionalProperties": .bool(false),
        ])
    }

    func properties(_ schema: JSONObject) -> JSONObject { schema["properties"]?.objectValue ?? JSONObject() }

    func strings(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }
}
