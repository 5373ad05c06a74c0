import JSON

/// The type-specific assertion keywords.
extension Evaluator {
    mutating func checkNumber(_ number: JSONNumber, _ node: SchemaNode, _ errors: inout [ValidationError]) {
        if let limit = node.minimum, compare(number, limit) < 0 {
            errors.append(error(node, "minimum", "\(number) is less than the minimum of \(limit)"))
        }
        if let limit = node.maximum, compare(number, limit) > 0 {
            errors.append(error(node, "maximum", "\(number) is greater than the maximum of \(limit)"))
        }
        if let limit = node.exclusiveMinimum, compare(number, limit) <= 0 {
            errors.append(error(node, "exclusiveMinimum", "\(number) must be greater than \(limit)"))
        }
        if let limit = node.exclusiveMaximum, compare(number, limit) >= 0 {
            errors.append(error(node, "exclusiveMaximum", "\(number) must be less than \(limit)"))
        }
        if let divisor = node.multipleOf, !isMultiple(number, of: divisor) {
            errors.append(error(node, "multipleOf", "\(number) is not a multiple of \(divisor)"))
        }
    }

    mutating func checkString(_ string: String, _ node: SchemaNode, _ errors: inout [ValidationError]) {
        if node.minLength != nil || node.maxLength != nil {
            let length = string.unicodeScalars.count
            if let limit = node.minLength, length < limit {
                errors.append(
                    error(
                        node, "minLength",
                        "\(Describe.value(.string(string))) is shorter than \(Describe.count(limit, "character"))"))
            }
            if let limit = node.maxLength, length > limit {
                errors.append(
                    error(
                        node, "maxLength",
                        "\(Describe.value(.string(string))) is longer than \(Describe.count(limit, "character"))"))
            }
        }
        if let pattern = node.pattern, !pattern.matches(string) {
            errors.append(
                error(
                    node, "pattern", "\(Describe.value(.string(string))) does not match the pattern \(pattern.source)"))
        }
        if let format = node.assertedFormat, !SchemaRegistry.matches(string, format: format) {
            errors.append(error(node, "format", "\(Describe.value(.string(string))) is not a valid \(format)"))
        }
    }

    mutating func checkArray(
        _ items: [JSONValue], _ node: SchemaNode,
        _ errors: inout [ValidationError], _ evaluated: inout Evaluated
    ) {
        let prefix = node.prefixItems.count
        for (i, item) in items.enumerated() {
            if i < prefix {
                descend(String(i), item, node.prefixItems[i], &errors)
            } else if let schema = node.items {
                descend(String(i), item, schema, &errors)
            } else {
                break
            }
        }
        evaluated.itemPrefix = max(evaluated.itemPrefix, min(prefix, items.count))
        if node.items != nil && items.count > prefix { evaluated.allItems = true }

        if let schema = node.contains {
            var matches = 0
            for (i, item) in items.enumerated() {
                path.append(String(i))
                let valid = probe(item, schema).errors.isEmpty
                path.removeLast()
                if valid {
                    matches += 1
                    if tracksEvaluation { evaluated.containedItems.insert(i) }
                }
            }
            if let minimum = node.minContains {
                if matches < minimum {
                    errors.append(
                        error(
                            node, "minContains",
                            "expected at least \(Describe.count(minimum, "item")) matching \"contains\", found \(matches)"
                        ))
                }
            } else if matches == 0 {
                errors.append(error(node, "contains", "no item matches the \"contains\" schema"))
            }
            if let maximum = node.maxContains, matches > maximum {
                errors.append(
                    error(
                        node, "maxContains",
                        "expected at most \(Describe.count(maximum, "item")) matching \"contains\", found \(matches)"))
            }
        }
        if let limit = node.minItems, items.count < limit {
            errors.append(
                error(node, "minItems", "expected at least \(Describe.count(limit, "item")), found \(items.count)"))
        }
        if let limit = node.maxItems, items.count > limit {
            errors.append(
                error(node, "maxItems", "expected at most \(Describe.count(limit, "item")), found \(items.count)"))
        }
        if node.uniqueItems {
            // Hashing groups items that are `==`; identity is then checked within a group.
            var seen: [JSONValue: [Int]] = [:]
            for (i, item) in items.enumerated() {
                if let first = seen[item]?.first(where: { items[$0].isIdentical(to: item) }) {
                    errors.append(
                        error(
                            node, "uniqueItems",
                            "items \(first) and \(i) are both \(Describe.value(item)); items must be unique"))
                    break
                }
                seen[item, default: []].append(i)
            }
        }
    }

    mutating func checkObject(
        _ object: JSONObject, _ node: SchemaNode,
        _ errors: inout [ValidationError], _ evaluated: inout Evaluated
    ) {
        let appliesToMembers =
            !node.properties.isEmpty || !node.patternProperties.isEmpty
            || node.additionalProperties != nil || node.propertyNames != nil
        if appliesToMembers {
            for (key, member) in object {
                var matched = false
                if let schema = node.properties[key] {
                    matched = true
                    descend(key, member, schema, &errors)
                }
                for (regex, schema) in node.patternProperties where regex.matches(key) {
                    matched = true
                    descend(key, member, schema, &errors)
                }
                if !matched, let schema = node.additionalProperties {
                    matched = true
                    if schema.boolean == false {
                        path.append(key)
                        errors.append(
                            error(
                                node, "additionalProperties", "unknown field \"\(key)\"", property: key,
                                knownProperties: node.propertyOrder))
                        path.removeLast()
                    } else {
                        descend(key, member, schema, &errors)
                    }
                }
                if matched && tracksEvaluation { evaluated.properties.insert(key) }
                if let schema = node.propertyNames {
                    path.append(key)
                    if let first = probe(.string(key), schema).errors.first {
                        errors.append(
                            error(
                                node, "propertyNames", "invalid field name \"\(key)\": \(first.message)", property: key)
                        )
                    }
                    path.removeLast()
                }
            }
        }
        for name in node.required where object[name] == nil {
            errors.append(error(node, "required", "missing required field \"\(name)\"", property: name))
        }
        for (property, requires) in node.dependentRequired where object[property] != nil {
            for name in requires where object[name] == nil {
                errors.append(
                    error(node, "dependentRequired", "field \"\(property)\" requires field \"\(name)\"", property: name)
                )
            }
        }
        if let limit = node.minProperties, object.count < limit {
            errors.append(
                error(
                    node, "minProperties", "expected at least \(Describe.count(limit, "field")), found \(object.count)")
            )
        }
        if let limit = node.maxProperties, object.count > limit {
            errors.append(
                error(
                    node, "maxProperties", "expected at most \(Describe.count(limit, "field")), found \(object.count)"))
        }
    }

    private func compare(_ a: JSONNumber, _ b: JSONNumber) -> Int {
        if case .integer(let x) = a, case .integer(let y) = b { return x < y ? -1 : (x > y ? 1 : 0) }
        let (x, y) = (a.doubleValue, b.doubleValue)
        return x < y ? -1 : (x > y ? 1 : 0)
    }

    private func isMultiple(_ number: JSONNumber, of divisor: JSONNumber) -> Bool {
        if case .integer(let x) = number, case .integer(let y) = divisor { return x % y == 0 }
        let quotient = number.doubleValue / divisor.doubleValue
        guard quotient.isFinite else { return false }
        return abs(quotient - quotient.rounded()) <= 1e-9 * max(1, abs(quotient))
    }
}
