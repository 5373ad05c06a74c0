import GuideModel
import JSON

/// The text of a new source-language entry, written from its schema: every
/// required field as a placeholder ("" or []) with its description and
/// allowed values as comments, optional fields commented out, and the
/// required sections (`x-sections`) as headings with their ids.
///
/// Placeholders are left empty on purpose: until they are filled in,
/// `guide check` lists each one, so nothing unfinished passes silently.
struct ScaffoldEntry {
    var schema: ScaffoldSchema
    var root: ScaffoldSchema.Resolved
    var type: EntryType
    var path: String
    var config: GuideConfig

    func text() -> String {
        let title = root["title"]?.stringValue ?? type.schemaName
        var lines = [
            "---",
            "# New \(title.lowercased()): \(path)",
            "# Fill in every \"\" and [] below; `guide check` lists the ones left. Comments say what each field",
            "# holds (from schema/\(type.schemaName).schema.json). status: draft keeps it out of builds until published.",
        ]
        let required = Set(root.required)
        let properties = schema.properties(of: root).filter { $0.name != "source_hash" }
        for (name, property) in properties where required.contains(name) {
            lines.append("")
            lines += comment(property.description)
            lines += field(name, property, indent: "")
        }
        let optional = properties.filter { !required.contains($0.name) }
        if !optional.isEmpty {
            lines += ["", "# Optional fields: remove the # in front of a line to use it."]
            for (name, property) in optional {
                let value: String = property.type == "boolean" ? "false" : emptyValue(property)
                var line = "# \(name): \(value)"
                if let description = property.description { line += "  # " + firstSentence(description) }
                lines.append(line)
            }
        }
        lines += ["---", ""]
        lines.append(
            "TODO: write the \(type.schemaName) here, in plain language. Headings may end in a section id, such as `## Why it matters {#why}`."
        )
        let sections = root["x-sections"]?.objectValue ?? JSONObject()
        for (id, rule) in sections where rule["required"]?.boolValue == true {
            lines += ["", "## \(Self.heading(for: id)) {#\(id)}", ""]
            switch rule["content"]?.stringValue {
            case "ordered-list": lines += ["1. TODO: the first step.", "2. TODO: the next step."]
            case "bullet-list": lines += ["- TODO"]
            case "paragraph": lines += ["TODO: one short paragraph."]
            default: lines += ["TODO"]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Optional sections, for the message after scaffolding.
    var optionalSections: [String] {
        (root["x-sections"]?.objectValue ?? JSONObject()).filter { $0.value["required"]?.boolValue != true }.map(\.key)
    }

    /// `name: value  # hint` (or a block for objects and lists of objects).
    private func field(_ name: String, _ property: ScaffoldSchema.Resolved, indent: String) -> [String] {
        if name == "status", let values = property.enumValues, values.contains("draft") {
            return ["\(indent)status: draft  # one of: \(values.joined(separator: ", "))"]
        }
        switch property.type {
        case "object":
            return ["\(indent)\(name):"] + objectFields(property, indent: indent + "  ", firstPrefix: nil)
        case "array":
            guard let items = schema.items(of: property) else { return ["\(indent)\(name): []"] }
            if items.type == "object" {
                return ["\(indent)\(name):"] + comment(items.description, indent: indent + "  ")
                    + objectFields(items, indent: indent + "    ", firstPrefix: indent + "  - ")
            }
            let choice = property.minItems > 0 ? "one or more of" : "any of"
            return ["\(indent)\(name): []" + hint(items, choice: choice, fallback: items.description)]
        default:
            return ["\(indent)\(name): \(emptyValue(property))" + hint(property, choice: "one of", fallback: nil)]
        }
    }

    /// The required members of an object schema; optional ones named in a comment.
    private func objectFields(_ object: ScaffoldSchema.Resolved, indent: String, firstPrefix: String?) -> [String] {
        let required = Set(object.required)
        let members = schema.properties(of: object)
        var lines: [String] = []
        for (name, member) in members where required.contains(name) {
            var memberLines = field(name, member, indent: indent)
            if !memberLines[0].contains("#"), let description = member.description {
                memberLines[0] += "  # " + firstSentence(description)
            }
            if lines.isEmpty, let firstPrefix { memberLines[0] = firstPrefix + memberLines[0].dropFirst(indent.count) }
            lines += memberLines
        }
        let optional = members.map(\.name).filter { !required.contains($0) }
        if !optional.isEmpty { lines.append("\(indent)# optional: \(optional.joined(separator: ", "))") }
        return lines
    }

    /// `  # one of: a, b` from an enum, the countries or languages in guide.yml, or a format.
    private func hint(_ schema: ScaffoldSchema.Resolved, choice: String, fallback: String?) -> String {
        if let values = schema.enumValues { return "  # \(choice): \(values.joined(separator: ", "))" }
        switch schema.refName {
        case "countryCode":
            return "  # \(choice) the countries in guide.yml: \(config.countries.map(\.id).joined(separator: ", "))"
        case "languageTag":
            return "  # \(choice) the languages in guide.yml: \(config.languageCodes.joined(separator: ", "))"
        case "e164": return "  # E.164: + country code and number, e.g. +18092007393"
        default: break
        }
        if schema["format"]?.stringValue == "date" || schema.refName == "date" {
            return "  # a date, YYYY-MM-DD, in quotes"
        }
        if schema.type == "boolean" { return "  # true or false" }
        if schema.type == "integer" || schema.type == "number" { return "  # a number" }
        return fallback.map { "  # " + firstSentence($0) } ?? ""
    }

    private func emptyValue(_ schema: ScaffoldSchema.Resolved) -> String {
        switch schema.type {
        case "array": return "[]"
        case "object": return "{}"
        default: return "\"\""
        }
    }

    private func comment(_ text: String?, indent: String = "") -> [String] {
        guard let text else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + word.count + 1 > 100 - indent.count - 2 {
                lines.append(indent + "# " + line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(indent + "# " + line) }
        return lines
    }

    /// Up to the first ". " followed by a capital letter (so "e.g. concepts/…" is kept whole).
    private func firstSentence(_ text: String) -> String {
        var search = text.startIndex..<text.endIndex
        while let end = text.range(of: ". ", range: search) {
            if let next = text[end.upperBound...].first, next.isUppercase {
                return String(text[..<end.lowerBound]) + "."
            }
            search = end.upperBound..<text.endIndex
        }
        return text
    }

    /// `what-to-do` → "What to do"; `dont` → "Don't".
    static func heading(for id: String) -> String {
        if id == "dont" { return "Don't" }
        let words = id.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
