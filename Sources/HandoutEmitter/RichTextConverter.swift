import Markdown

/// Turns a Markdown tree into the renderer's rich text, keeping what print can show:
/// paragraphs, headings, nested and task lists, tables, block quotes (as call-outs), code,
/// emphasis, strong, strikethrough and links. Raw HTML is dropped, as in every output; an image
/// prints as its alt text in italics (the PDF engine does not draw SVG).
struct RichTextConverter {
    /// Where a link destination points in this handout; `nil` prints the text without a link.
    let resolve: (String) -> LinkTarget?

    func blocks(_ blocks: [Block]) -> [RichBlock] {
        blocks.flatMap(block)
    }

    private func block(_ block: Block) -> [RichBlock] {
        switch block.kind {
        case .paragraph(let inlines):
            let converted = runs(inlines)
            return converted.plainText.trimmingWhitespace.isEmpty ? [] : [.paragraph(converted)]
        case .heading(let heading):
            return [.heading(level: heading.level, runs: runs(heading.inlines))]
        case .list(let list):
            let items = list.items.map { item -> [RichBlock] in
                var converted = blocks(item.blocks)
                if let checked = item.checked {
                    let box = Run(checked ? "[x] " : "[ ] ", code: true)
                    if case .paragraph(let first)? = converted.first {
                        converted[0] = .paragraph([box] + first)
                    } else {
                        converted.insert(.paragraph([box]), at: 0)
                    }
                }
                return converted
            }
            return [.list(ordered: list.ordered, items: items)]
        case .blockQuote(let inner):
            let converted = blocks(inner)
            return converted.isEmpty ? [] : [.callout(converted)]
        case .codeBlock(_, let code):
            let text = code.hasSuffix("\n") ? String(code.dropLast()) : code
            return [.paragraph([Run(text, code: true)])]
        case .table(let table):
            return [
                .table(header: table.header.cells.map { runs($0) }, rows: table.rows.map { $0.cells.map { runs($0) } })
            ]
        case .thematicBreak, .html:
            return []
        }
    }

    /// Inline runs, adjacent runs of the same formatting merged.
    func runs(_ inlines: [Inline]) -> [Run] {
        var result: [Run] = []
        append(inlines, format: Run(""), to: &result)
        return result
    }

    private func append(_ inlines: [Inline], format: Run, to result: inout [Run]) {
        func add(_ text: String, _ format: Run) {
            guard !text.isEmpty else { return }
            var run = format
            run.text = text
            if var last = result.last, last.bold == run.bold, last.italic == run.italic, last.code == run.code,
                last.strike == run.strike, last.link == run.link
            {
                last.text += text
                result[result.count - 1] = last
            } else {
                result.append(run)
            }
        }
        for inline in inlines {
            var inner = format
            switch inline {
            case .text(let text): add(text, format)
            case .code(let text):
                inner.code = true
                add(text, inner)
            case .emphasis(let children):
                inner.italic = true
                append(children, format: inner, to: &result)
            case .strong(let children):
                inner.bold = true
                append(children, format: inner, to: &result)
            case .strikethrough(let children):
                inner.strike = true
                append(children, format: inner, to: &result)
            case .link(let link):
                inner.link = resolve(link.destination) ?? format.link
                append(link.children, format: inner, to: &result)
            case .image(let image):
                inner.italic = true
                add(image.children.plainText, inner)
            case .softBreak: add(" ", format)
            case .lineBreak: add("\n", format)
            case .html: continue
            }
        }
    }
}

extension String {
    var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<max(start, end)]
    }
}
