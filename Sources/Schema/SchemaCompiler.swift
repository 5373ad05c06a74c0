import JSON

/// Turns schema documents into linked `SchemaNode`s: assigns base URIs from
/// `$id`, registers every subschema under its URIs (JSON pointer from each
/// enclosing resource, `$anchor`, `$dynamicAnchor`), then links `$ref` and
/// `$dynamicRef` once all documents are known, so references may cross
/// documents in any order.
struct SchemaCompiler {
    /// A schema resource: a document root or a subschema with its own `$id`.
    struct Resource {
        let uri: String
        var dynamicAnchors: [String: SchemaNode] = [:]
    }

    /// Where a subschema sits while compiling.
    struct Context {
        var base: String
        var document: String
        var documentURI: String
        var pointer: JSONPointer
        var resource: Int
        /// Every enclosing resource, with the path from its root to here.
        var enclosing: [(uri: String, tokens: [String])]

        func child(_ tokens: String...) -> Context {
            var copy = self
            copy.pointer.tokens += tokens
            for i in copy.enclosing.indices { copy.enclosing[i].tokens += tokens }
            return copy
        }

        func error(_ message: String) -> SchemaError {
            SchemaError(document: document, pointer: pointer, message: message)
        }
    }

    private struct PendingReference {
        let node: SchemaNode
        let uri: String
        let isDynamic: Bool
        let context: Context
    }

    private(set) var nodes: [SchemaNode] = []
    private(set) var index: [String: SchemaNode] = [:]
    private(set) var resources: [Resource] = []
    private(set) var hasUnevaluated = false
    /// The `format` values validated as assertions rather than kept as annotations.
    var assertedFormats: Set<String> = []
    private var resourceRoots: [String: (value: JSONValue, context: Context)] = [:]
    private var pending: [PendingReference] = []
    private var regexCache: [String: ECMARegex] = [:]

    /// Compiles one document; `uri` is its absolute retrieval URI, used as the
    /// base when the document has no `$id` of its own.
    @discardableResult
    mutating func addDocument(_ value: JSONValue, uri: String, name: String) throws -> SchemaNode {
        resources.append(Resource(uri: uri))
        let context = Context(
            base: uri, document: name, documentURI: uri, pointer: .root,
            resource: resources.count - 1, enclosing: [(uri, [])])
        if index[uri] != nil { throw context.error("a schema with URI \(uri) is already registered") }
        resourceRoots[uri] = (value, context)
        return try compile(value, context)
    }

    mutating func compile(_ value: JSONValue, _ outer: Context) throws -> SchemaNode {
        var context = outer
        switch value {
        case .bool(let b):
            let node = SchemaNode(location: location(context), resource: context.resource, raw: value)
            node.boolean = b
            try register(node, context)
            return node
        case .object(let object):
            if let id = object["$id"] {
                guard let text = id.stringValue else { throw context.child("$id").error("\"$id\" must be a string") }
                let (base, fragment) = URIReference.split(URIReference.resolve(text, against: context.base))
                if let fragment, !fragment.isEmpty {
                    throw context.child("$id").error("\"$id\" must not have a fragment; use \"$anchor\"")
                }
                resources.append(Resource(uri: base))
                context.base = base
                context.resource = resources.count - 1
                context.enclosing.append((base, []))
                if let existing = resourceRoots[base],
                    existing.context.pointer != context.pointer
                        || existing.context.document != context.document
                {
                    throw context.child("$id").error("a schema with URI \(base) is already registered")
                }
                resourceRoots[base] = (value, context)
            }
            let node = SchemaNode(location: location(context), resource: context.resource, raw: value)
            try register(node, context)
            for keyword in ["$anchor", "$dynamicAnchor"] {
                guard let anchor = object[keyword] else { continue }
                guard let name = anchor.stringValue, !name.isEmpty, !name.hasPrefix("/") else {
                    throw context.child(keyword).error("\"\(keyword)\" must be a plain name")
                }
                try register(node, key: context.base + "#" + name, context.child(keyword))
                if keyword == "$dynamicAnchor" { resources[context.resource].dynamicAnchors[name] = node }
            }
            try decodeKeywords(object, into: node, context)
            return node
        default:
            throw context.error("a schema must be an object or a boolean, found \(Describe.found(value))")
        }
    }

    /// Records a `$ref` / `$dynamicRef` to link after all documents are added.
    mutating func addReference(_ reference: String, from node: SchemaNode, dynamic: Bool, _ context: Context) {
        let absolute = URIReference.resolve(reference, against: context.base)
        pending.append(PendingReference(node: node, uri: absolute, isDynamic: dynamic, context: context))
    }

    mutating func regex(_ source: String, _ context: Context) throws -> ECMARegex {
        if let cached = regexCache[source] { return cached }
        do {
            let regex = try ECMARegex(source)
            regexCache[source] = regex
            return regex
        } catch {
            throw context.error("invalid regular expression \"\(source)\"")
        }
    }

    mutating func noteUnevaluated() { hasUnevaluated = true }

    /// Links every recorded reference; throws for one that resolves nowhere.
    mutating func linkReferences() throws {
        var i = 0
        while i < pending.count {
            let reference = pending[i]
            i += 1
            guard let target = try lookup(reference.uri) else {
                let keyword = reference.isDynamic ? "$dynamicRef" : "$ref"
                throw reference.context.error("cannot resolve \"\(keyword)\" to \(reference.uri)")
            }
            guard reference.isDynamic else {
                reference.node.ref = target
                continue
            }
            reference.node.dynamicRef = target
            if let name = URIReference.split(reference.uri).fragment, !name.isEmpty, !name.hasPrefix("/"),
                resources[target.resource].dynamicAnchors[name] === target
            {
                reference.node.dynamicAnchorName = name
            }
        }
        pending.removeAll()
        for node in nodes where node.unevaluatedProperties != nil {
            var seen = Set<ObjectIdentifier>()
            var names: [String] = []
            collectProperties(node, into: &names, seen: &seen)
            node.knownPropertiesForUnevaluated = names
        }
    }

    /// The node an absolute URI designates, compiling a pointer target that
    /// is not at a standard subschema position on demand.
    mutating func lookup(_ uri: String) throws -> SchemaNode? {
        let (base, fragment) = URIReference.split(uri)
        guard let fragment, !fragment.isEmpty else { return index[base] }
        guard fragment.hasPrefix("/") else { return index[base + "#" + fragment] }
        guard let pointer = JSONPointer(fragment) else { return nil }
        if let node = index[base + "#" + pointer.description] { return node }
        guard let root = resourceRoots[base], let value = pointer.resolve(in: root.value) else { return nil }
        var context = root.context
        context.pointer.tokens += pointer.tokens
        for i in context.enclosing.indices { context.enclosing[i].tokens += pointer.tokens }
        return try compile(value, context)
    }

    private mutating func register(_ node: SchemaNode, _ context: Context) throws {
        nodes.append(node)
        for (uri, tokens) in context.enclosing {
            let key = tokens.isEmpty ? uri : uri + "#" + JSONPointer(tokens: tokens).description
            try register(node, key: key, context)
        }
    }

    private mutating func register(_ node: SchemaNode, key: String, _ context: Context) throws {
        if let existing = index[key], existing !== node {
            throw context.error("\(key) is defined twice")
        }
        index[key] = node
    }

    private func location(_ context: Context) -> String {
        context.documentURI + "#" + context.pointer.description
    }

    private func collectProperties(_ node: SchemaNode, into names: inout [String], seen: inout Set<ObjectIdentifier>) {
        guard seen.insert(ObjectIdentifier(node)).inserted else { return }
        for name in node.propertyOrder where !names.contains(name) { names.append(name) }
        var next = node.allOf + node.anyOf + node.oneOf + node.dependentSchemas.map(\.schema)
        next += [node.ref, node.dynamicRef, node.ifSchema, node.thenSchema, node.elseSchema].compactMap { $0 }
        for child in next { collectProperties(child, into: &names, seen: &seen) }
    }
}
