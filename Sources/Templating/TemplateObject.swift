/// One level of a template context: a name → value map. `has_<name>` is
/// true for a non-empty string or list `<name>` at the same level (and is
/// absent, so looked up further out, when `<name>` is anything else).
public final class TemplateObject: Sendable {
    public let values: [String: TemplateValue]

    public init(_ values: [String: TemplateValue]) { self.values = values }

    /// The value of `name` at this level, `has_…` included.
    @inline(__always)
    public func child(_ name: String) -> TemplateValue? {
        if let value = values[name] { return value }
        guard name.utf8.count > 4, name.hasPrefix("has_") else { return nil }
        return Self.has(values[String(name.dropFirst(4))])
    }

    /// `has_<name>` for a value of `<name>`: whether a string or list is
    /// non-empty; nil (not set) for anything else.
    static func has(_ value: TemplateValue?) -> TemplateValue? {
        switch value {
        case .string(let text)?: return .bool(!text.isEmpty)
        case .list(let items)?: return .bool(!items.isEmpty)
        default: return nil
        }
    }
}
