import Diagnostics
import JSON
import Markdown

/// One content file: `Content/<type>/<id>.<lang>.md`, parsed.
///
/// Immutable and shared by reference: every check, listing and language that
/// shows a file reads the same instance instead of copying its parts.
public final class EntryFile: Sendable {
    public let type: EntryType
    public let id: String
    public let language: String
    /// The path as shown in diagnostics (relative to the working folder).
    public let path: String
    public let frontMatter: JSONObject
    public let positions: FieldPositions
    /// The Markdown body as written (line ends normalised to LF).
    public let bodyText: String
    public let body: MarkdownDocument
    /// The file line where the body starts (after the closing `---`).
    public let bodyLine: Int
    /// A hash of the file's text as read: equal hashes, same file. Incremental
    /// builds compare it to decide what to re-render.
    public let contentHash: String
    /// The front matter's YAML as written (line ends normalised to LF); its
    /// first line is the file's line 2. Term checks read values' exact spans in it.
    public let frontMatterText: String

    public init(
        type: EntryType, id: String, language: String, path: String, frontMatter: JSONObject,
        positions: FieldPositions, bodyText: String, body: MarkdownDocument, bodyLine: Int, contentHash: String = "",
        frontMatterText: String = ""
    ) {
        self.type = type
        self.id = id
        self.language = language
        self.path = path
        self.frontMatter = frontMatter
        self.positions = positions
        self.bodyText = bodyText
        self.body = body
        self.bodyLine = bodyLine
        self.contentHash = contentHash
        self.frontMatterText = frontMatterText
    }

    public var reference: Reference { Reference(type: type, id: id) }

    /// Where to point at the body as a whole (its first line).
    public var bodyStart: SourceRange { SourceRange(line: bodyLine, column: 1, length: 1) }

    /// A string field of the front matter.
    public func string(_ key: String) -> String? { frontMatter[key]?.stringValue }

    /// A list-of-strings field of the front matter (empty when absent).
    public func strings(_ key: String) -> [String] {
        frontMatter[key]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// The per-language publication status (`draft`, `review`, `published`).
    public var status: String { string("status") ?? "published" }
}
