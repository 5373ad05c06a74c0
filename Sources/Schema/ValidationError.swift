import JSON

/// One way an instance fails its schema, with what a diagnostic needs:
/// where in the instance, which keyword, a message for people, and structured
/// details so callers can suggest fixes ("did you mean …").
public struct ValidationError: Sendable, Equatable, CustomStringConvertible {
    /// The failing value. For `additionalProperties`, `unevaluatedProperties`
    /// and `propertyNames` it is the offending member, so it can be reported at
    /// its key; for `required` and `dependentRequired` it is the object.
    public var instancePath: JSONPointer
    /// The schema keyword that failed (`type`, `enum`, `required`, …; `false`
    /// for a `false` schema).
    public var keyword: String
    /// Absolute location of the keyword: the document URI and a JSON pointer
    /// fragment, e.g. `file:///schema/indicator.schema.json#/properties/strength/enum`.
    public var schemaPath: String
    public var message: String
    /// `enum` and `const`: the values that would have been accepted.
    public var allowedValues: [JSONValue]?
    /// `required` and `dependentRequired`: the missing member;
    /// `additionalProperties`, `unevaluatedProperties`, `propertyNames`: the offending one.
    public var property: String?
    /// `additionalProperties` and `unevaluatedProperties`: the member names the
    /// schema declares, for "did you mean" suggestions.
    public var knownProperties: [String]?
    /// `type`: the accepted JSON Schema type names.
    public var expectedTypes: [String]?

    public init(
        instancePath: JSONPointer, keyword: String, schemaPath: String, message: String,
        allowedValues: [JSONValue]? = nil, property: String? = nil,
        knownProperties: [String]? = nil, expectedTypes: [String]? = nil
    ) {
        self.instancePath = instancePath
        self.keyword = keyword
        self.schemaPath = schemaPath
        self.message = message
        self.allowedValues = allowedValues
        self.property = property
        self.knownProperties = knownProperties
        self.expectedTypes = expectedTypes
    }

    public var description: String {
        instancePath.isRoot ? "\(message) [\(keyword)]" : "\(instancePath): \(message) [\(keyword)]"
    }
}
