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
    /// The YAML text as UTF-8, and where each line starts in it.
    let bytes: [UInt8]
    let lineStarts: [Int]

    struct Result {
        var value: JSONValue
        var positions: FieldPositions
    }

    init(path: String, yaml: String, lineOffset: Int) {
        self.path = path
        self.lineOffset = lineOffset
        self.bytes = Array(yaml.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// The text's lines, for the rare error paths that read them.
    var lines: [Substring] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
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
    /// or the rest of the line for collections and block scalars. Works on bytes:
    /// this runs for every value of every file.
    func range(of node: Node) -> SourceRange {
        guard let mark = node.mark else { return SourceRange(line: 1 + lineOffset, column: 1, length: 0) }
        let lineIndex = mark.line - 1
        guard lineIndex < lineStarts.count else { return SourceRange(line: mark.line + lineOffset, column: mark.column, length: 1) }
        let lineStart = lineStarts[lineIndex]
        let lineEnd = lineIndex + 1 < lineStarts.count ? lineStarts[lineIndex + 1] - 1 : bytes.count
        // Byte offset of the mark's column (columns count scalars).
        var start = lineStart, column = 1
        while start < lineEnd, column < mark.column {
            start += 1
            while start < lineEnd, bytes[start] & 0xC0 == 0x80 { start += 1 }
            column += 1
        }
        var end: Int
        if case .scalar(let scalar) = node, let written = writtenEnd(of: scalar, from: start, lineEnd: lineEnd) {
            end = written
        } else {
            end = contentEnd(from: start, lineEnd: lineEnd)
        }
        end = max(end, start)
        let length = bytes[start..<end].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return SourceRange(line: mark.line + lineOffset, column: column, length: max(length, 1))
    }

    private func writtenEnd(of scalar: Node.Scalar, from start: Int, lineEnd: Int) -> Int? {
        guard start < lineEnd else { return nil }
        switch scalar.style {
        case .plain:
            let written = scalar.string.utf8
            return bytes[start..<lineEnd].starts(with: written) ? start + written.count : nil
        case .singleQuoted, .doubleQuoted:
            let quote = bytes[start]
            var i = start + 1
            while i < lineEnd {
                if bytes[i] == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") { i += 2; continue }
                if bytes[i] == quote {
                    if quote == UInt8(ascii: "'"), i + 1 < lineEnd, bytes[i + 1] == quote { i += 2; continue }
                    return i + 1
                }
                i += 1
            }
            return nil
        default:
            return nil
        }
    }

    /// The end of the line's content from `start`, without a trailing comment or spaces.
    private func contentEnd(from start: Int, lineEnd: Int) -> Int {
        var end = lineEnd
        var i = start
        while i < lineEnd {
            if bytes[i] == UInt8(ascii: "#"), i > start, bytes[i - 1] == 0x20 { end = i; break }
            i += 1
        }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return end
    }
}
