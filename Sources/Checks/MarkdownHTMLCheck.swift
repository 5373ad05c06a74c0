import Diagnostics
import GuideModel

/// Raw HTML in a body is never passed through; say so where it is written.
struct MarkdownHTMLCheck: Check {
    func run(_ context: CheckContext) -> [Diagnostic] {
        context.allFiles.flatMap { file in
            file.body.rawHTML.map { html in
                Diagnostic.warning("markdown.html", file: file.path, at: html.range,
                                   "raw HTML is not allowed and is left out of every output",
                                   help: "use Markdown instead (links, emphasis, lists, tables)")
            }
        }
    }
}
