import Diagnostics
import Foundation
import GuideModel
import JSON
import Schema

/// Turns a schema validation error into a diagnostic with a stable code, at
/// the key (unknown or missing fields) or the value (everything else), with a
/// "did you mean" where one can be found.
enum SchemaDiagnostic {
    static func make(_ error: ValidationError, in instance: JSONValue, file: String, positions: FieldPositions) -> Diagnostic {
        let path = error.instancePath.tokens
        let value = error.instancePath.resolve(in: instance)
        switch error.keyword {
        case "additionalProperties", "unevaluatedProperties":
            let name = error.property ?? path.last ?? ""
            let suggestion = Suggestion.closest(to: name, among: error.knownProperties ?? [])
            return .error("field.unknown", file: file, at: positions.keyRange(path), "unknown field \"\(name)\"",
                          help: suggestion.map { "did you mean \"\($0)\"?" } ?? "remove it, or declare it in the schema")
        case "required":
            let name = error.property ?? ""
            let at = path.isEmpty ? positions.document : positions.keyRange(path)
            return .error("field.missing", file: file, at: at, "missing required field \"\(name)\"",
                          help: "add `\(name): …`")
        case "enum", "const":
            let allowed = (error.allowedValues ?? []).compactMap(\.stringValue)
            let suggestion = value?.stringValue.flatMap { Suggestion.closest(to: $0, among: allowed) }
            return .error(error.keyword == "enum" ? "schema.enum" : "schema.const", file: file,
                          at: positions.valueRange(path), error.message,
                          help: suggestion.map { "did you mean \"\($0)\"?" })
        case "type":
            return .error("schema.type", file: file, at: positions.valueRange(path), error.message)
        case "pattern":
            return .error("schema.pattern", file: file, at: positions.valueRange(path), error.message,
                          help: patternHelp(value?.stringValue, error.pattern))
        case "minLength", "maxLength":
            return .error("schema.length", file: file, at: positions.valueRange(path), error.message)
        case "minItems", "maxItems", "uniqueItems", "contains", "minContains", "maxContains":
            return .error("schema.items", file: file, at: positions.valueRange(path), error.message)
        case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf":
            return .error("schema.range", file: file, at: positions.valueRange(path), error.message)
        default:
            return .error("schema.invalid", file: file, at: positions.valueRange(path), error.message)
        }
    }

    /// Suggests a rewrite of the value that matches the pattern: digits with a
    /// leading `+` (phone numbers), or lower-case kebab-case (ids, tags).
    private static func patternHelp(_ value: String?, _ pattern: String?) -> String? {
        guard let value, let pattern,
              let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        let digits = value.filter { $0.isASCII && $0.isNumber }
        let candidates = ["+" + digits, Identifier.normalised(value), value.trimmingCharacters(in: .whitespaces)]
        for candidate in candidates where candidate != value {
            let ns = candidate as NSString
            if regex.firstMatch(in: candidate, range: NSRange(location: 0, length: ns.length)) != nil {
                return "did you mean \"\(candidate)\"?"
            }
        }
        return nil
    }
}
