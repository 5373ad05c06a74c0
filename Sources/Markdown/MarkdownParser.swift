import CCmarkGFM
import Foundation

/// Parses CommonMark with the GitHub extensions (tables, autolinks,
/// strikethrough, task lists) into a `MarkdownDocument`. Safe to call from
/// many threads at once.
public enum MarkdownParser {
    /// Parses a Markdown body. `lineOffset` is added to every line number so
    /// positions are positions in the file the body was cut from (the body
    /// follows front matter). Raw HTML stays in the tree as `.html` nodes.
    public static func parse(_ text: String, lineOffset: Int = 0) -> MarkdownDocument {
        let source = SourceMap(bytes: Array(text.utf8), lineOffset: lineOffset)
        let extensions = CmarkExtensions.shared
        // cmark's own allocator: the parser, its buffers and the tree are freed below.
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else {
            return MarkdownDocument(blocks: [])
        }
        defer { cmark_parser_free(parser) }
        for syntax in extensions.all { cmark_parser_attach_syntax_extension(parser, syntax) }
        source.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let root = extensions.finish(parser) else { return MarkdownDocument(blocks: []) }
        defer { cmark_node_free(root) }
        return CmarkConverter(source: source, extensions: extensions).document(root)
    }
}

/// The GitHub syntax extensions, registered once per process.
///
/// cmark-gfm 0.29.0.gfm.6 keeps the inline parser's table of special
/// characters in a global that `cmark_parser_finish` changes (adding the
/// extensions' characters, then removing them) on every parse, so finishing
/// is serialised; block parsing and conversion to Swift run in parallel.
final class CmarkExtensions: @unchecked Sendable {
    static let shared = CmarkExtensions()

    let table: OpaquePointer?
    let tasklist: OpaquePointer?
    let all: [OpaquePointer]
    private let finishLock = NSLock()

    private init() {
        cmark_gfm_core_extensions_ensure_registered()
        table = cmark_find_syntax_extension("table")
        tasklist = cmark_find_syntax_extension("tasklist")
        let names = ["table", "autolink", "strikethrough", "tasklist"]
        all = names.compactMap { name in name.withCString { cmark_find_syntax_extension($0) } }
    }

    func finish(_ parser: OpaquePointer) -> OpaquePointer? {
        finishLock.lock()
        defer { finishLock.unlock() }
        return cmark_parser_finish(parser)
    }
}
