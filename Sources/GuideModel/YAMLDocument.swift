import JSON

/// A parsed YAML file other than an entry (`guide.yml`), kept with positions
/// so it can be validated against its schema.
public struct YAMLDocument: Sendable {
    public var path: String
    public var value: JSONObject
    public var positions: FieldPositions

    public init(path: String, value: JSONObject, positions: FieldPositions) {
        self.path = path
        self.value = value
        self.positions = positions
    }
}
