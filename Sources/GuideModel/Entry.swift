/// An entry: all files of one type and id, one per language.
public struct Entry: Sendable {
    public var type: EntryType
    public var id: String
    /// Files by language tag.
    public var files: [String: EntryFile]

    public init(type: EntryType, id: String, files: [String: EntryFile] = [:]) {
        self.type = type
        self.id = id
        self.files = files
    }

    public var reference: Reference { Reference(type: type, id: id) }

    /// Languages present, sorted.
    public var languages: [String] { files.keys.sorted() }
}
