/// A parsed Markdown body: an immutable tree with file positions, and the
/// problems the parser noticed (malformed or repeated section ids).
public struct MarkdownDocument: Hashable, Sendable {
    public let blocks: [Block]
    public let problems: [MarkdownProblem]

    public init(blocks: [Block], problems: [MarkdownProblem] = []) {
        self.blocks = blocks
        self.problems = problems
    }
}
