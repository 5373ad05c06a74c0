import JSON

/// A mistake in a schema document itself (not in an instance), located by the
/// document it is in and the JSON pointer of the offending value, so the
/// caller can map it back to a line and column with `JSONParser.parseWithPositions`.
public struct SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The document's name as given to the registry (a file name or URI).
    public var document: String
    public var pointer: JSONPointer
    public var message: String

    public init(document: String, pointer: JSONPointer, message: String) {
        self.document = document
        self.pointer = pointer
        self.message = message
    }

    public var description: String { "\(document)#\(pointer): \(message)" }
}
