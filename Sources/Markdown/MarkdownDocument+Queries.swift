import Diagnostics

/// A link or image found anywhere in a document.
public struct LinkOccurrence: Hashable, Sendable {
    public let link: Link
    public let isImage: Bool
}

/// A heading found anywhere in a document, with its block's range.
public struct HeadingOccurrence: Hashable, Sendable {
    public let heading: Heading
    public let range: SourceRange
}

/// Raw HTML (a block or inline), which renderers drop; callers warn about it.
public struct RawHTMLOccurrence: Hashable, Sendable {
    public let html: String
    public let range: SourceRange
}

/// A heading with a `{#id}` and the blocks after it up to the next heading
/// of the same or a higher level (in the same container).
public struct MarkdownSection: Hashable, Sendable {
    public let id: String
    public let heading: Heading
    public let headingRange: SourceRange
    public let blocks: [Block]
}

extension MarkdownDocument {
    static func links(in blocks: [Block]) -> [LinkOccurrence] {
        var result: [LinkOccurrence] = []
        blocks.forEachBlock { block in
            block.forEachInlineRun { run in
                run.forEachInline { inline in
                    switch inline {
                    case .link(let link): result.append(LinkOccurrence(link: link, isImage: false))
                    case .image(let link): result.append(LinkOccurrence(link: link, isImage: true))
                    default: break
                    }
                }
            }
        }
        return result
    }

    static func headings(in blocks: [Block]) -> [HeadingOccurrence] {
        var result: [HeadingOccurrence] = []
        blocks.forEachBlock { block in
            if case .heading(let heading) = block.kind {
                result.append(HeadingOccurrence(heading: heading, range: block.range))
            }
        }
        return result
    }

    /// Every raw HTML block and inline, in source order.
    public var rawHTML: [RawHTMLOccurrence] {
        var result: [RawHTMLOccurrence] = []
        blocks.forEachBlock { block in
            if case .html(let html) = block.kind { result.append(RawHTMLOccurrence(html: html, range: block.range)) }
            block.forEachInlineRun { run in
                run.forEachInline { inline in
                    if case .html(let html, let range) = inline {
                        result.append(RawHTMLOccurrence(html: html, range: range))
                    }
                }
            }
        }
        return result
    }

    static func sections(in blocks: [Block]) -> [MarkdownSection] {
        var result: [MarkdownSection] = []
        collectSections(in: blocks, into: &result)
        return result
    }

    /// The first section with this id.
    public func section(id: String) -> MarkdownSection? {
        sections.first { $0.id == id }
    }

    private static func collectSections(in blocks: [Block], into result: inout [MarkdownSection]) {
        for (index, block) in blocks.enumerated() {
            switch block.kind {
            case .heading(let heading):
                guard let id = heading.id else { continue }
                let rest = blocks[(index + 1)...]
                let end =
                    rest.firstIndex { other in
                        if case .heading(let next) = other.kind { return next.level <= heading.level }
                        return false
                    } ?? blocks.endIndex
                result.append(
                    MarkdownSection(
                        id: id, heading: heading, headingRange: block.range,
                        blocks: Array(blocks[(index + 1)..<end])))
            case .blockQuote(let inner):
                collectSections(in: inner, into: &result)
            case .list(let list):
                for item in list.items { collectSections(in: item.blocks, into: &result) }
            default:
                continue
            }
        }
    }
}

extension Array where Element == Block {
    /// Visits every block, parents before children, in source order.
    func forEachBlock(_ visit: (Block) -> Void) {
        for block in self {
            visit(block)
            switch block.kind {
            case .blockQuote(let inner): inner.forEachBlock(visit)
            case .list(let list): for item in list.items { item.blocks.forEachBlock(visit) }
            default: break
            }
        }
    }
}

extension Block {
    /// Visits this block's own inline runs (paragraph, heading, table cells).
    func forEachInlineRun(_ visit: ([Inline]) -> Void) {
        switch kind {
        case .paragraph(let inlines): visit(inlines)
        case .heading(let heading): visit(heading.inlines)
        case .table(let table): for row in [table.header] + table.rows { row.cells.forEach(visit) }
        default: break
        }
    }
}

extension Array where Element == Inline {
    /// Visits every inline, parents before children, in source order.
    func forEachInline(_ visit: (Inline) -> Void) {
        for inline in self {
            visit(inline)
            switch inline {
            case .emphasis(let c), .strong(let c), .strikethrough(let c): c.forEachInline(visit)
            case .link(let link), .image(let link): link.children.forEachInline(visit)
            default: break
            }
        }
    }
}
