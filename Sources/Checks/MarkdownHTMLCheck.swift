import Diagnostics
import GuideModel

/// Raw HTML in a body is never passed through; say so where it is written.
/// Tags on one line (`<b>who</b>`) are one mistake and give one diagnostic,
/// covering them all.
struct MarkdownHTMLCheck: Check {
    func check(_ entry: EntryFiles, in context: CheckContext) -> [Diagnostic] {
        entry.files.flatMap { file in
            var ranges: [SourceRange] = []
            for html in file.body.rawHTML {
                if let last = ranges.last, last.start.line == html.range.start.line {
                    ranges[ranges.count - 1] = SourceRange(start: last.start, end: max(last.end, html.range.end))
                } else {
                    ranges.append(html.range)
                }
            }
            return ranges.map { range in
                Diagnostic.warning("markdown.html", file: file.path, at: range,
                                   "raw HTML is not allowed and is left out of every output",
                                   help: "use Markdown instead (links, emphasis, lists, tables)")
            }
        }
    }
}
