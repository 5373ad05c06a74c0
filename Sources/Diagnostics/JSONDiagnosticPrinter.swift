import JSON

/// Prints diagnostics as the JSON array SPEC defines (`--format json`).
public enum JSONDiagnosticPrinter {
    public static func value(_ d: Diagnostic) -> JSONValue {
        let start = d.position
        let end = d.range?.end ?? start
        var o = JSONObject()
        o["file"] = .string(d.file)
        o["line"] = .number(.integer(start.line))
        o["column"] = .number(.integer(start.column))
        o["end_line"] = .number(.integer(end.line))
        o["end_column"] = .number(.integer(end.column))
        o["severity"] = .string(d.severity.rawValue)
        o["code"] = .string(d.code)
        o["message"] = .string(d.message)
        o["help"] = d.help.map(JSONValue.string) ?? .null
        return .object(o)
    }

    public static func render(_ diagnostics: [Diagnostic]) -> String {
        JSONWriter().string(.array(diagnostics.map(value)))
    }
}
