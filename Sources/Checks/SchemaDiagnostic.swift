import Diagnostics
import Foundation
import GuideModel
import JSON
import Schema

/// Turns a schema validation error into a diagnostic with a stable code, at
/// the key (unknown or missing fields) or the value (everything else), with a
/// "did you mean" where one can be found.
enum SchemaDiagnostic {
    static func make(
        _ error: ValidationError, in instance: JSONValue, file: String, positions: FieldPositions,
        revalidate: (JSONValue) -> [ValidationError]
    ) -> Diagnostic {
        let path = error.instancePath.tokens
        let value = error.instancePath.resolve(in: instance)
        switch error.keyword {
        case "additionalProperties", "unevaluatedProperties":
            let name = error.property ?? path.last ?? ""
            let suggestion = Suggestion.closest(to: name, among: error.knownProperties ?? [])
            return .error(
                "field.unknown", file: file, at: positions.keyRange(path), "unknown field \"\(name)\"",
                help: suggestion.map { "did you mean \"\($0)\"?" } ?? "remove it, or declare it in the schema")
        case "required":
            let name = error.property ?? ""
            let at = path.isEmpty ? positions.document : positions.keyRange(path)
            return .error(
                "field.missing", file: file, at: at, "missing required field \"\(name)\"",
                help: "add `\(name): …`")
        case "enum", "const":
            let allowed = (error.allowedValues ?? []).compactMap(\.stringValue)
            let suggestion = value?.stringValue.flatMap { Suggestion.closest(to: $0, among: allowed) }
            return .error(
                error.keyword == "enum" ? "schema.enum" : "schema.const", file: file,
                at: positions.valueRange(path), error.message,
                help: suggestion.map { "did you mean \"\($0)\"?" })
        case "type":
            return .error("schema.type", file: file, at: positions.valueRange(path), error.message)
        case "pattern":
            return .error(
                "schema.pattern", file: file, at: positions.valueRange(path), error.message,
                help: patternHelp(error, value?.stringValue, in: instance, revalidate: revalidate))
        case "format":
            return .error(
                "schema.format", file: file, at: positions.valueRange(path), error.message + " (no such day)",
                help: "write a real date as YYYY-MM-DD, e.g. 2024-02-29 exists but 2023-02-29 does not")
        case "minLength", "maxLength":
            return .error("schema.length", file: file, at: positions.valueRange(path), error.message)
        case "minItems", "maxItems", "uniqueItems", "contains", "minContains", "maxContains":
            return .error("schema.items", file: file, at: positions.valueRange(path), error.message)
        case "propertyNames":
            // The path ends in the offending key; the key, not its value, is what to edit.
            return .error("schema.invalid", file: file, at: positions.keyRange(path), error.message)
        case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf":
            return .error("schema.range", file: file, at: positions.valueRange(path), error.message)
        default:
            return .error("schema.invalid", file: file, at: positions.valueRange(path), error.message)
        }
    }

    /// Suggests a rewrite of the value that the schema accepts: the value
    /// trimmed, or as lower-case kebab-case (ids, tags, section names). Each
    /// candidate is checked by validating again with it in place. Phone
    /// numbers are never guessed: a wrong digit would send a caller elsewhere.
    private static func patternHelp(
        _ error: ValidationError, _ value: String?, in instance: JSONValue,
        revalidate: (JSONValue) -> [ValidationError]
    ) -> String? {
        guard let value else { return nil }
        for candidate in [value.trimmingCharacters(in: .whitespaces), Identifier.normalised(value)]
        where candidate != value {
            let fixed = instance.replacing(at: error.instancePath.tokens[...], with: .string(candidate))
            if !revalidate(fixed).contains(where: { $0.instancePath == error.instancePath }) {
                return "did you mean \"\(candidate)\"?"
            }
        }
        return nil
    }
}

extension JSONValue {
    /// A copy with the value at `path` replaced.
    func replacing(at path: ArraySlice<String>, with newValue: JSONValue) -> JSONValue {
        guard let first = path.first else { return newValue }
        switch self {
        case .object(var o):
            o[first] = o[first]?.replacing(at: path.dropFirst(), with: newValue)
            return .object(o)
        case .array(var a):
            guard let i = Int(first), a.indices.contains(i) else { return self }
            a[i] = a[i].replacing(at: path.dropFirst(), with: newValue)
            return .array(a)
        default:
            return self
        }
    }
}
