import Diagnostics
import Foundation
import GuideModel
import JSON
import Yams

/// Parses YAML (front matter, handout and guide files) into a `JSONValue`
/// and records where every key and value was written.
///
/// Scalars are resolved with the YAML 1.2 core schema, so `NO` stays the
/// string "NO" (Norway) and `2016-01-01` stays a string. Aliases are expanded
/// under a budget, so an alias bomb is a diagnostic, not an out-of-memory crash.
struct YAMLReader {
    /// At most this many values after expanding aliases.
    static let nodeBudget = 100_000

    let path: String
    let lineOffset: Int
    let lines: [Substring]

    struct Result {
        var value: JSONValue
        var positions: FieldPositions
    }

    init(path: String, yaml: String, lineOffset: Int) {
        self.path = path
        self.lineOffset = lineOffset
        self.lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    }

    func read(_ yaml: String, document: SourceRange) -> Swift.Result<Result, Diagnostic> {
        let node: Node?
        do {
            // Scalars are resolved here (YAML 1.2 core schema), so Yams needs no resolver rules.
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error))
        } catch {
            return .failure(.error("yaml.syntax", file: path, at: document, "cannot read YAML: \(error)"))
        }
        var positions = FieldPositions(document: document)
        guard let node else { return .success(Result(value: .object(JSONObject()), positions: positions)) }
        var budget = YAMLReader.nodeBudget
        do {
            let value = try convert(node, path: [], key: nil, positions: &positions, budget: &budget)
            return .success(Result(value: value, positions: positions))
        } catch let problem as Problem {
            return .failure(problem.diagnostic)
        } catch {
            return .failure(.error("yaml.syntax", file: path, at: document, "cannot read YAML: \(error)"))
        }
    }

    private struct Problem: Error { let diagnostic: Diagnostic }

    private func convert(_ node: Node, path fieldPath: [String], key: SourceRange?,
                         positions: inout FieldPositions, budget: inout Int) throws -> JSONValue {
        budget -= 1
        if budget < 0 {
            // Expanded nodes carry the position of their anchor, not of the alias
            // that repeated them; the top-level field being expanded is the place to edit.
            let field = fieldPath.first.flatMap { positions.place([$0])?.key } ?? range(of: node)
            throw Problem(diagnostic: .error("yaml.alias-limit", file: path, at: field,
                                             "YAML expands to more than \(YAMLReader.nodeBudget) values",
                                             help: "remove the anchors and aliases (`&name`, `*name`) that repeat data"))
        }
        positions.record(fieldPath, .init(key: key, value: range(of: node)))
        switch node {
        case .scalar(let scalar):
            return resolve(scalar)
        case .alias:
            // Yams dereferences aliases while composing; an unresolved one is not expected.
            throw Problem(diagnostic: .error("yaml.syntax", file: path, at: range(of: node), "unresolved YAML alias"))
        case .sequence(let sequence):
            var items: [JSONValue] = []
            for (i, item) in sequence.enumerated() {
                items.append(try convert(item, path: fieldPath + [String(i)], key: nil, positions: &positions, budget: &budget))
            }
            return .array(items)
        case .mapping(let mapping):
            var object = JSONObject()
            for (keyNode, valueNode) in mapping {
                guard case .scalar(let keyScalar) = keyNode else {
                    throw Problem(diagnostic: .error("yaml.key-type", file: path, at: range(of: keyNode),
                                                     "a key must be a plain name", help: "write `name: value`"))
                }
                let name = keyScalar.string
                object[name] = try convert(valueNode, path: fieldPath + [name], key: range(of: keyNode),
                                           positions: &positions, budget: &budget)
            }
            return .object(object)
        }
    }

    /// YAML 1.2 core schema resolution for plain scalars; quoted and block scalars are strings.
    private func resolve(_ scalar: Node.Scalar) -> JSONValue {
        let s = scalar.string
        if scalar.style != .plain || scalar.tag.description.hasSuffix(":str") { return .string(s) }
        switch s {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let first = s.unicodeScalars.first, first == "-" || first == "+" || first == "." || ("0"..."9").contains(first) {
            if let i = Int(s.hasPrefix("+") ? String(s.dropFirst()) : s) { return .number(.integer(i)) }
            if s.range(of: #"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil,
               let d = Double(s) {
                return .number(.double(d))
            }
        }
        return .string(s)
    }

    /// The node's range in the file. YAML marks give only the start, so the end
    /// is found from the text: the scalar as written (plain or quoted) on its line,
    /// or the rest of the line for collections and block scalars.
    func range(of node: Node) -> SourceRange {
        guard let mark = node.mark else { return SourceRange(line: 1 + lineOffset, column: 1, length: 0) }
        let lineIndex = mark.line - 1
        guard lineIndex < lines.count else { return SourceRange(line: mark.line + lineOffset, column: mark.column, length: 1) }
        let text = Array(lines[lineIndex].unicodeScalars)
        let start = min(mark.column - 1, text.count)
        var length = max(text.count - start, 0)
        if case .scalar(let scalar) = node {
            length = YAMLReader.writtenLength(of: scalar, in: text, from: start) ?? Self.contentLength(text, from: start)
        } else {
            length = Self.contentLength(text, from: start)
        }
        return SourceRange(line: mark.line + lineOffset, column: start + 1, length: max(length, 1))
    }

    private static func writtenLength(of scalar: Node.Scalar, in text: [Unicode.Scalar], from start: Int) -> Int? {
        guard start < text.count else { return nil }
        switch scalar.style {
        case .plain:
            let written = Array(scalar.string.unicodeScalars)
            return text[start...].starts(with: written) ? written.count : nil
        case .singleQuoted, .doubleQuoted:
            let quote = text[start]
            var i = start + 1
            while i < text.count {
                if text[i] == "\\", quote == "\"" { i += 2; continue }
                if text[i] == quote {
                    if quote == "'", i + 1 < text.count, text[i + 1] == "'" { i += 2; continue }
                    return i - start + 1
                }
                i += 1
            }
            return nil
        default:
            return nil
        }
    }

    /// Characters from `start` to the end of the line, without a trailing comment or spaces.
    private static func contentLength(_ text: [Unicode.Scalar], from start: Int) -> Int {
        var end = text.count
        var i = start
        while i < text.count {
            if text[i] == "#", i > start, text[i - 1] == " " { end = i; break }
            i += 1
        }
        while end > start, text[end - 1] == " " || text[end - 1] == "\t" { end -= 1 }
        return end - start
    }
}
