import Diagnostics

/// Something wrong in a Markdown body that the parser notices itself; the
/// caller turns each into a diagnostic with its own code and severity.
public struct MarkdownProblem: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// A heading ends in something like `{#Steps}` or `{# steps}`.
        case malformedSectionID
        /// Two headings in one body carry the same `{#id}`.
        case duplicateSectionID
        /// Containers nested deeper than `MarkdownParser.maximumDepth` (left out).
        case tooDeep
    }

    public let kind: Kind
    public let range: SourceRange
    public let message: String

    public init(kind: Kind, range: SourceRange, message: String) {
        self.kind = kind
        self.range = range
        self.message = message
    }
}
