import GuideModel
import JSON

extension EntrySchemas {
    /// A helpline's derived members, held to its content schema where they repeat it:
    /// `derivedChannel` is the content's channel with `e164` and `uri` added (and the
    /// rules tying them to type and value), `contactPoint.contactType` is a purpose,
    /// `availableLanguage` holds language tags as the content writes them, and
    /// `organization` carries the ContactPoint under the organisation's name and address.
    func addHelplineMembers(to defs: inout JSONObject, content: inout ContentSchemaImport) {
        let document = EntryType.helplines.schemaName + ".schema.json"
        let fields = guide.contentSchemas[document]?["properties"]?.objectValue ?? JSONObject()
        func field(_ name: String) -> JSONValue? { fields[name].map { content.converted($0, in: document) } }
        func resolved(_ schema: JSONValue?) -> JSONObject? {
            guard let schema else { return nil }
            if let reference = schema["$ref"]?.stringValue, reference.hasPrefix("#/$defs/") {
                let name = JSONPointer.unescape(reference.dropFirst("#/$defs/".count)) ?? ""
                return content.definitions[name]?.objectValue
            }
            return schema.objectValue
        }

        let links = defs["channelLinkMembers"]?.objectValue ?? JSONObject()
        var channel = resolved(field("channels")?["items"]) ?? Self.fallbackChannel
        var channelProperties = channel["properties"]?.objectValue ?? JSONObject()
        for (key, value) in links { channelProperties[key] = value }
        channel["properties"] = .object(channelProperties)
        channel["allOf"] = .array(
            (channel["allOf"]?.arrayValue ?? []) + [object(["$ref": .string("#/$defs/channelLinks")])])
        channel["description"] = .string("A channel of data.channels with e164 and uri added.")
        defs["derivedChannel"] = .object(channel)

        var point = defs["contactPoint"]?.objectValue ?? JSONObject()
        var pointProperties = point["properties"]?.objectValue ?? JSONObject()
        if let purpose = field("purpose") {
            pointProperties["contactType"] = object([
                "description": pointProperties["contactType"]?["description"],
                "allOf": .array([purpose]),
            ])
        }
        if let languages = field("languages"), let items = languages["items"] {
            pointProperties["availableLanguage"] = object([
                "type": .string("array"), "minItems": .int(1), "items": items,
            ])
        }
        point["properties"] = .object(pointProperties)
        defs["contactPoint"] = .object(point)

        // The same ContactPoint inside the Organization, without its own @context.
        var inner = point
        pointProperties["@context"] = nil
        inner["properties"] = .object(pointProperties)
        inner["required"] = .strings(
            (point["required"]?.arrayValue ?? []).compactMap(\.stringValue).filter { $0 != "@context" })
        inner["description"] = .string("The helpline's ContactPoint, as in contact_point.")
        defs["organization"] = object([
            "description": .string(
                "A schema.org Organization (JSON-LD): who runs the line (name and url only when the editors state them: organisation, organisation_url), with the ContactPoint under it."
            ),
            "type": .string("object"),
            "properties": object([
                "@context": object(["const": .string("https://schema.org")]),
                "@type": object(["const": .string("Organization")]),
                "name": field("organisation") ?? object(["type": .string("string"), "minLength": .int(1)]),
                "url": field("organisation_url")
                    ?? object(["type": .string("string"), "pattern": .string("^https?://")]),
                "contactPoint": .object(inner),
            ]),
            "required": .strings(["@context", "@type", "contactPoint"]),
            "additionalProperties": .bool(false),
        ])
    }

    /// A channel when the guide has no content schema to take it from.
    static let fallbackChannel: JSONObject = {
        var o = JSONObject()
        o["type"] = .string("object")
        o["properties"] = object([
            "type": object(["type": .string("string")]),
            "value": object(["type": .string("string"), "minLength": .int(1)]),
            "hours": object(["type": .string("string")]),
            "reachable_from_abroad": object(["type": .string("boolean")]),
        ])
        o["required"] = .strings(["type", "value"])
        o["additionalProperties"] = .bool(false)
        return o
    }()
}
