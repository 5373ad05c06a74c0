/// Renders a Markdown tree as safe HTML5 for the site and the bundle.
///
/// Text and attributes are escaped; raw HTML is dropped; links and images
/// whose target is not relative, `http`, `https`, `mailto` or `tel` are
/// rendered as their text. Table alignment becomes a class (`align-left`,
/// `align-center`, `align-right`) so the page needs no inline styles under
/// its Content-Security-Policy.
public struct HTMLRenderer: Sendable {
    /// Added to every heading level (capped at 6), so a body `#` can be `<h2>`.
    public var headingLevelShift: Int
    /// Put before every heading's section id in its `id` attribute.
    public var idPrefix: String
    /// Maps a link or image destination as written (such as
    /// `protocols/refer-at-immigration#steps`) to the href to emit; nil keeps
    /// it. The result is still checked for a safe scheme and escaped.
    public var linkResolver: (@Sendable (_ destination: String) -> String?)?

    public init(headingLevelShift: Int = 0, idPrefix: String = "",
                linkResolver: (@Sendable (_ destination: String) -> String?)? = nil) {
        self.headingLevelShift = headingLevelShift
        self.idPrefix = idPrefix
        self.linkResolver = linkResolver
    }

    public func render(_ document: MarkdownDocument) -> String {
        render(document.blocks)
    }

    public func render(_ blocks: [Block]) -> String {
        var out = ""
        for block in blocks { append(block, to: &out, tight: false) }
        return out
    }

    public func render(inlines: [Inline]) -> String {
        var out = ""
        append(inlines, to: &out)
        return out
    }

    // MARK: Blocks

    /// `leading` is markup put before a paragraph's text (a task checkbox).
    private func append(_ block: Block, to out: inout String, tight: Bool, leading: String = "") {
        switch block.kind {
        case .paragraph(let inlines):
            if tight {
                out += leading
                append(inlines, to: &out)
            } else {
                newline(&out)
                out += "<p>" + leading
                append(inlines, to: &out)
                out += "</p>\n"
            }
        case .heading(let heading):
            let level = min(max(heading.level + headingLevelShift, 1), 6)
            newline(&out)
            out += "<h\(level)"
            if let id = heading.id { out += " id=\"\(HTMLEscaping.escape(idPrefix + id))\"" }
            out += ">"
            append(heading.inlines, to: &out)
            out += "</h\(level)>\n"
        case .list(let list):
            append(list, to: &out)
        case .blockQuote(let blocks):
            newline(&out)
            out += "<blockquote>\n"
            for inner in blocks { append(inner, to: &out, tight: false) }
            out += "</blockquote>\n"
        case .codeBlock(let info, let code):
            newline(&out)
            out += "<pre><code"
            let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first
            if let language { out += " class=\"language-\(HTMLEscaping.escape(String(language)))\"" }
            out += ">\(HTMLEscaping.escape(code))</code></pre>\n"
        case .table(let table):
            append(table, to: &out)
        case .thematicBreak:
            newline(&out)
            out += "<hr>\n"
        case .html:
            break
        }
    }

    private func append(_ list: List, to out: inout String) {
        newline(&out)
        let tag = list.ordered ? "ol" : "ul"
        out += list.ordered && list.start != 1 ? "<ol start=\"\(list.start)\">\n" : "<\(tag)>\n"
        for item in list.items {
            var checkbox = ""
            if let checked = item.checked {
                checkbox = checked ? "<input type=\"checkbox\" disabled checked> " : "<input type=\"checkbox\" disabled> "
            }
            out += checkbox.isEmpty ? "<li>" : "<li class=\"task-list-item\">"
            if case .paragraph? = item.blocks.first?.kind {
                // The checkbox goes inside the first paragraph, with its text.
            } else {
                out += checkbox
                checkbox = ""
            }
            for block in item.blocks {
                append(block, to: &out, tight: list.tight, leading: checkbox)
                checkbox = ""
            }
            out += "</li>\n"
        }
        out += "</\(tag)>\n"
    }

    private func append(_ table: Table, to out: inout String) {
        newline(&out)
        out += "<table>\n<thead>\n"
        append(table.header, cell: "th", alignments: table.alignments, to: &out)
        out += "</thead>\n"
        if !table.rows.isEmpty {
            out += "<tbody>\n"
            for row in table.rows { append(row, cell: "td", alignments: table.alignments, to: &out) }
            out += "</tbody>\n"
        }
        out += "</table>\n"
    }

    private func append(_ row: TableRow, cell tag: String, alignments: [Table.Alignment], to out: inout String) {
        out += "<tr>\n"
        for (column, cell) in row.cells.enumerated() {
            let alignment = column < alignments.count ? alignments[column] : .none
            out += alignment == .none ? "<\(tag)>" : "<\(tag) class=\"align-\(alignment.rawValue)\">"
            append(cell, to: &out)
            out += "</\(tag)>\n"
        }
        out += "</tr>\n"
    }

    /// Starts a block on a fresh line (after inline content in a tight item).
    private func newline(_ out: inout String) {
        if let last = out.utf8.last, last != UInt8(ascii: "\n") { out += "\n" }
    }

    // MARK: Inlines

    private func append(_ inlines: [Inline], to out: inout String) {
        for inline in inlines {
            switch inline {
            case .text(let text): out += HTMLEscaping.escape(text)
            case .emphasis(let c): wrap("em", c, &out)
            case .strong(let c): wrap("strong", c, &out)
            case .strikethrough(let c): wrap("del", c, &out)
            case .code(let code): out += "<code>\(HTMLEscaping.escape(code))</code>"
            case .link(let link):
                guard let href = href(for: link.destination) else {
                    append(link.children, to: &out)
                    continue
                }
                out += "<a href=\"\(href)\""
                if !link.title.isEmpty { out += " title=\"\(HTMLEscaping.escape(link.title))\"" }
                out += ">"
                append(link.children, to: &out)
                out += "</a>"
            case .image(let image):
                let alt = HTMLEscaping.escape(image.children.plainText)
                guard let src = href(for: image.destination) else {
                    out += alt
                    continue
                }
                out += "<img src=\"\(src)\" alt=\"\(alt)\""
                if !image.title.isEmpty { out += " title=\"\(HTMLEscaping.escape(image.title))\"" }
                out += ">"
            case .softBreak: out += "\n"
            case .lineBreak: out += "<br>\n"
            case .html: break
            }
        }
    }

    private func wrap(_ tag: String, _ children: [Inline], _ out: inout String) {
        out += "<\(tag)>"
        append(children, to: &out)
        out += "</\(tag)>"
    }

    /// The escaped href for a destination, or nil when it is not safe.
    private func href(for destination: String) -> String? {
        let target = linkResolver?(destination) ?? destination
        return HTMLEscaping.isAllowedURL(target) ? HTMLEscaping.escapeURL(target) : nil
    }
}
