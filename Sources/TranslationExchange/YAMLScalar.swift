/// Writes a string as a YAML scalar that reads back as exactly that string:
/// plain when that is unambiguous (it starts with a letter, and nothing in
/// it is YAML syntax), double-quoted otherwise.
enum YAMLScalar {
    /// `flow`: inside `[…]`, where commas and brackets end a plain scalar.
    static func render(_ s: String, flow: Bool = false) -> String {
        isPlainSafe(s, flow: flow) ? s : quoted(s)
    }

    static func isPlainSafe(_ s: String, flow: Bool) -> Bool {
        guard let first = s.unicodeScalars.first, first.properties.isAlphabetic, s.unicodeScalars.last != " " else {
            return false
        }
        let reserved: Set<String> = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"]
        if reserved.contains(s.lowercased()) { return false }
        if s.contains(": ") || s.contains(" #") || s.hasSuffix(":") { return false }
        for c in s.unicodeScalars {
            if c.value < 0x20 || c.value == 0x7F || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}"
                || c == "\u{FEFF}"
            {
                return false
            }
            if flow, c == "," || c == "[" || c == "]" || c == "{" || c == "}" { return false }
        }
        return true
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if c.value < 0x20 || c.value == 0x7F || c == "\u{FEFF}" {
                    out += "\\u" + String(c.value, radix: 16).leftPadded(to: 4)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }

    /// A list of strings as a YAML flow sequence: `[a, "b, c"]`.
    static func flowSequence(_ items: [String]) -> String {
        "[" + items.map { render($0, flow: true) }.joined(separator: ", ") + "]"
    }
}
