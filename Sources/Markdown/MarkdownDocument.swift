/// A parsed Markdown body: an immutable tree with file positions, and the
/// problems the parser noticed (malformed or repeated section ids).
public struct MarkdownDocument: Hashable, Sendable {
    public let blocks: [Block]
    public let problems: [MarkdownProblem]
    /// Every link and image, in source order (images inside links included).
    /// Found once here: checks and emitters all ask for them.
    public let links: [LinkOccurrence]
    /// Every heading, in source order, including those inside lists and quotes.
    public let headings: [HeadingOccurrence]
    /// Every heading with an id and its content, in source order.
    public let sections: [MarkdownSection]

    public init(blocks: [Block], problems: [MarkdownProblem] = []) {
        self.blocks = blocks
        self.problems = problems
        self.links = Self.links(in: blocks)
        self.headings = Self.headings(in: blocks)
        self.sections = Self.sections(in: blocks)
    }
}
