import CCmarkGFM
import Foundation
import Synchronization

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
        let pruned = prune(root, source: source)
        let converted = CmarkConverter(source: source, extensions: extensions).document(root)
        guard let pruned else { return converted }
        return MarkdownDocument(blocks: converted.blocks, problems: [pruned] + converted.problems)
    }

    /// The most block and inline containers one inside another that the
    /// tree keeps (a real page needs a handful). Deeper nesting (200 KB of
    /// `- - - …` is 100,000 lists) would exhaust the stack of the recursive
    /// walks that follow; it is cut here, and reported.
    public static let maximumDepth = 64

    /// Removes every node nested deeper than `maximumDepth` (walking
    /// iteratively), and returns the problem to report, at the first one.
    private static func prune(_ root: OpaquePointer, source: SourceMap) -> MarkdownProblem? {
        guard let iterator = cmark_iter_new(root) else { return nil }
        defer { cmark_iter_free(iterator) }
        var depth = 0
        var tooDeep: [OpaquePointer] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard let node = cmark_iter_get_node(iterator), node != root else { continue }
            let isLeaf = !isContainer(node)
            if event == CMARK_EVENT_ENTER {
                if depth >= maximumDepth {
                    tooDeep.append(node)
                    // Skip its subtree: it goes whole.
                    cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                    continue
                }
                if !isLeaf { depth += 1 }
            } else if event == CMARK_EVENT_EXIT {
                depth -= 1
            }
        }
        guard let first = tooDeep.first else { return nil }
        // The whole line where the cut starts (cmark's columns for items nested on one line are unreliable).
        let line = max(Int(cmark_node_get_start_line(first)), 1)
        let range = source.range(
            line: line, offset: source.lineStart(line), endLine: line, endOffset: source.lineEnd(line))
        for node in tooDeep {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        return MarkdownProblem(
            kind: .tooDeep, range: range,
            message: "lists, quotes or emphasis are nested more than \(maximumDepth) deep; what is deeper is left out")
    }

    /// Nodes that can hold others (the iterator reports them with an exit event, even when empty).
    private static func isContainer(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
            CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
            return false
        default:
            return true
        }
    }
}

/// The GitHub syntax extensions, registered once per process.
///
/// cmark-gfm 0.29.0.gfm.6 keeps the inline parser's table of special
/// characters in a global that `cmark_parser_finish` changes (adding the
/// extensions' characters, then removing them) on every parse, so finishing
/// is serialised; block parsing and conversion to Swift run in parallel.
///
/// `@unchecked Sendable` because it holds C pointers, which Swift does not
/// know as Sendable: the extension objects are registered once, never change,
/// and cmark-gfm only reads them while parsing.
final class CmarkExtensions: @unchecked Sendable {
    static let shared = CmarkExtensions()

    let table: OpaquePointer?
    let tasklist: OpaquePointer?
    let all: [OpaquePointer]
    private let finishing = Mutex(())

    private init() {
        cmark_gfm_core_extensions_ensure_registered()
        table = cmark_find_syntax_extension("table")
        tasklist = cmark_find_syntax_extension("tasklist")
        let names = ["table", "autolink", "strikethrough", "tasklist"]
        all = names.compactMap { name in name.withCString { cmark_find_syntax_extension($0) } }
    }

    func finish(_ parser: OpaquePointer) -> OpaquePointer? {
        var document: OpaquePointer?
        finishing.withLock { _ in document = cmark_parser_finish(parser) }
        return document
    }
}
