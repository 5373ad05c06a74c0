import JSON

/// Decoding of individual keywords into `SchemaNode` fields, checking that
/// each has the shape draft 2020-12 requires.
extension SchemaCompiler {
    private static let counts: [String: any ReferenceWritableKeyPath<SchemaNode, Int?> & Sendable] = [
        "minLength": \.minLength, "maxLength": \.maxLength, "minItems": \.minItems, "maxItems": \.maxItems,
        "minProperties": \.minProperties, "maxProperties": \.maxProperties,
        "minContains": \.minContains, "maxContains": \.maxContains,
    ]
    private static let bounds: [String: any ReferenceWritableKeyPath<SchemaNode, JSONNumber?> & Sendable] = [
        "minimum": \.minimum, "maximum": \.maximum, "exclusiveMinimum": \.exclusiveMinimum,
        "exclusiveMaximum": \.exclusiveMaximum, "multipleOf": \.multipleOf,
    ]
    private static let single: [String: any ReferenceWritableKeyPath<SchemaNode, SchemaNode?> & Sendable] = [
        "items": \.items, "contains": \.contains, "additionalProperties": \.additionalProperties,
        "propertyNames": \.propertyNames, "not": \.not, "if": \.ifSchema, "then": \.thenSchema,
        "else": \.elseSchema, "unevaluatedProperties": \.unevaluatedProperties, "unevaluatedItems": \.unevaluatedItems,
    ]
    private static let lists: [String: any ReferenceWritableKeyPath<SchemaNode, [SchemaNode]> & Sendable] = [
        "prefixItems": \.prefixItems, "allOf": \.allOf, "anyOf": \.anyOf, "oneOf": \.oneOf,
    ]

    mutating func decodeKeywords(_ object: JSONObject, into node: SchemaNode, _ context: Context) throws {
        for (keyword, value) in object {
            let here = context.child(keyword)
            if let path = Self.counts[keyword] {
                guard let n = value.numberValue?.integerValue, n >= 0 else {
                    throw here.error("\"\(keyword)\" must be a non-negative integer")
                }
                node[keyPath: path] = n
            } else if let path = Self.bounds[keyword] {
                guard let n = value.numberValue else { throw here.error("\"\(keyword)\" must be a number") }
                if keyword == "multipleOf" && n.doubleValue <= 0 {
                    throw here.error("\"multipleOf\" must be greater than 0")
                }
                node[keyPath: path] = n
            } else if let path = Self.single[keyword] {
                node[keyPath: path] = try compile(value, here)
                if keyword.hasPrefix("unevaluated") { noteUnevaluated() }
            } else if let path = Self.lists[keyword] {
                guard let items = value.arrayValue, !items.isEmpty else {
                    throw here.error("\"\(keyword)\" must be a non-empty array of schemas")
                }
                node[keyPath: path] = try items.enumerated().map {
                    try compile($0.element, here.child(String($0.offset)))
                }
            } else {
                try decodeOther(keyword, value, into: node, here)
            }
        }
    }

    private mutating func decodeOther(_ keyword: String, _ value: JSONValue, into node: SchemaNode, _ here: Context)
        throws
    {
        switch keyword {
        case "type":
            node.types = try decodeTypes(value, here)
        case "enum":
            guard let values = value.arrayValue else { throw here.error("\"enum\" must be an array") }
            node.enumValues = values
        case "const":
            node.constValue = value
        case "pattern":
            guard let source = value.stringValue else { throw here.error("\"pattern\" must be a string") }
            node.pattern = try regex(source, here)
        case "format":
            guard let name = value.stringValue else { throw here.error("\"format\" must be a string") }
            if assertedFormats.contains(name) { node.assertedFormat = name }
        case "uniqueItems":
            guard let flag = value.boolValue else { throw here.error("\"uniqueItems\" must be a boolean") }
            node.uniqueItems = flag
        case "required":
            node.required = try strings(value, here)
        case "properties":
            for (name, schema) in try members(value, here) {
                node.properties[name] = try compile(schema, here.child(name))
                node.propertyOrder.append(name)
            }
        case "patternProperties":
            for (source, schema) in try members(value, here) {
                node.patternProperties.append(
                    (try regex(source, here.child(source)), try compile(schema, here.child(source))))
            }
        case "dependentSchemas":
            for (name, schema) in try members(value, here) {
                node.dependentSchemas.append((name, try compile(schema, here.child(name))))
            }
        case "dependentRequired":
            for (name, list) in try members(value, here) {
                node.dependentRequired.append((name, try strings(list, here.child(name))))
            }
        case "$defs":
            for (name, schema) in try members(value, here) { _ = try compile(schema, here.child(name)) }
        case "$ref", "$dynamicRef":
            guard let reference = value.stringValue else { throw here.error("\"\(keyword)\" must be a string") }
            addReference(reference, from: node, dynamic: keyword == "$dynamicRef", here)
        default:
            break // annotations, `x-` extensions and unknown keywords do not affect validation
        }
    }

    private func decodeTypes(_ value: JSONValue, _ here: Context) throws -> TypeSet {
        let names: [String]
        if let name = value.stringValue { names = [name] } else { names = try strings(value, here) }
        var set = TypeSet()
        for name in names {
            guard let type = TypeSet(name: name) else {
                throw here.error(
                    "unknown type \"\(name)\"; expected one of \(TypeSet.names.map(\.0).joined(separator: ", "))")
            }
            set.insert(type)
        }
        return set
    }

    private func strings(_ value: JSONValue, _ here: Context) throws -> [String] {
        guard let items = value.arrayValue else { throw here.error("expected an array of strings") }
        return try items.map {
            guard let s = $0.stringValue else { throw here.error("expected an array of strings") }
            return s
        }
    }

    private func members(_ value: JSONValue, _ here: Context) throws -> JSONObject {
        guard let object = value.objectValue else { throw here.error("expected an object") }
        return object
    }
}
