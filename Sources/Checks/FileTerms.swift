import Diagnostics
import GuideModel
import Markdown

/// The termbase terms of one language found in one entry file, each at its
/// exact span: in the translatable front-matter values (read in the file's
/// own YAML text, so positions are exact even in quoted or folded values)
/// and in the Markdown body's prose.
struct FileTerms {
    /// Where in the file a term was found.
    enum Place: Hashable {
        case field(String)
        /// A top-level block of the body, by index.
        case block(Int)
    }

    struct Found {
        var place: Place
        var occurrence: TermMatcher.Occurrence
    }

    let found: [Found]

    /// `fields`: the front-matter fields to look in (string values only).
    init(_ file: EntryFile, matcher: TermMatcher, fields: Set<String>) {
        var found: [Found] = []
        let lines = file.frontMatterText.split(separator: "\n", omittingEmptySubsequences: false)
        for key in fields.sorted() where file.frontMatter[key]?.stringValue != nil {
            guard let range = file.positions.place([key])?.value,
                let text = Self.text(of: range, in: lines)
            else { continue }
            for occurrence in matcher.occurrences(inPlainText: text, line: range.start.line, column: range.start.column)
            {
                found.append(Found(place: .field(key), occurrence: occurrence))
            }
        }
        let blocks = file.body.blocks
        let words = WordScanner.words(
            in: file.bodyText, line: file.bodyLine, column: 1, markdown: true,
            excludedLines: Self.codeLines(blocks))
        var block = 0
        for occurrence in matcher.occurrences(in: words) {
            // Occurrences come in text order, so the block index only moves forward.
            while block + 1 < blocks.count, blocks[block + 1].range.start <= occurrence.range.start { block += 1 }
            found.append(Found(place: .block(block), occurrence: occurrence))
        }
        self.found = found
    }

    /// The text a value range covers in the front matter's lines (the YAML's
    /// line 1 is the file's line 2), or nil when the range is not inside them.
    static func text(of range: SourceRange, in lines: [Substring]) -> String? {
        let first = range.start.line - 2
        let last = range.end.line - 2
        guard first >= 0, last < lines.count, first <= last else { return nil }
        var out = ""
        for index in first...last {
            let scalars = Array(lines[index].unicodeScalars)
            let from = index == first ? min(max(range.start.column - 1, 0), scalars.count) : 0
            let to = index == last ? min(max(range.end.column - 1, from), scalars.count) : scalars.count
            out.unicodeScalars.append(contentsOf: scalars[from..<to])
            if index != last { out += "\n" }
        }
        return out
    }

    /// Lines of code and HTML blocks, anywhere in the body: not prose.
    static func codeLines(_ blocks: [Block]) -> Set<Int> {
        var lines: Set<Int> = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .codeBlock, .html:
                    lines.formUnion(block.range.start.line...max(block.range.start.line, block.range.end.line))
                case .blockQuote(let inner): visit(inner)
                case .list(let list): for item in list.items { visit(item.blocks) }
                default: break
                }
            }
        }
        visit(blocks)
        return lines
    }
}
