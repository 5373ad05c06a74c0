import JSON

/// One compiled (sub)schema: every keyword decoded once into typed fields so
/// validation never looks keywords up by name.
///
/// Nodes are built and linked by `SchemaCompiler`, then never mutated again,
/// which is what makes sharing them across threads safe. Subschemas are owned
/// by their parent; `$ref` targets are `unowned` because the registry keeps
/// every node alive and references may form cycles.
///
/// `@unchecked Sendable` because the compiler links nodes through `var`
/// fields (cycles cannot be built from `let`s); nothing writes them once
/// `SchemaCompiler` has returned the registry.
final class SchemaNode: @unchecked Sendable {
    /// Absolute location: document URI plus JSON pointer fragment.
    let location: String
    /// Index of the schema resource (the nearest `$id`) this node belongs to.
    let resource: Int
    /// The schema as written, for annotations (`x-…` keywords, `title`).
    let raw: JSONValue

    /// Set for `true` / `false` schemas; everything else is then unused.
    var boolean: Bool?

    var types: TypeSet?
    var enumValues: [JSONValue]?
    var constValue: JSONValue?

    var minimum: JSONNumber?
    var maximum: JSONNumber?
    var exclusiveMinimum: JSONNumber?
    var exclusiveMaximum: JSONNumber?
    var multipleOf: JSONNumber?

    var minLength: Int?
    var maxLength: Int?
    var pattern: ECMARegex?
    /// `format`, when the registry asserts it (see `SchemaRegistry.assertedFormats`).
    var assertedFormat: String?

    var prefixItems: [SchemaNode] = []
    var items: SchemaNode?
    var contains: SchemaNode?
    var minContains: Int?
    var maxContains: Int?
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false

    var properties: [String: SchemaNode] = [:]
    /// Property names in the order the schema declares them.
    var propertyOrder: [String] = []
    var patternProperties: [(regex: ECMARegex, schema: SchemaNode)] = []
    var additionalProperties: SchemaNode?
    var propertyNames: SchemaNode?
    var required: [String] = []
    var dependentRequired: [(property: String, requires: [String])] = []
    var dependentSchemas: [(property: String, schema: SchemaNode)] = []
    var minProperties: Int?
    var maxProperties: Int?

    var allOf: [SchemaNode] = []
    var anyOf: [SchemaNode] = []
    var oneOf: [SchemaNode] = []
    var not: SchemaNode?
    var ifSchema: SchemaNode?
    var thenSchema: SchemaNode?
    var elseSchema: SchemaNode?
    var unevaluatedProperties: SchemaNode?
    var unevaluatedItems: SchemaNode?

    unowned(unsafe) var ref: SchemaNode?
    unowned(unsafe) var dynamicRef: SchemaNode?
    /// For a `$dynamicRef` whose initial target is a `$dynamicAnchor`: the
    /// anchor name to look up in the dynamic scope at validation time.
    var dynamicAnchorName: String?
    /// Property names declared here or in subschemas that apply to the same
    /// object; computed for nodes with `unevaluatedProperties`.
    var knownPropertiesForUnevaluated: [String] = []

    init(location: String, resource: Int, raw: JSONValue) {
        self.location = location
        self.resource = resource
        self.raw = raw
    }
}

/// The set of JSON Schema types a `type` keyword accepts.
struct TypeSet: OptionSet, Sendable {
    let rawValue: UInt8

    static let null = TypeSet(rawValue: 1)
    static let boolean = TypeSet(rawValue: 2)
    static let integer = TypeSet(rawValue: 4)
    static let number = TypeSet(rawValue: 8)
    static let string = TypeSet(rawValue: 16)
    static let array = TypeSet(rawValue: 32)
    static let object = TypeSet(rawValue: 64)

    static let names: [(String, TypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("integer", .integer), ("number", .number),
        ("string", .string), ("array", .array), ("object", .object),
    ]

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init?(name: String) {
        guard let entry = TypeSet.names.first(where: { $0.0 == name }) else { return nil }
        self = entry.1
    }

    func matches(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return contains(.null)
        case .bool: return contains(.boolean)
        case .number(let n): return contains(.number) || (contains(.integer) && n.isInteger)
        case .string: return contains(.string)
        case .array: return contains(.array)
        case .object: return contains(.object)
        }
    }

    var typeNames: [String] { TypeSet.names.filter { contains($0.1) }.map(\.0) }
}
