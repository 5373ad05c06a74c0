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

    public init(
        headingLevelShift: Int = 0, idPrefix: String = "",
        linkResolver: (@Sendable (_ destination: String) -> String?)? = nil
    ) {
        self.headingLevelShift = headingLevelShift
        self.idPrefix = idPrefix
        self.linkResolver = linkResolver
    }

    public func render(_ document: MarkdownDocument) -> String {
        render(document.blocks)
    }

    public func render(_ blocks: [Block]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        render(blocks, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the HTML of `blocks` to `out` as UTF-8.
    public func render(_ blocks: [Block], into out: inout [UInt8]) {
        for block in blocks { append(block, to: &out, tight: false) }
    }

    public func render(inlines: [Inline]) -> String {
        var out: [UInt8] = []
        append(inlines, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Blocks

    /// `leading` is markup put before a paragraph's text (a task checkbox).
    private func append(_ block: Block, to out: inout [UInt8], tight: Bool, leading: String = "") {
        switch block.kind {
        case .paragraph(let inlines):
            if tight {
                out += leading.utf8
                append(inlines, to: &out)
            } else {
                newline(&out)
                out += "<p>".utf8
                out += leading.utf8
                append(inlines, to: &out)
                out += "</p>\n".utf8
            }
        case .heading(let heading):
            let level = UInt8(ascii: "0") + UInt8(min(max(heading.level + headingLevelShift, 1), 6))
            newline(&out)
            out += "<h".utf8
            out.append(level)
            if let id = heading.id {
                out += " id=\"".utf8
                HTMLEscaping.escape(idPrefix, into: &out)
                HTMLEscaping.escape(id, into: &out)
                out.append(UInt8(ascii: "\""))
            }
            out.append(UInt8(ascii: ">"))
            append(heading.inlines, to: &out)
            out += "</h".utf8
            out.append(level)
            out += ">\n".utf8
        case .list(let list):
            append(list, to: &out)
        case .blockQuote(let blocks):
            newline(&out)
            out += "<blockquote>\n".utf8
            for inner in blocks { append(inner, to: &out, tight: false) }
            out += "</blockquote>\n".utf8
        case .codeBlock(let info, let code):
            newline(&out)
            out += "<pre><code".utf8
            let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first
            if let language {
                out += " class=\"language-".utf8
                HTMLEscaping.escape(String(language), into: &out)
                out.append(UInt8(ascii: "\""))
            }
            out.append(UInt8(ascii: ">"))
            HTMLEscaping.escape(code, into: &out)
            out += "</code></pre>\n".utf8
        case .table(let table):
            append(table, to: &out)
        case .thematicBreak:
            newline(&out)
            out += "<hr>\n".utf8
        case .html:
            break
        }
    }

    private func append(_ list: List, to out: inout [UInt8]) {
        newline(&out)
        if list.ordered && list.start != 1 {
            out += "<ol start=\"\(list.start)\">\n".utf8
        } else {
            out += (list.ordered ? "<ol>\n" : "<ul>\n").utf8
        }
        for item in list.items {
            var checkbox = ""
            if let checked = item.checked {
                checkbox =
                    checked ? "<input type=\"checkbox\" disabled checked> " : "<input type=\"checkbox\" disabled> "
            }
            out += (checkbox.isEmpty ? "<li>" : "<li class=\"task-list-item\">").utf8
            if case .paragraph? = item.blocks.first?.kind {
                // The checkbox goes inside the first paragraph, with its text.
            } else {
                out += checkbox.utf8
                checkbox = ""
            }
            for block in item.blocks {
                append(block, to: &out, tight: list.tight, leading: checkbox)
                checkbox = ""
            }
            out += "</li>\n".utf8
        }
        out += (list.ordered ? "</ol>\n" : "</ul>\n").utf8
    }

    private func append(_ table: Table, to out: inout [UInt8]) {
        newline(&out)
        out += "<table>\n<thead>\n".utf8
        append(table.header, cell: "th", alignments: table.alignments, to: &out)
        out += "</thead>\n".utf8
        if !table.rows.isEmpty {
            out += "<tbody>\n".utf8
            for row in table.rows { append(row, cell: "td", alignments: table.alignments, to: &out) }
            out += "</tbody>\n".utf8
        }
        out += "</table>\n".utf8
    }

    private func append(_ row: TableRow, cell tag: StaticString, alignments: [Table.Alignment], to out: inout [UInt8]) {
        let tagBytes = UnsafeBufferPointer(start: tag.utf8Start, count: tag.utf8CodeUnitCount)
        out += "<tr>\n".utf8
        for (column, cell) in row.cells.enumerated() {
            let alignment = column < alignments.count ? alignments[column] : .none
            out.append(UInt8(ascii: "<"))
            out += tagBytes
            if alignment != .none {
                out += " class=\"align-".utf8
                out += alignment.rawValue.utf8
                out.append(UInt8(ascii: "\""))
            }
            out.append(UInt8(ascii: ">"))
            append(cell, to: &out)
            out += "</".utf8
            out += tagBytes
            out += ">\n".utf8
        }
        out += "</tr>\n".utf8
    }

    /// Starts a block on a fresh line (after inline content in a tight item).
    private func newline(_ out: inout [UInt8]) {
        if let last = out.last, last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
    }

    // MARK: Inlines

    private func append(_ inlines: [Inline], to out: inout [UInt8]) {
        for inline in inlines {
            switch inline {
            case .text(let text): HTMLEscaping.escape(text, into: &out)
            case .emphasis(let c): wrap("em", c, &out)
            case .strong(let c): wrap("strong", c, &out)
            case .strikethrough(let c): wrap("del", c, &out)
            case .code(let code):
                out += "<code>".utf8
                HTMLEscaping.escape(code, into: &out)
                out += "</code>".utf8
            case .link(let link):
                guard let href = href(for: link.destination) else {
                    append(link.children, to: &out)
                    continue
                }
                out += "<a href=\"".utf8
                HTMLEscaping.escapeURL(href, into: &out)
                out.append(UInt8(ascii: "\""))
                appendTitle(link.title, to: &out)
                out.append(UInt8(ascii: ">"))
                append(link.children, to: &out)
                out += "</a>".utf8
            case .image(let image):
                let alt = image.children.plainText
                guard let src = href(for: image.destination) else {
                    HTMLEscaping.escape(alt, into: &out)
                    continue
                }
                out += "<img src=\"".utf8
                HTMLEscaping.escapeURL(src, into: &out)
                out += "\" alt=\"".utf8
                HTMLEscaping.escape(alt, into: &out)
                out.append(UInt8(ascii: "\""))
                appendTitle(image.title, to: &out)
                out.append(UInt8(ascii: ">"))
            case .softBreak: out.append(UInt8(ascii: "\n"))
            case .lineBreak: out += "<br>\n".utf8
            case .html: break
            }
        }
    }

    /// ` title="…"` of a link or image, when it has one.
    private func appendTitle(_ title: String, to out: inout [UInt8]) {
        guard !title.isEmpty else { return }
        out += " title=\"".utf8
        HTMLEscaping.escape(title, into: &out)
        out.append(UInt8(ascii: "\""))
    }

    private func wrap(_ tag: StaticString, _ children: [Inline], _ out: inout [UInt8]) {
        let tagBytes = UnsafeBufferPointer(start: tag.utf8Start, count: tag.utf8CodeUnitCount)
        out.append(UInt8(ascii: "<"))
        out += tagBytes
        out.append(UInt8(ascii: ">"))
        append(children, to: &out)
        out += "</".utf8
        out += tagBytes
        out.append(UInt8(ascii: ">"))
    }

    /// The destination to emit (resolved), or nil when it is not safe; escape it with `escapeURL`.
    private func href(for destination: String) -> String? {
        let target = linkResolver?(destination) ?? destination
        return HTMLEscaping.isAllowedURL(target) ? target : nil
    }
}
