import Diagnostics
import GuideModel
import JSON
import YAML

/// A value of the style file and the path that leads to it (for its position).
struct StyleNode {
    let value: JSONValue
    let path: [String]
}

/// A mapping node whose keys were checked, with lookups that report missing keys at the mapping.
struct CheckedMapping {
    let node: StyleNode
    let path: String
    let values: [String: StyleNode]
    let reader: StyleReader

    func value(_ key: String) throws -> StyleNode {
        guard let value = values[key] else { throw reader.error(node, "\(path) is missing \"\(key)\"") }
        return value
    }
}

/// Reads typed values out of the style file's YAML, keeping positions for every error.
struct StyleReader {
    let file: String?
    let positions: FieldPositions

    /// The smallest print anyone should be asked to read, in points.
    static let legibilityFloor = 5.0
    /// Below this edge length (in millimetres) phone cameras struggle with a QR code.
    static let smallestQR = 15.0

    /// Reads `yaml` (the file at `file`) into its root node and a reader for it.
    static func root(yaml: String, file: String?) throws -> (StyleNode, StyleReader) {
        let reader = YAMLReader(path: file ?? "style.yml", yaml: yaml, lineOffset: 0)
        switch reader.read(yaml, document: SourceRange(line: 1, column: 1, length: 1)) {
        case .success(let result):
            return (StyleNode(value: result.value, path: []), StyleReader(file: file, positions: result.positions))
        case .failure(let diagnostic):
            throw HandoutStyleError(
                file: file, line: diagnostic.position.line, column: diagnostic.position.column,
                message: "the style file is not valid YAML: \(diagnostic.message)")
        }
    }

    func error(_ node: StyleNode, _ message: String) -> HandoutStyleError {
        error(at: positions.valueRange(node.path), message)
    }

    private func error(at range: SourceRange, _ message: String) -> HandoutStyleError {
        HandoutStyleError(file: file, line: range.start.line, column: range.start.column, message: message)
    }

    /// A mapping with exactly the given keys: unknown keys are errors, so a typo never goes unnoticed.
    func mapping(_ node: StyleNode, _ path: String, keys: [String]) throws -> CheckedMapping {
        guard case .object(let mapping) = node.value else { throw error(node, "\(path) must be a mapping") }
        var values: [String: StyleNode] = [:]
        for key in mapping.keys {
            guard keys.contains(key) else {
                let known = keys.joined(separator: ", ")
                throw error(
                    at: positions.keyRange(node.path + [key]),
                    "unknown key \"\(key)\" in \(path); expected one of \(known)")
            }
            values[key] = StyleNode(value: mapping[key] ?? .null, path: node.path + [key])
        }
        return CheckedMapping(node: node, path: path, values: values, reader: self)
    }

    func string(_ node: StyleNode, _ path: String) throws -> String {
        guard let value = node.value.stringValue, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw error(node, "\(path) must be a non-empty string")
        }
        return value
    }

    func number(_ node: StyleNode, _ path: String, in range: ClosedRange<Double>) throws -> Double {
        guard let value = node.value.numberValue?.doubleValue else {
            throw error(node, "\(path) must be a number")
        }
        guard range.contains(value) else {
            throw error(node, "\(path) is \(value); it must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return value
    }

    func color(_ node: StyleNode, _ path: String) throws -> RGB {
        guard let text = node.value.stringValue, let color = RGB(hex: text) else {
            throw error(node, "\(path) must be a colour written #rrggbb")
        }
        return color
    }

    /// One layout's sizes and the smallest each role may shrink to; every size must be at least
    /// its minimum, and every minimum legible.
    func metrics(_ node: StyleNode, _ path: String) throws -> LayoutMetrics {
        let map = try mapping(node, path, keys: ["sizes", "minimum_sizes", "qr_size"])
        let roles = TextRole.allCases.map(\.rawValue)
        let sizeMap = try mapping(map.value("sizes"), "\(path).sizes", keys: roles)
        let minimumMap = try mapping(map.value("minimum_sizes"), "\(path).minimum_sizes", keys: roles)
        var sizes: [TextRole: Double] = [:]
        var minimums: [TextRole: Double] = [:]
        for role in TextRole.allCases {
            let minimumNode = try minimumMap.value(role.rawValue)
            let minimum = try number(
                minimumNode, "\(path).minimum_sizes.\(role.rawValue)", in: Self.legibilityFloor...200)
            let sizeNode = try sizeMap.value(role.rawValue)
            let size = try number(sizeNode, "\(path).sizes.\(role.rawValue)", in: 0...300)
            guard size >= minimum else {
                throw error(
                    sizeNode,
                    "\(path).sizes.\(role.rawValue) is \(size) pt, below its minimum_sizes value \(minimum) pt")
            }
            sizes[role] = size
            minimums[role] = minimum
        }
        let qr = try number(map.value("qr_size"), "\(path).qr_size", in: Self.smallestQR...200)
        return LayoutMetrics(sizes: sizes, minimumSizes: minimums, qrSize: mm(qr))
    }
}
