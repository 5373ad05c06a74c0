/// A JSON value as the guide uses it everywhere: front matter, schemas, the bundle.
///
/// Objects keep their members in insertion order (so diagnostics and
/// round-trips follow the author's order); writers sort keys when asked.
/// Numbers keep whether they were written as integers so `1` and `1.0` compare
/// equal (JSON Schema semantics) while `Int` precision is preserved.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

/// A JSON number: an exact integer when it fits, otherwise a double.
public enum JSONNumber: Sendable, Hashable, CustomStringConvertible {
    case integer(Int)
    case double(Double)

    public var doubleValue: Double {
        switch self {
        case .integer(let i): return Double(i)
        case .double(let d): return d
        }
    }

    /// The value as an exact integer, if it is one (`2.0` counts).
    public var integerValue: Int? {
        switch self {
        case .integer(let i): return i
        case .double(let d):
            guard d.isFinite, d.rounded() == d, abs(d) < 9.2e18 else { return nil }
            return Int(d)
        }
    }

    /// Whether the number is mathematically an integer (`1.0` is).
    public var isInteger: Bool {
        switch self {
        case .integer: return true
        case .double(let d): return d.isFinite && d.rounded() == d
        }
    }

    public static func == (a: JSONNumber, b: JSONNumber) -> Bool {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x == y
        default: return a.doubleValue == b.doubleValue
        }
    }

    public func hash(into hasher: inout Hasher) {
        if let i = integerValue { hasher.combine(i) } else { hasher.combine(doubleValue) }
    }

    public var description: String {
        switch self {
        case .integer(let i): return String(i)
        case .double(let d):
            if let i = integerValue, abs(d) < 1e15 { return String(i) }
            return "\(d)"
        }
    }
}

/// An ordered JSON object.
public struct JSONObject: Sendable, Hashable, Sequence {
    public private(set) var keys: [String] = []
    private var storage: [String: JSONValue] = [:]

    public init() {}

    public init(_ pairs: [(String, JSONValue)]) {
        for (k, v) in pairs { self[k] = v }
    }

    public subscript(key: String) -> JSONValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Members in the order they were written.
    public struct Iterator: IteratorProtocol {
        fileprivate let keys: [String]
        fileprivate let storage: [String: JSONValue]
        fileprivate var index = 0

        public mutating func next() -> (key: String, value: JSONValue)? {
            guard index < keys.count else { return nil }
            let key = keys[index]
            index += 1
            return (key, storage[key]!)
        }
    }

    /// A concrete iterator, not `AnyIterator` (a closure box per walk):
    /// objects are walked often, by checks, reference scans and schemas.
    public func makeIterator() -> Iterator { Iterator(keys: keys, storage: storage) }

    /// Object equality ignores member order, as JSON does.
    public static func == (a: JSONObject, b: JSONObject) -> Bool { a.storage == b.storage }
    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }
}

extension JSONValue: Hashable {
    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x == y
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b):
            hasher.combine(1)
            hasher.combine(b)
        case .number(let n):
            hasher.combine(2)
            hasher.combine(n)
        case .string(let s):
            hasher.combine(3)
            hasher.combine(s)
        case .array(let a):
            hasher.combine(4)
            hasher.combine(a)
        case .object(let o):
            hasher.combine(5)
            hasher.combine(o)
        }
    }
}

extension JSONValue {
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }
    public var numberValue: JSONNumber? { if case .number(let n) = self { return n } else { return nil } }

    /// Member lookup on objects; `nil` for anything else.
    public subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// The JSON Schema type name of this value (`integer` for integral numbers).
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(let n): return n.isInteger ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
