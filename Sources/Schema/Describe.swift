import JSON

/// Wording shared by validation messages, so every message names values and
/// types the same way.
enum Describe {
    /// What kind of value this is, with an article: `a string`, `an array`, `null`.
    static func found(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// A JSON Schema type name with an article: `an integer`, `null`.
    static func type(_ name: String) -> String {
        switch name {
        case "null": return "null"
        case "integer", "array", "object": return "an \(name)"
        default: return "a \(name)"
        }
    }

    /// `a string`, `a string or null`, `a string, a number or null`.
    static func types(_ names: [String]) -> String {
        let phrases = names.map(type)
        guard phrases.count > 1 else { return phrases.first ?? "nothing" }
        return phrases.dropLast().joined(separator: ", ") + " or " + phrases.last!
    }

    /// A value as compact JSON, shortened so messages stay one line.
    static func value(_ value: JSONValue) -> String {
        let text = JSONWriter(sortedKeys: false, pretty: false).string(value)
        guard text.count > 60 else { return text }
        return String(text.prefix(57)) + "…"
    }

    /// Allowed values for enum messages: plain words stay bare
    /// (`contextual, moderate, strong`), anything else is shown as JSON.
    static func choices(_ values: [JSONValue]) -> String {
        values.map { value in
            if let s = value.stringValue, !s.isEmpty, !s.contains(","), !s.contains("\""), s.count <= 60 { return s }
            return Describe.value(value)
        }.joined(separator: ", ")
    }

    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }
}
