import JSON

/// Which members and items some subschema has evaluated, for
/// `unevaluatedProperties` / `unevaluatedItems`. Only filled when the
/// registry uses those keywords at all.
struct Evaluated {
    var properties: Set<String> = []
    var itemPrefix = 0
    var allItems = false
    var containedItems: Set<Int> = []

    mutating func merge(_ other: Evaluated) {
        properties.formUnion(other.properties)
        itemPrefix = max(itemPrefix, other.itemPrefix)
        allItems = allItems || other.allItems
        containedItems.formUnion(other.containedItems)
    }
}

/// Validates one instance against compiled nodes. Cheap to create; holds the
/// per-run state (instance path, dynamic scope) so the registry stays immutable.
struct Evaluator {
    static let maximumDepth = 400

    let resources: [SchemaCompiler.Resource]
    let tracksEvaluation: Bool
    var path: [String] = []
    private var scope: [Int] = []
    private var depth = 0

    init(resources: [SchemaCompiler.Resource], tracksEvaluation: Bool) {
        self.resources = resources
        self.tracksEvaluation = tracksEvaluation
    }

    var pointer: JSONPointer { JSONPointer(tokens: path) }

    @discardableResult
    mutating func validate(_ value: JSONValue, _ node: SchemaNode, _ errors: inout [ValidationError]) -> Evaluated {
        var evaluated = Evaluated()
        if let boolean = node.boolean {
            if !boolean {
                errors.append(
                    ValidationError(
                        instancePath: pointer, keyword: "false", schemaPath: node.location,
                        message: "no value is allowed here"))
            }
            return evaluated
        }
        if let types = node.types, !types.matches(value) {
            let names = types.typeNames
            errors.append(
                error(
                    node, "type", "expected \(Describe.types(names)), found \(Describe.found(value))",
                    expectedTypes: names))
            return evaluated
        }
        let firstError = errors.count
        defer { keepOnlyTypeErrors(in: &errors, from: firstError) }
        guard depth < Evaluator.maximumDepth else {
            errors.append(error(node, "$ref", "schema references recurse deeper than \(Evaluator.maximumDepth) levels"))
            return evaluated
        }
        depth += 1
        let entersResource = scope.last != node.resource
        if entersResource { scope.append(node.resource) }
        defer {
            depth -= 1
            if entersResource { scope.removeLast() }
        }

        if let allowed = node.enumValues, !allowed.contains(where: { $0.isIdentical(to: value) }) {
            let message =
                allowed.count == 1
                ? "expected \(Describe.value(allowed[0])), found \(Describe.value(value))"
                : "\(Describe.value(value)) is not one of \(Describe.choices(allowed))"
            errors.append(error(node, "enum", message, allowedValues: allowed))
        }
        if let constant = node.constValue, !constant.isIdentical(to: value) {
            errors.append(
                error(
                    node, "const", "expected \(Describe.value(constant)), found \(Describe.value(value))",
                    allowedValues: [constant]))
        }
        if let target = node.ref { evaluated.merge(validate(value, target, &errors)) }
        if let target = node.dynamicRef { evaluated.merge(validate(value, dynamicTarget(node, target), &errors)) }

        switch value {
        case .number(let number): checkNumber(number, node, &errors)
        case .string(let string): checkString(string, node, &errors)
        case .array(let items): checkArray(items, node, &errors, &evaluated)
        case .object(let object): checkObject(object, node, &errors, &evaluated)
        case .null, .bool: break
        }
        applySubschemas(value, node, &errors, &evaluated)
        checkUnevaluated(value, node, &errors, &evaluated)
        return evaluated
    }

    /// Validates a member or item, with the instance path extended by `token`.
    @discardableResult
    mutating func descend(
        _ token: String, _ value: JSONValue, _ node: SchemaNode,
        _ errors: inout [ValidationError]
    ) -> Evaluated {
        path.append(token)
        defer { path.removeLast() }
        return validate(value, node, &errors)
    }

    /// Whether `value` is valid against `node`, keeping its annotations.
    mutating func probe(_ value: JSONValue, _ node: SchemaNode) -> (errors: [ValidationError], evaluated: Evaluated) {
        var errors: [ValidationError] = []
        let evaluated = validate(value, node, &errors)
        return (errors, evaluated)
    }

    func error(
        _ node: SchemaNode, _ keyword: String, _ message: String, allowedValues: [JSONValue]? = nil,
        property: String? = nil, knownProperties: [String]? = nil, expectedTypes: [String]? = nil
    ) -> ValidationError {
        ValidationError(
            instancePath: pointer, keyword: keyword, schemaPath: node.location + "/" + keyword,
            message: message, allowedValues: allowedValues, property: property,
            knownProperties: knownProperties, expectedTypes: expectedTypes)
    }

    /// When a referenced schema rejected this value's type, other complaints
    /// about the same value (say, from a sibling `enum`) are noise: drop them.
    private func keepOnlyTypeErrors(in errors: inout [ValidationError], from start: Int) {
        guard errors.count > start + 1 else { return }
        let here = path
        let isTypeErrorHere = { (e: ValidationError) in e.keyword == "type" && e.instancePath.tokens == here }
        guard errors[start...].contains(where: isTypeErrorHere) else { return }
        let kept = errors[start...].filter { isTypeErrorHere($0) || $0.instancePath.tokens != here }
        errors.replaceSubrange(start..., with: kept)
    }

    /// `$dynamicRef` to a `$dynamicAnchor`: the outermost resource in the
    /// dynamic scope that defines the same anchor wins.
    private func dynamicTarget(_ node: SchemaNode, _ initial: SchemaNode) -> SchemaNode {
        guard let name = node.dynamicAnchorName else { return initial }
        for resource in scope {
            if let target = resources[resource].dynamicAnchors[name] { return target }
        }
        return initial
    }

    private mutating func applySubschemas(
        _ value: JSONValue, _ node: SchemaNode,
        _ errors: inout [ValidationError], _ evaluated: inout Evaluated
    ) {
        for subschema in node.allOf { evaluated.merge(validate(value, subschema, &errors)) }
        if !node.anyOf.isEmpty {
            var failures: [[ValidationError]] = []
            for subschema in node.anyOf {
                let result = probe(value, subschema)
                if result.errors.isEmpty {
                    evaluated.merge(result.evaluated)
                    if !tracksEvaluation { break }
                } else {
                    failures.append(result.errors)
                }
            }
            if failures.count == node.anyOf.count {
                errors.append(BestMatch.error(for: failures, node: node, keyword: "anyOf", at: pointer, value: value))
            }
        }
        if !node.oneOf.isEmpty {
            var failures: [[ValidationError]] = []
            var matched: [Evaluated] = []
            for subschema in node.oneOf {
                let result = probe(value, subschema)
                if result.errors.isEmpty { matched.append(result.evaluated) } else { failures.append(result.errors) }
            }
            if matched.isEmpty {
                errors.append(BestMatch.error(for: failures, node: node, keyword: "oneOf", at: pointer, value: value))
            } else if matched.count > 1 {
                errors.append(
                    error(
                        node, "oneOf",
                        "matches \(matched.count) of the \(node.oneOf.count) alternatives; it must match exactly one"))
            } else {
                evaluated.merge(matched[0])
            }
        }
        if let negated = node.not, probe(value, negated).errors.isEmpty {
            errors.append(error(node, "not", "\(Describe.value(value)) matches a schema it must not match"))
        }
        if let condition = node.ifSchema {
            let result = probe(value, condition)
            if result.errors.isEmpty {
                evaluated.merge(result.evaluated)
                if let then = node.thenSchema { evaluated.merge(validate(value, then, &errors)) }
            } else if let otherwise = node.elseSchema {
                evaluated.merge(validate(value, otherwise, &errors))
            }
        }
        if case .object(let object) = value {
            for (property, subschema) in node.dependentSchemas where object[property] != nil {
                evaluated.merge(validate(value, subschema, &errors))
            }
        }
    }

    private mutating func checkUnevaluated(
        _ value: JSONValue, _ node: SchemaNode,
        _ errors: inout [ValidationError], _ evaluated: inout Evaluated
    ) {
        if case .array(let items) = value, let unevaluated = node.unevaluatedItems {
            for (i, item) in items.enumerated()
            where !(evaluated.allItems || i < evaluated.itemPrefix || evaluated.containedItems.contains(i)) {
                if unevaluated.boolean == false {
                    path.append(String(i))
                    errors.append(error(node, "unevaluatedItems", "unexpected item at index \(i)"))
                    path.removeLast()
                } else {
                    descend(String(i), item, unevaluated, &errors)
                }
            }
            evaluated.allItems = true
        }
        if case .object(let object) = value, let unevaluated = node.unevaluatedProperties {
            for (key, member) in object where !evaluated.properties.contains(key) {
                if unevaluated.boolean == false {
                    path.append(key)
                    errors.append(
                        error(
                            node, "unevaluatedProperties", "unknown field \"\(key)\"", property: key,
                            knownProperties: node.knownPropertiesForUnevaluated))
                    path.removeLast()
                } else {
                    descend(key, member, unevaluated, &errors)
                }
                evaluated.properties.insert(key)
            }
        }
    }
}
