/// A handout file a build published, as the site lists it: which handout,
/// which language, its file name under the site's `handouts/` folder, its
/// size and number of pages. The handout emitter knows these only once it
/// has rendered; the CLI hands them to the site (`EmitContext.publishedHandouts`),
/// so no emitter reads another's files.
public struct PublishedHandout: Sendable, Hashable {
    public var id: String
    public var language: String
    /// `<id>.<lang>.pdf`.
    public var fileName: String
    public var bytes: Int
    public var pages: Int

    public init(id: String, language: String, fileName: String, bytes: Int, pages: Int) {
        self.id = id
        self.language = language
        self.fileName = fileName
        self.bytes = bytes
        self.pages = pages
    }
}
