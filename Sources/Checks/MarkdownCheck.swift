import Diagnostics
import GuideModel

/// Markdown the outputs cannot carry whole. Raw HTML in a body is never
/// passed through; say so where it is written. Tags on one line
/// (`<b>who</b>`) are one mistake and give one diagnostic, covering them
/// all. Nesting deeper than the parser keeps is cut, and said so where it
/// starts.
struct MarkdownCheck: Check {
    func check(_ entry: EntryFiles, in context: CheckContext) -> [Diagnostic] {
        let tooDeep = entry.files.flatMap { file in
            file.body.problems.filter { $0.kind == .tooDeep }.map { problem in
                Diagnostic.error(
                    "markdown.too-deep", file: file.path, at: problem.range, problem.message,
                    help: "a page needs only a few levels of lists and quotes: check the indentation and markers")
            }
        }
        return tooDeep
            + entry.files.flatMap { file in
                var ranges: [SourceRange] = []
                for html in file.body.rawHTML {
                    if let last = ranges.last, last.start.line == html.range.start.line {
                        ranges[ranges.count - 1] = SourceRange(start: last.start, end: max(last.end, html.range.end))
                    } else {
                        ranges.append(html.range)
                    }
                }
                return ranges.map { range in
                    Diagnostic.warning(
                        "markdown.html", file: file.path, at: range,
                        "raw HTML is not allowed and is left out of every output",
                        help: "use Markdown instead (links, emphasis, lists, tables)")
                }
            }
    }
}
