import JSON
import Schema

/// The guide's schemas (`Content/schema/*.schema.json`) compiled once, with
/// the rules the compiler reads from their annotations.
public struct SchemaSet: Sendable {
    public var registry: SchemaRegistry?
    /// Schema URIs by name (`indicator` → `indicator.schema.json`), for names that exist.
    public var uris: [String: String]
    public var fieldRules: [EntryType: FieldRules]
    public var sectionRules: [EntryType: [SectionRule]]
    /// The schema documents as written, by file name (`indicator.schema.json`).
    public var documents: [String: JSONValue] = [:]

    public init(registry: SchemaRegistry?, uris: [String: String]) {
        self.registry = registry
        // Absolute URIs: the registry finds them without resolving anything.
        self.uris = registry.map { r in uris.mapValues(r.absoluteURI) } ?? uris
        self.fieldRules = [:]
        self.sectionRules = [:]
        guard let registry else { return }
        for type in EntryType.allCases {
            guard let uri = uris[type.schemaName] else { continue }
            let properties = registry.propertyAnnotations(of: uri)
            fieldRules[type] = FieldRules(
                translatable: Set(properties.filter { $0.value["x-translatable"]?.boolValue == true }.keys),
                perLanguage: Set(properties.filter { $0.value["x-per-language"]?.boolValue == true }.keys))
            sectionRules[type] = Self.sections(registry.rootKeyword("x-sections", of: uri))
        }
    }

    /// The schema URI for an entry type, a handout or guide.yml.
    public func uri(_ name: String) -> String? { uris[name] }

    private static func sections(_ value: JSONValue?) -> [SectionRule] {
        guard let object = value?.objectValue else { return [] }
        return object.keys.compactMap { id in
            guard let rule = object[id]?.objectValue else { return nil }
            return SectionRule(
                id: id, required: rule["required"]?.boolValue ?? false,
                content: rule["content"]?.stringValue.flatMap(SectionRule.Content.init(rawValue:)) ?? .any,
                maxLength: rule["maxLength"]?.numberValue?.integerValue)
        }
    }
}
