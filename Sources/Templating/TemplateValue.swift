/// A value templates see: typed, so rendering needs no dynamic casts.
/// Absent optional values are `false` (see `Templates/site/README.md`).
public enum TemplateValue: Sendable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    case string(String)
    case bool(Bool)
    case int(Int)
    /// A number with a fraction, shown as Swift prints a `Double` (`1.21`).
    case decimal(Double)
    case list([TemplateValue])
    case object(TemplateObject)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(Dictionary(elements, uniquingKeysWith: { _, last in last })))
    }

    /// A string, or `false` when there is none.
    public static func text(_ value: String?) -> TemplateValue { value.map { .string($0) } ?? .bool(false) }
    public static func objects(_ values: [[String: TemplateValue]]) -> TemplateValue {
        .list(values.map { .object(TemplateObject($0)) })
    }
    public static func object(_ values: [String: TemplateValue]) -> TemplateValue { .object(TemplateObject(values)) }

    /// Whether two values render alike everywhere (the same object, or equal contents).
    public func isSame(as other: TemplateValue) -> Bool {
        switch (self, other) {
        case (.string(let a), .string(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.decimal(let a), .decimal(let b)): return a == b
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
        case .string(let text):
            hasher.combine(0)
            hasher.combine(text)
        case .bool(let flag):
            hasher.combine(1)
            hasher.combine(flag)
        case .int(let number):
            hasher.combine(2)
            hasher.combine(number)
        case .decimal(let number):
            hasher.combine(5)
            hasher.combine(number)
        case .list(let items):
            hasher.combine(3)
            hasher.combine(items.count)
            for item in items { item.fingerprint(into: &hasher) }
        case .object(let object):
            hasher.combine(4)
            hasher.combine(ObjectIdentifier(object))
        }
    }
}
