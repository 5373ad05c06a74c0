import Mustache

/// A value templates see: typed, so rendering needs no dynamic casts.
/// Absent optional values are `false` (see `Templates/site/README.md`).
enum TemplateValue: Sendable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case bool(Bool)
    case int(Int)
    case list([TemplateValue])
    case object(TemplateObject)

    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(Dictionary(elements, uniquingKeysWith: { _, last in last })))
    }

    /// A string, or `false` when there is none.
    static func text(_ value: String?) -> TemplateValue { value.map { .string($0) } ?? .bool(false) }
    static func objects(_ values: [[String: TemplateValue]]) -> TemplateValue { .list(values.map { .object(TemplateObject($0)) }) }
    static func object(_ values: [String: TemplateValue]) -> TemplateValue { .object(TemplateObject(values)) }

    /// Whether two values render alike everywhere (the same object, or equal contents).
    func isSame(as other: TemplateValue) -> Bool {
        switch (self, other) {
        case (.string(let a), .string(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isSame(as: $1) }
        case (.object(let a), .object(let b)):
            if a === b { return true }
            guard a.values.count == b.values.count else { return false }
            for (key, value) in a.values {
                guard let other = b.values[key], value.isSame(as: other) else { return false }
            }
            return true
        default: return false
        }
    }

    /// Feeds `hasher` so that values built once and shared (the same
    /// objects) hash alike: objects by identity, the rest by value.
    func fingerprint(into hasher: inout Hasher) {
        switch self {
        case .string(let text): hasher.combine(0); hasher.combine(text)
        case .bool(let flag): hasher.combine(1); hasher.combine(flag)
        case .int(let number): hasher.combine(2); hasher.combine(number)
        case .list(let items):
            hasher.combine(3)
            hasher.combine(items.count)
            for item in items { item.fingerprint(into: &hasher) }
        case .object(let object):
            hasher.combine(4)
            hasher.combine(ObjectIdentifier(object))
        }
    }

    /// The value as swift-mustache renders it (`TemplateNode`s with `has_`
    /// keys), for templates that use features the compiled renderer leaves
    /// to swift-mustache.
    var mustacheValue: Any {
        switch self {
        case .string(let text): return text
        case .bool(let flag): return flag
        case .int(let number): return number
        case .list(let items): return items.map(\.mustacheValue)
        case .object(let object): return object.mustacheNode
        }
    }
}

/// One level of a template context: a name → value map. `has_<name>` is
/// true for a non-empty string or list `<name>` at the same level (and is
/// absent, so looked up further out, when `<name>` is anything else).
final class TemplateObject: @unchecked Sendable {
    let values: [String: TemplateValue]

    init(_ values: [String: TemplateValue]) { self.values = values }

    /// The value of `name` at this level, `has_…` included.
    @inline(__always)
    func child(_ name: String) -> TemplateValue? {
        if let value = values[name] { return value }
        guard name.utf8.count > 4, name.hasPrefix("has_") else { return nil }
        switch values[String(name.dropFirst(4))] {
        case .string(let text)?: return .bool(!text.isEmpty)
        case .list(let items)?: return .bool(!items.isEmpty)
        default: return nil
        }
    }

    var mustacheNode: TemplateNode {
        var result: [String: Any] = [:]
        for (key, value) in values {
            result[key] = value.mustacheValue
            switch value {
            case .string(let text): result["has_" + key] = !text.isEmpty
            case .list(let items): result["has_" + key] = !items.isEmpty
            default: break
            }
        }
        return TemplateNode(result)
    }
}

/// One level of a context for swift-mustache (the fallback renderer).
final class TemplateNode: MustacheParent, @unchecked Sendable {
    let values: [String: Any]
    init(_ values: [String: Any]) { self.values = values }
    func child(named name: String) -> Any? { values[name] }
}
