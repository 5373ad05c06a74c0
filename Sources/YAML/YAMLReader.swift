import CLibYAML
import Diagnostics
import Foundation
import GuideModel
import JSON

/// Parses YAML (front matter, handout and guide files) into a `JSONValue`
/// and records where every key and value was written.
///
/// It reads libyaml's events directly (the libyaml Yams builds on): each
/// event carries its start and end, so every value's range is exact, a
/// repeated key is reported where it repeats, and no intermediate node tree
/// is built. Scalars are resolved with the YAML 1.2 core schema, so `NO`
/// stays the string "NO" (Norway) and `2016-01-01` stays a string. Aliases
/// are expanded under a budget, so an alias bomb is a diagnostic, not an
/// out-of-memory crash.
public struct YAMLReader {
    /// At most this many values after expanding aliases.
    static let nodeBudget = 100_000
    /// At most this many collections inside one another (front matter needs
    /// three or four): deeper nesting is a mistake, and reading it must not
    /// exhaust the stack.
    static let maximumDepth = 64

    public let path: String
    public let lineOffset: Int
    /// The YAML text as UTF-8.
    let bytes: [UInt8]

    public struct Result: Sendable {
        public var value: JSONValue
        public var positions: FieldPositions
    }

    public init(path: String, yaml: String, lineOffset: Int) {
        self.path = path
        self.lineOffset = lineOffset
        self.bytes = Array(yaml.utf8)
    }

    /// The text's lines, for the rare error paths that read them.
    var lines: [Substring] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Reads the YAML as one value; `document` is the range a problem with
    /// the document as a whole is reported at.
    public func read(_ yaml: String, document: SourceRange) -> Swift.Result<Result, Diagnostic> {
        bytes.withUnsafeBufferPointer { buffer in
            var events = EventStream(buffer)
            defer { events.close() }
            var state = State(positions: FieldPositions(document: document))
            do {
                let value = try readDocument(&events, &state)
                return .success(Result(value: value, positions: state.positions))
            } catch let problem as Problem {
                return .failure(problem.diagnostic)
            } catch {
                return .failure(.error("yaml.syntax", file: path, at: document, "cannot read YAML: \(error)"))
            }
        }
    }

    struct Problem: Error { let diagnostic: Diagnostic }

    /// What is built while reading: positions, anchors with their sizes, the alias budget, the path.
    private struct State {
        var positions: FieldPositions
        var anchors: [String: (value: JSONValue, size: Int)] = [:]
        var budget = YAMLReader.nodeBudget
        var path: [String] = []
        /// The key of the top-level field being read.
        var topKey: SourceRange?
        /// Collections open around the node being read.
        var depth = 0
    }

    private func readDocument(_ events: inout EventStream, _ state: inout State) throws -> JSONValue {
        var event = try next(&events)
        if event.type == YAML_STREAM_START_EVENT { event = try next(&events) }
        if event.type == YAML_STREAM_END_EVENT { return .object(JSONObject()) }
        if event.type == YAML_DOCUMENT_START_EVENT { event = try next(&events) }
        let (value, _) = try readNode(event, key: nil, &events, &state)
        return value
    }

    /// Reads the node that starts with `event`; returns it and how many values it holds.
    private func readNode(
        _ event: Event, key: SourceRange?, _ events: inout EventStream,
        _ state: inout State
    ) throws -> (JSONValue, Int) {
        let start = event.start
        var size = 1
        let value: JSONValue
        switch event.type {
        case YAML_SCALAR_EVENT:
            value = event.scalarValue
        case YAML_ALIAS_EVENT:
            guard let anchored = event.anchor.flatMap({ state.anchors[$0] }) else {
                throw Problem(
                    diagnostic: .error(
                        "yaml.syntax", file: path, at: range(event.start, event.end),
                        "alias *\(event.anchor ?? "") names no anchor",
                        help: "define the anchor with &name before using *name"))
            }
            (value, size) = anchored
        case YAML_SEQUENCE_START_EVENT:
            try enter(event, &state)
            defer { state.depth -= 1 }
            var items: [JSONValue] = []
            while true {
                let item = try next(&events)
                if item.type == YAML_SEQUENCE_END_EVENT { break }
                state.path.append(String(items.count))
                let (itemValue, itemSize) = try readNode(item, key: nil, &events, &state)
                state.path.removeLast()
                items.append(itemValue)
                size += itemSize
            }
            value = .array(items)
        case YAML_MAPPING_START_EVENT:
            try enter(event, &state)
            defer { state.depth -= 1 }
            var object = JSONObject()
            var keyLines: [String: Int] = [:]
            while true {
                let keyEvent = try next(&events)
                if keyEvent.type == YAML_MAPPING_END_EVENT { break }
                let keyRange = range(keyEvent.start, keyEvent.end)
                guard keyEvent.type == YAML_SCALAR_EVENT else {
                    throw Problem(
                        diagnostic: .error(
                            "yaml.key-type", file: path, at: keyRange,
                            "a key must be a plain name", help: "write `name: value`"))
                }
                let name = keyEvent.scalarText
                if let first = keyLines[name] {
                    throw Problem(
                        diagnostic: .error(
                            "yaml.duplicate-key", file: path, at: keyRange,
                            "\"\(name)\" is set twice (first on line \(first))",
                            help: "keep one of the two"))
                }
                keyLines[name] = keyRange.start.line
                if state.path.isEmpty { state.topKey = keyRange }
                state.path.append(name)
                let (memberValue, memberSize) = try readNode(try next(&events), key: keyRange, &events, &state)
                state.path.removeLast()
                object[name] = memberValue
                size += memberSize
            }
            value = .object(object)
        default:
            throw Problem(
                diagnostic: .error(
                    "yaml.syntax", file: path, at: range(start, event.end),
                    "unexpected YAML structure"))
        }
        // Every value counts once: a collection counts itself (its members
        // counted themselves), an alias everything it repeats.
        state.budget -= event.type == YAML_ALIAS_EVENT ? size : 1
        if state.budget < 0 {
            // The place to edit is the top-level field whose value expands.
            let field = state.topKey ?? range(start, event.end)
            throw Problem(
                diagnostic: .error(
                    "yaml.alias-limit", file: path, at: field,
                    "YAML expands to more than \(YAMLReader.nodeBudget) values",
                    help: "remove the anchors and aliases (`&name`, `*name`) that repeat data"))
        }
        if let anchor = event.anchor { state.anchors[anchor] = (value, size) }
        let end = event.type == YAML_SCALAR_EVENT || event.type == YAML_ALIAS_EVENT ? event.end : contentEnd(start)
        state.positions.record(state.path, .init(key: key, value: range(start, end)))
        return (value, size)
    }

    private func enter(_ event: Event, _ state: inout State) throws {
        state.depth += 1
        guard state.depth <= YAMLReader.maximumDepth else {
            throw Problem(
                diagnostic: .error(
                    "yaml.too-deep", file: path, at: range(event.start, event.end),
                    "lists and mappings are nested more than \(YAMLReader.maximumDepth) deep",
                    help: "front matter needs only a few levels: check the brackets and indentation"))
        }
    }

    private func next(_ events: inout EventStream) throws -> Event {
        if let event = events.next() { return event }
        throw Problem(diagnostic: events.problemDiagnostic(self))
    }

    /// A file range from two libyaml marks (0-based line and column, columns in characters).
    func range(_ start: yaml_mark_t, _ end: yaml_mark_t) -> SourceRange {
        SourceRange(
            start: SourcePosition(line: Int(start.line) + 1 + lineOffset, column: Int(start.column) + 1),
            end: SourcePosition(line: Int(end.line) + 1 + lineOffset, column: Int(end.column) + 1))
    }

    /// For a collection: from its start to the end of that line's content (without a trailing
    /// comment), so a diagnostic about a whole list or mapping underlines its first line.
    private func contentEnd(_ start: yaml_mark_t) -> yaml_mark_t {
        var end = start
        var i = Int(start.index)
        var column = Int(start.column)
        var lastContent = column
        while i < bytes.count, bytes[i] != 0x0A {
            if bytes[i] == UInt8(ascii: "#"), i > Int(start.index), bytes[i - 1] == 0x20 { break }
            if bytes[i] & 0xC0 != 0x80 {
                column += 1
                if bytes[i] != 0x20 && bytes[i] != 0x09 { lastContent = column }
            }
            i += 1
        }
        end.column = lastContent
        return end
    }
}
