import CLibYAML
import Diagnostics
import JSON

/// One libyaml event, copied out of C memory (the C event is freed at once).
struct Event {
    var type: yaml_event_type_t
    var start: yaml_mark_t
    var end: yaml_mark_t
    var anchor: String?
    /// A scalar's text as written (after YAML unescaping).
    var scalarText = ""
    var plain = false
    var explicitString = false

    init(_ e: inout yaml_event_t) {
        type = e.type
        start = e.start_mark
        end = e.end_mark
        func text(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? { p.map { String(cString: $0) } }
        switch e.type {
        case YAML_SCALAR_EVENT:
            anchor = text(e.data.scalar.anchor)
            scalarText = String(
                decoding: UnsafeBufferPointer(start: e.data.scalar.value, count: e.data.scalar.length),
                as: UTF8.self)
            plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE
            explicitString = text(e.data.scalar.tag).map { $0.hasSuffix(":str") || $0 == "!" } ?? false
        case YAML_ALIAS_EVENT: anchor = text(e.data.alias.anchor)
        case YAML_SEQUENCE_START_EVENT: anchor = text(e.data.sequence_start.anchor)
        case YAML_MAPPING_START_EVENT: anchor = text(e.data.mapping_start.anchor)
        default: break
        }
    }

    /// The scalar's value by the YAML 1.2 core schema: quoted, block and `!!str` scalars are strings.
    var scalarValue: JSONValue {
        let s = scalarText
        guard plain, !explicitString else { return .string(s) }
        switch s {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        guard let first = s.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                || first == UInt8(ascii: ".") || (first >= 0x30 && first <= 0x39)
        else { return .string(s) }
        if let i = Int(s.hasPrefix("+") ? String(s.dropFirst()) : s) { return .number(.integer(i)) }
        if s.range(of: #"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil,
            let d = Double(s)
        {
            return .number(.double(d))
        }
        return .string(s)
    }
}

/// libyaml's event parser over a buffer that outlives it.
struct EventStream {
    private var parser = yaml_parser_t()

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
    }

    mutating func close() { yaml_parser_delete(&parser) }

    /// The next event, or nil when the YAML is malformed (see `problemDiagnostic`).
    mutating func next() -> Event? {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        return Event(&event)
    }

    /// The parser's error as one diagnostic at the place to edit.
    func problemDiagnostic(_ reader: YAMLReader) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        let context = parser.context.map { String(cString: $0) }
        return reader.syntaxDiagnostic(
            problem: problem, at: parser.problem_mark, context: context,
            contextMark: parser.context_mark)
    }
}
