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
        CmarkArena.begin()
        // Runs last: the parser and tree are freed (into the arena) before it is emptied.
        defer { CmarkArena.end() }
        guard let parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, CmarkArena.memory) else {
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

/// cmark's memory during one `MarkdownParser.parse`: bump-allocated from
/// chunks kept per thread, all released together when the parse ends.
///
/// cmark allocates and frees many small blocks (a node, a buffer, a copy of
/// each literal); through malloc that was about a third of parsing. Every
/// block cmark allocates for a parse (parser, nodes, buffers, literals it
/// returns) is freed or dead once `parse` has converted the tree, so `free`
/// does nothing and `end` empties the arena. `realloc` grows the last block
/// in place when it can, else copies. Each block is 16-byte aligned with its
/// size in the 16 bytes before it.
enum CmarkArena {
    /// One thread's chunks: the current one first, each linking to the one before.
    struct State {
        var chunk: UnsafeMutableRawPointer?
        var used = 0
        var size = 0
        /// Parses under way on this thread (the arena empties when the outermost ends).
        var depth = 0
    }

    static let chunkSize = 64 * 1024
    static let header = 16

    /// The allocator handed to cmark (it keeps the pointer).
    nonisolated(unsafe) static let memory: UnsafeMutablePointer<cmark_mem> = {
        let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        memory.initialize(to: cmark_mem(
            calloc: { count, size in
                let (total, overflow) = count.multipliedReportingOverflow(by: size)
                guard !overflow, let block = CmarkArena.allocate(total) else { return nil }
                memset(block, 0, total)
                return block
            },
            realloc: { block, size in CmarkArena.reallocate(block, size) },
            free: { _ in }))
        return memory
    }()

    /// The calling thread's arena (`pthread` keys: every thread parses with its own).
    static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { state in
            guard let state else { return }
            let typed = state.assumingMemoryBound(to: State.self)
            CmarkArena.release(typed, keepingOne: false)
            typed.deallocate()
        }
        return key
    }()

    static func state() -> UnsafeMutablePointer<State> {
        if let existing = pthread_getspecific(key) { return existing.assumingMemoryBound(to: State.self) }
        let state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State())
        pthread_setspecific(key, state)
        return state
    }

    static func begin() { state().pointee.depth += 1 }

    /// Empties the calling thread's arena, keeping one chunk for the next parse.
    static func end() {
        let state = self.state()
        state.pointee.depth -= 1
        if state.pointee.depth == 0 { release(state, keepingOne: true) }
    }

    private static func release(_ state: UnsafeMutablePointer<State>, keepingOne: Bool) {
        var chunk = state.pointee.chunk
        var kept: UnsafeMutableRawPointer?
        while let current = chunk {
            chunk = current.load(as: UnsafeMutableRawPointer?.self)
            // The oldest chunk is always a standard one (big blocks get their own, linked behind the current).
            if keepingOne, chunk == nil {
                kept = current
            } else {
                Foundation.free(current)
            }
        }
        if let kept {
            kept.storeBytes(of: nil, as: UnsafeMutableRawPointer?.self)
            state.pointee = State(chunk: kept, used: header, size: chunkSize, depth: state.pointee.depth)
        } else {
            state.pointee = State(depth: state.pointee.depth)
        }
    }

    static func allocate(_ count: Int) -> UnsafeMutableRawPointer? {
        let state = self.state()
        let size = (max(count, 1) + 15) & ~15
        if size > chunkSize / 4 {
            // A big block: a chunk of its own, linked behind the current one.
            guard let own = malloc(header + header + size) else { return nil }
            if state.pointee.chunk == nil, !newChunk(state) { Foundation.free(own); return nil }
            let current = state.pointee.chunk!
            own.storeBytes(of: current.load(as: UnsafeMutableRawPointer?.self), as: UnsafeMutableRawPointer?.self)
            current.storeBytes(of: own, as: UnsafeMutableRawPointer?.self)
            (own + header).storeBytes(of: size, as: Int.self)
            return own + header + header
        }
        if state.pointee.chunk == nil || state.pointee.used + header + size > state.pointee.size {
            guard newChunk(state) else { return nil }
        }
        let at = state.pointee.chunk! + state.pointee.used
        at.storeBytes(of: size, as: Int.self)
        state.pointee.used += header + size
        return at + header
    }

    private static func newChunk(_ state: UnsafeMutablePointer<State>) -> Bool {
        guard let chunk = malloc(chunkSize) else { return false }
        chunk.storeBytes(of: state.pointee.chunk, as: UnsafeMutableRawPointer?.self)
        state.pointee.chunk = chunk
        state.pointee.used = header
        state.pointee.size = chunkSize
        return true
    }

    static func reallocate(_ block: UnsafeMutableRawPointer?, _ count: Int) -> UnsafeMutableRawPointer? {
        guard let block else { return allocate(count) }
        let old = (block - header).load(as: Int.self)
        if count <= old { return block }
        let state = self.state()
        let size = (count + 15) & ~15
        // The last block of the current chunk grows where it is when there is room.
        if let chunk = state.pointee.chunk, block == chunk + state.pointee.used - old,
           state.pointee.used - old + size <= state.pointee.size, size <= chunkSize / 4 {
            (block - header).storeBytes(of: size, as: Int.self)
            state.pointee.used += size - old
            return block
        }
        guard let moved = allocate(count) else { return nil }
        moved.copyMemory(from: block, byteCount: old)
        return moved
    }
}
