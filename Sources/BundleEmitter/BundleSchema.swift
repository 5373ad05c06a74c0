import JSON

/// `guide.schema.json`: one JSON Schema (draft 2020-12) that both file kinds
/// validate against; `kind` tells them apart. Objects are open (unknown
/// members are allowed) so a consumer holding this schema keeps accepting
/// bundles of later minor versions, which only add members.
///
/// The per-language entry of `guide.<lang>.json` is the entry core plus the
/// per-language members flattened in; that definition is assembled here from
/// the two, so both stay in step.
public enum BundleSchema {
    public static let document: JSONValue = {
        guard case .object(var root) = try! JSONParser.parse(BundleSchemaText.text),
              case .object(var defs)? = root["$defs"],
              let core = defs["entryCore"]?.objectValue, let localized = defs["localized"]?.objectValue else {
            fatalError("BundleSchemaText is not a schema with entryCore and localized definitions")
        }
        defs["languageEntry"] = merged(core, localized, description:
            "An entry in guide.<lang>.json: the entry core (type, id, ref, data …) and its text in that language.")
        var guideEntry = core
        var properties = core["properties"]?.objectValue ?? JSONObject()
        properties["languages"] = object([
            "description": .string("The entry in every declared language, keyed by language code. An entry that has nothing to show in a language (its type forbids fallback) has only {\"status\": \"missing\"} there."),
            "type": .string("object"),
            "propertyNames": object(["$ref": .string("#/$defs/languageTag")]),
            "additionalProperties": object(["anyOf": .array([
                object(["$ref": .string("#/$defs/localized")]),
                object(["$ref": .string("#/$defs/nothingToShow")]),
            ])]),
        ])
        guideEntry["properties"] = .object(properties)
        guideEntry["required"] = .array((core["required"]?.arrayValue ?? []) + [.string("languages")])
        guideEntry["description"] = .string("An entry in guide.json: the entry core and its text in every language.")
        defs["guideEntry"] = .object(guideEntry)
        root["$defs"] = .object(defs)
        return .object(root)
    }()

    private static func merged(_ a: JSONObject, _ b: JSONObject, description: String) -> JSONValue {
        var out = a
        var properties = a["properties"]?.objectValue ?? JSONObject()
        for (key, value) in b["properties"]?.objectValue ?? JSONObject() { properties[key] = value }
        out["properties"] = .object(properties)
        out["required"] = .array((a["required"]?.arrayValue ?? []) + (b["required"]?.arrayValue ?? []))
        if let all = b["allOf"] { out["allOf"] = .array((a["allOf"]?.arrayValue ?? []) + (all.arrayValue ?? [])) }
        out["description"] = .string(description)
        return .object(out)
    }
}
