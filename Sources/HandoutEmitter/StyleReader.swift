import Yams

/// A mapping node whose keys were checked, with lookups that report missing keys at the mapping.
struct CheckedMapping {
    let node: Node
    let path: String
    let values: [String: Node]
    let reader: StyleReader

    func value(_ key: String) throws -> Node {
        guard let value = values[key] else { throw reader.error(node, "\(path) is missing \"\(key)\"") }
        return value
    }
}

/// Reads typed values out of the style file's YAML nodes, keeping positions for every error.
struct StyleReader {
    let file: String?

    /// The smallest print anyone should be asked to read, in points.
    static let legibilityFloor = 5.0
    /// Below this edge length (in millimetres) phone cameras struggle with a QR code.
    static let smallestQR = 15.0

    func error(_ node: Node, _ message: String) -> HandoutStyleError {
        HandoutStyleError(file: file, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    /// A mapping with exactly the given keys: unknown keys are errors, so a typo never goes unnoticed.
    func mapping(_ node: Node, _ path: String, keys: [String]) throws -> CheckedMapping {
        guard let mapping = node.mapping else { throw error(node, "\(path) must be a mapping") }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string, keys.contains(name) else {
                let known = keys.joined(separator: ", ")
                throw error(key, "unknown key \"\(key.string ?? "?")\" in \(path); expected one of \(known)")
            }
            values[name] = value
        }
        return CheckedMapping(node: node, path: path, values: values, reader: self)
    }

    func string(_ node: Node, _ path: String) throws -> String {
        guard let value = node.scalar?.string, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw error(node, "\(path) must be a non-empty string")
        }
        return value
    }

    func number(_ node: Node, _ path: String, in range: ClosedRange<Double>) throws -> Double {
        guard let value = node.float ?? node.int.map(Double.init) else {
            throw error(node, "\(path) must be a number")
        }
        guard range.contains(value) else {
            throw error(node, "\(path) is \(value); it must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return value
    }

    func color(_ node: Node, _ path: String) throws -> RGB {
        guard let text = node.scalar?.string, let color = RGB(hex: text) else {
            throw error(node, "\(path) must be a colour written #rrggbb")
        }
        return color
    }

    /// One layout's sizes and the smallest each role may shrink to; every size must be at least
    /// its minimum, and every minimum legible.
    func metrics(_ node: Node, _ path: String) throws -> LayoutMetrics {
        let map = try mapping(node, path, keys: ["sizes", "minimum_sizes", "qr_size"])
        let roles = TextRole.allCases.map(\.rawValue)
        let sizeMap = try mapping(map.value("sizes"), "\(path).sizes", keys: roles)
        let minimumMap = try mapping(map.value("minimum_sizes"), "\(path).minimum_sizes", keys: roles)
        var sizes: [TextRole: Double] = [:]
        var minimums: [TextRole: Double] = [:]
        for role in TextRole.allCases {
            let minimumNode = try minimumMap.value(role.rawValue)
            let minimum = try number(minimumNode, "\(path).minimum_sizes.\(role.rawValue)", in: Self.legibilityFloor...200)
            let sizeNode = try sizeMap.value(role.rawValue)
            let size = try number(sizeNode, "\(path).sizes.\(role.rawValue)", in: 0...300)
            guard size >= minimum else {
                throw error(sizeNode, "\(path).sizes.\(role.rawValue) is \(size) pt, below its minimum_sizes value \(minimum) pt")
            }
            sizes[role] = size
            minimums[role] = minimum
        }
        let qr = try number(map.value("qr_size"), "\(path).qr_size", in: Self.smallestQR...200)
        return LayoutMetrics(sizes: sizes, minimumSizes: minimums, qrSize: mm(qr))
    }
}
