import JSON

extension JSONValue {
    /// JSON Schema equality: like `==` (numbers by value, objects ignoring
    /// member order), but strings compare by Unicode scalars, whereas Swift's
    /// `String ==` treats canonically equivalent strings ("é" and "e" +
    /// combining accent) as equal.
    func isIdentical(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.string(let a), .string(let b)):
            return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isIdentical(to: $1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let match = b.first(where: { $0.key.unicodeScalars.elementsEqual(key.unicodeScalars) }),
                    match.value.isIdentical(to: value)
                else { return false }
            }
            return true
        default:
            return self == other
        }
    }
}
