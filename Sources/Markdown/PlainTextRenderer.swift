/// Renders a Markdown tree as readable plain text for the bundle and search:
/// blocks separated by blank lines, list items as `- ` / `1. ` (task items as
/// `- [ ] ` / `- [x] `), table cells joined by ` | `, no other markup. Raw
/// HTML is dropped; links keep their text, images their alt text.
public struct PlainTextRenderer: Sendable {
    public init() {}

    public func render(_ document: MarkdownDocument) -> String {
        render(document.blocks)
    }

    public func render(_ blocks: [Block]) -> String {
        blocks.compactMap(text(of:)).joined(separator: "\n\n")
    }

    private func text(of block: Block) -> String? {
        switch block.kind {
        case .paragraph(let inlines): return inlines.plainText
        case .heading(let heading): return heading.inlines.plainText
        case .list(let list): return text(of: list)
        case .blockQuote(let blocks): return nonEmpty(render(blocks))
        case .codeBlock(_, let code): return code.hasSuffix("\n") ? String(code.dropLast()) : code
        case .table(let table):
            return ([table.header] + table.rows)
                .map { $0.cells.map(\.plainText).joined(separator: " | ") }
                .joined(separator: "\n")
        case .thematicBreak, .html: return nil
        }
    }

    private func text(of list: List) -> String {
        var items: [String] = []
        for (index, item) in list.items.enumerated() {
            var marker = list.ordered ? "\(list.start + index). " : "- "
            if let checked = item.checked { marker += checked ? "[x] " : "[ ] " }
            let body = item.blocks.compactMap(text(of:)).joined(separator: list.tight ? "\n" : "\n\n")
            let indent = String(repeating: " ", count: list.ordered ? "\(list.start + index). ".count : 2)
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
            let indented = lines.enumerated().map { number, line in
                number == 0 ? marker + line : (line.isEmpty ? "" : indent + line)
            }
            items.append(indented.joined(separator: "\n"))
        }
        return items.joined(separator: list.tight ? "\n" : "\n\n")
    }

    private func nonEmpty(_ text: String) -> String? {
        text.isEmpty ? nil : text
    }
}
