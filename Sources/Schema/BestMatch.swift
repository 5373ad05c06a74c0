import JSON

/// Picks the one error that best explains why no `anyOf` / `oneOf` branch
/// matched, in the spirit of Python jsonschema's `best_match`:
/// branches the value has the wrong type for are ignored when another branch
/// fits the type; among the rest the branch whose errors go deepest (it got
/// furthest) and are fewest wins, and its deepest error is reported.
/// When every branch only rejects the type, or only lists allowed values, the
/// branches are merged into one `type` or `enum` error.
enum BestMatch {
    static func error(
        for branches: [[ValidationError]], node: SchemaNode, keyword: String,
        at path: JSONPointer, value: JSONValue
    ) -> ValidationError {
        let schemaPath = node.location + "/" + keyword
        let typeMismatch = { (errors: [ValidationError]) in
            errors.contains { $0.keyword == "type" && $0.instancePath == path }
        }
        let candidates = branches.filter { !typeMismatch($0) }
        if candidates.isEmpty {
            var names: [String] = []
            for name in branches.flatMap({ $0.compactMap(\.expectedTypes).joined() }) where !names.contains(name) {
                names.append(name)
            }
            return ValidationError(
                instancePath: path, keyword: "type", schemaPath: schemaPath,
                message: "expected \(Describe.types(names)), found \(Describe.found(value))",
                expectedTypes: names)
        }
        let onlyValueLists = candidates.allSatisfy { errors in
            errors.count == 1 && errors[0].instancePath == path && errors[0].allowedValues != nil
                && (errors[0].keyword == "enum" || errors[0].keyword == "const")
        }
        if onlyValueLists && candidates.count > 1 {
            var allowed: [JSONValue] = []
            for candidate in candidates.flatMap({ $0[0].allowedValues! }) where !allowed.contains(candidate) {
                allowed.append(candidate)
            }
            return ValidationError(
                instancePath: path, keyword: "enum", schemaPath: schemaPath,
                message: "\(Describe.value(value)) is not one of \(Describe.choices(allowed))",
                allowedValues: allowed)
        }
        let best = candidates.enumerated().max { a, b in
            let (depthA, depthB) = (deepest(a.element), deepest(b.element))
            if depthA != depthB { return depthA < depthB }
            if a.element.count != b.element.count { return a.element.count > b.element.count }
            return a.offset > b.offset // on a tie the earlier branch wins
        }!.element
        let depth = deepest(best)
        return best.first { $0.instancePath.tokens.count == depth }!
    }

    private static func deepest(_ errors: [ValidationError]) -> Int {
        errors.map(\.instancePath.tokens.count).max() ?? 0
    }
}
