import GuideModel
import JSON

/// Copies parts of the guide's content schemas (`Content/schema/*.schema.json`)
/// into the bundle's schema, so the bundle is held to exactly what the content
/// is held to: the same enumerations, patterns and length limits.
///
/// A content schema's `$defs` entry becomes a bundle definition named
/// `<file stem>.<name>` (`common.channel`), imported when something refers to
/// it; `$ref`s are rewritten to match. A reference to anything else in a
/// content schema (a pointer outside `$defs`) is copied in place. Annotations
/// for the compiler (`x-translatable`, `x-sections` …) and `$id`/`$schema` are dropped.
struct ContentSchemaImport {
    private let documents: [String: JSONValue]
    /// Imported definitions by bundle name.
    private(set) var definitions: [String: JSONValue] = [:]
    private var pending: [(document: String, name: String)] = []

    /// Keywords whose value is a schema, an object of schemas, or an array of schemas.
    private static let schemaKeywords: Set<String> = [
        "items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema", "additionalItems",
    ]
    private static let schemaMapKeywords: Set<String> = ["properties", "patternProperties", "dependentSchemas"]
    private static let schemaListKeywords: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]
    /// Inlined references nest at most this deep (a reference cycle outside `$defs` stops here).
    private static let maxInlineDepth = 8

    init(documents: [String: JSONValue]) {
        self.documents = documents
    }

    /// The root of a content schema (`indicator.schema.json`), `$defs` left out, rewritten for the bundle.
    mutating func root(of document: String) -> JSONObject? {
        guard var root = documents[document]?.objectValue else { return nil }
        root["$defs"] = nil
        let imported = convert(.object(root), in: document, depth: 0).objectValue
        importPending()
        return imported
    }

    /// A value of a schema, rewritten for the bundle, with what it refers to imported.
    mutating func converted(_ value: JSONValue, in document: String) -> JSONValue {
        let result = convert(value, in: document, depth: 0)
        importPending()
        return result
    }

    /// The bundle name a content definition is imported under.
    static func definitionName(document: String, name: String) -> String {
        stem(document) + "." + name
    }

    private static func stem(_ document: String) -> String {
        document.hasSuffix(".schema.json") ? String(document.dropLast(".schema.json".count)) : document
    }

    private mutating func importPending() {
        while let (document, name) = pending.popLast() {
            let key = Self.definitionName(document: document, name: name)
            guard definitions[key] == nil else { continue }
            definitions[key] = .bool(true) // taken, so a definition that refers to itself is imported once
            let source = documents[document]?["$defs"]?[name] ?? .bool(true)
            definitions[key] = convert(source, in: document, depth: 0)
        }
    }

    /// `value` as a schema: its subschemas converted, references rewritten, compiler annotations dropped.
    private mutating func convert(_ value: JSONValue, in document: String, depth: Int) -> JSONValue {
        guard case .object(let schema) = value else { return value }
        var out = JSONObject()
        var inlinedTargets: [JSONValue] = []
        for (key, member) in schema {
            if key.hasPrefix("x-") || key == "$id" || key == "$schema" || key == "$defs" { continue }
            if key == "$ref", let reference = member.stringValue {
                let (replacement, inlined) = rewrite(reference, in: document, depth: depth)
                if let inlined {
                    // The target copied in place applies beside this schema's keywords, as `$ref` does.
                    if !inlined.isEmpty { inlinedTargets.append(.object(inlined)) }
                } else {
                    out["$ref"] = .string(replacement)
                }
                continue
            }
            if Self.schemaKeywords.contains(key) {
                out[key] = convert(member, in: document, depth: depth)
            } else if Self.schemaMapKeywords.contains(key), let map = member.objectValue {
                var converted = JSONObject()
                for (name, subschema) in map { converted[name] = convert(subschema, in: document, depth: depth) }
                out[key] = .object(converted)
            } else if Self.schemaListKeywords.contains(key), let list = member.arrayValue {
                out[key] = .array(list.map { convert($0, in: document, depth: depth) })
            } else {
                out[key] = member
            }
        }
        if !inlinedTargets.isEmpty { out["allOf"] = .array((out["allOf"]?.arrayValue ?? []) + inlinedTargets) }
        return .object(out)
    }

    /// A `$ref` of `document` as a bundle reference, or the schema to copy in its place (empty,
    /// accepting anything, for a reference that does not lead into a content schema).
    private mutating func rewrite(_ reference: String, in document: String, depth: Int) -> (String, JSONObject?) {
        let hash = reference.firstIndex(of: "#")
        let target = hash.map { String(reference[..<$0]) } ?? reference
        let fragment = hash.map { String(reference[reference.index(after: $0)...]) } ?? ""
        let targetDocument = target.isEmpty ? document : target
        guard let root = documents[targetDocument], let pointer = JSONPointer(fragment) else {
            return ("#", JSONObject())
        }
        if pointer.tokens.count == 2, pointer.tokens[0] == "$defs" {
            pending.append((targetDocument, pointer.tokens[1]))
            return (
                "#/$defs/" + JSONPointer.escape(Self.definitionName(document: targetDocument, name: pointer.tokens[1])),
                nil
            )
        }
        guard depth < Self.maxInlineDepth, var copy = pointer.resolve(in: root)?.objectValue else {
            return ("#", JSONObject())
        }
        copy["$defs"] = nil
        return ("#", convert(.object(copy), in: targetDocument, depth: depth + 1).objectValue ?? JSONObject())
    }
}
