import JSON

/// A schema document to register: its name (a file name such as
/// `indicator.schema.json`, or an absolute URI) serves as its retrieval URI,
/// resolved against the registry's base URI, unless the document has an `$id`.
public struct SchemaDocument: Sendable {
    public var name: String
    public var schema: JSONValue

    public init(name: String, schema: JSONValue) {
        self.name = name
        self.schema = schema
    }
}

/// A set of JSON Schema (draft 2020-12) documents compiled once and then
/// shared: immutable, so one registry can validate from many threads at once.
///
/// References (`$ref`, `$dynamicRef`) may point within a document or to any
/// other registered document, by absolute or relative URI, JSON pointer
/// fragment or anchor. `format` is an annotation unless the registry is made
/// to assert it (`assertingFormats`, for the formats in `supportedFormats`);
/// unknown keywords
/// (such as `x-translatable`) are ignored by validation but readable through
/// `propertyAnnotations(of:)` and `rootKeyword(_:of:)`.
public final class SchemaRegistry: Sendable {
    /// The URI relative document names and `$id`s are resolved against.
    public let baseURI: String
    private let index: [String: SchemaNode]
    private let resources: [SchemaCompiler.Resource]
    /// Keeps every node alive: `$ref` links between nodes are unowned.
    private let nodes: [SchemaNode]
    private let tracksEvaluation: Bool

    /// The `format` values this validator can assert.
    public static let supportedFormats: Set<String> = ["date"]

    /// Compiles `documents`; throws `SchemaError` naming the document and
    /// pointer of the first malformed schema or unresolvable reference.
    /// `assertingFormats` (a subset of `supportedFormats`) turns those
    /// `format` keywords into assertions (the format-assertion vocabulary's
    /// behaviour); by default `format` only annotates, as draft 2020-12 says.
    public init(
        documents: [SchemaDocument], baseURI: String = "file:///schema/",
        assertingFormats: Set<String> = []
    ) throws {
        self.baseURI = baseURI
        var compiler = SchemaCompiler()
        compiler.assertedFormats = assertingFormats.intersection(Self.supportedFormats)
        for document in documents {
            let uri = URIReference.split(URIReference.resolve(document.name, against: baseURI)).base
            try compiler.addDocument(document.schema, uri: uri, name: document.name)
        }
        try compiler.linkReferences()
        index = compiler.index
        resources = compiler.resources
        nodes = compiler.nodes
        tracksEvaluation = compiler.hasUnevaluated
    }

    /// The absolute form of a schema reference, as used for lookups.
    public func absoluteURI(_ reference: String) -> String {
        URIReference.resolve(reference, against: baseURI)
    }

    /// Whether `uri` (absolute or relative to `baseURI`, possibly with a
    /// fragment) designates a registered schema.
    public func contains(_ uri: String) -> Bool { node(uri) != nil }

    /// Validates `instance` against the schema at `uri` (absolute, or relative
    /// to `baseURI`, e.g. `indicator.schema.json`). Returns no errors when the
    /// instance is valid. An unknown `uri` yields a single `$ref` error.
    public func validate(_ instance: JSONValue, against uri: String) -> [ValidationError] {
        guard let root = node(uri) else {
            return [
                ValidationError(
                    instancePath: .root, keyword: "$ref", schemaPath: absoluteURI(uri),
                    message: "no schema is registered as \(absoluteURI(uri))")
            ]
        }
        var evaluator = Evaluator(resources: resources, tracksEvaluation: tracksEvaluation)
        var errors: [ValidationError] = []
        evaluator.validate(instance, root, &errors)
        // The same requirement reached through two `allOf` branches is one mistake.
        var seen = Set<String>()
        return errors.filter { seen.insert("\($0.instancePath)\u{0}\($0.keyword)\u{0}\($0.message)").inserted }
    }

    /// The property schemas of the root object of the schema at `uri`, as
    /// written, with `$ref` and `allOf` followed both to find properties and
    /// to complete each property's keywords (keywords written on the property
    /// win over those of what it references). Use it to read extension
    /// keywords such as `x-translatable` or `x-per-language`.
    public func propertyAnnotations(of uri: String) -> [String: JSONObject] {
        guard let root = node(uri) else { return [:] }
        var result: [String: JSONObject] = [:]
        for (name, schema) in properties(of: root) {
            var merged = result[name] ?? JSONObject()
            for (key, value) in keywords(of: schema) where merged[key] == nil { merged[key] = value }
            result[name] = merged
        }
        return result
    }

    /// A keyword of the root schema at `uri` (such as `x-sections`), looked up
    /// on the root and then through its `$ref` and `allOf`.
    public func rootKeyword(_ name: String, of uri: String) -> JSONValue? {
        guard let root = node(uri) else { return nil }
        return keywords(of: root)[name]
    }

    private func node(_ uri: String) -> SchemaNode? {
        if let node = index[uri] { return node }
        let (base, fragment) = URIReference.split(absoluteURI(uri))
        guard let fragment, !fragment.isEmpty else { return index[base] }
        guard fragment.hasPrefix("/") else { return index[base + "#" + fragment] }
        guard let pointer = JSONPointer(fragment) else { return nil }
        return index[base + "#" + pointer.description]
    }

    /// `node` and the schemas it applies in place, in order: itself, then
    /// (depth first) its `$ref` and `allOf` targets.
    private func inPlaceSchemas(_ node: SchemaNode) -> [SchemaNode] {
        var seen = Set<ObjectIdentifier>()
        var ordered: [SchemaNode] = []
        func visit(_ node: SchemaNode) {
            guard seen.insert(ObjectIdentifier(node)).inserted else { return }
            ordered.append(node)
            if let target = node.ref { visit(target) }
            node.allOf.forEach(visit)
        }
        visit(node)
        return ordered
    }

    private func properties(of node: SchemaNode) -> [(String, SchemaNode)] {
        inPlaceSchemas(node).flatMap { schema in schema.propertyOrder.map { ($0, schema.properties[$0]!) } }
    }

    private func keywords(of node: SchemaNode) -> JSONObject {
        var merged = JSONObject()
        for schema in inPlaceSchemas(node) {
            guard let object = schema.raw.objectValue else { continue }
            for (key, value) in object where merged[key] == nil { merged[key] = value }
        }
        return merged
    }
}

extension SchemaRegistry {
    /// Whether `string` is valid for an asserted `format`.
    static func matches(_ string: String, format: String) -> Bool {
        switch format {
        case "date": return FullDate(string) != nil
        default: return true
        }
    }
}
