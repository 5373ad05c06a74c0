import Markdown

/// Renders parsed templates to UTF-8 bytes by the spec's rules: a context
/// stack; names looked up from the top of the stack down, the rest of a
/// dotted name inside what the first part found; sections over lists (once
/// per item), over `true` (once), over other values (once, pushed) and
/// skipped for `false`, empty lists and missing names; inverted sections the
/// other way round; partials and parents rendered in the current context,
/// indented when they stand alone; blocks showing what the nearest parent
/// passes, else their own content.
struct Renderer {
    /// Partials nested deeper than this are left out (a template that includes itself for ever).
    static let maximumDepth = 100

    let templates: [String: Body]
    var stack: [TemplateValue]
    /// Set while making a plan: lookups that reach the page's context go to it.
    var probe: PlanProbe?
    private var depth = 0

    init(templates: [String: Body], stack: [TemplateValue], probe: PlanProbe? = nil) {
        self.templates = templates
        self.stack = stack
        self.probe = probe
    }

    /// The site's HTML escaping: `& < > " '` (the apostrophe as `&#39;`).
    @inline(__always)
    static func escape(_ text: String, into out: inout [UInt8]) {
        HTMLEscaping.escape(text, into: &out, apostrophe: true)
    }

    mutating func render(_ body: Body, indentation: String?, blocks: [String: Body]?, into out: inout [UInt8]) {
        for node in body.nodes { render(node, indentation: indentation, blocks: blocks, into: &out) }
    }

    mutating func render(_ node: Node, indentation: String?, blocks: [String: Body]?, into out: inout [UInt8]) {
        switch node {
        case .text(let bytes):
            if let indentation, !indentation.isEmpty {
                Self.indented(bytes, indentation, into: &out)
            } else {
                out.append(contentsOf: bytes)
            }
        case .lineStart:
            if let indentation { out.append(contentsOf: indentation.utf8) }
        case .variable(let path, let escaped):
            guard let value = lookup(path) else { return }
            switch value {
            case .string(let text): escaped ? Self.escape(text, into: &out) : out.append(contentsOf: text.utf8)
            case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
            case .int(let number): out.append(contentsOf: String(number).utf8)
            case .decimal(let number): out.append(contentsOf: String(number).utf8)
            case .list, .object: break
            }
        case .section(let path, let body, let inverted):
            let value = lookup(path)
            if inverted {
                switch value {
                case .list(let items)?:
                    if items.isEmpty { render(body, indentation: indentation, blocks: blocks, into: &out) }
                case .bool(let flag)?: if !flag { render(body, indentation: indentation, blocks: blocks, into: &out) }
                case nil: render(body, indentation: indentation, blocks: blocks, into: &out)
                default: break
                }
                return
            }
            switch value {
            case .list(let items)?:
                for item in items {
                    withPushed(item) { $0.render(body, indentation: indentation, blocks: blocks, into: &out) }
                }
            case .bool(let flag)?:
                if flag { render(body, indentation: indentation, blocks: blocks, into: &out) }
            case let value?:
                withPushed(value) { $0.render(body, indentation: indentation, blocks: blocks, into: &out) }
            case nil:
                break
            }
        case .block(let name, let body, let own):
            render(blocks?[name] ?? body, indentation: Self.indent(indentation, own), blocks: blocks, into: &out)
        case .partial(let name, let own, let overrides):
            guard let template = templates[name], depth < Self.maximumDepth else { return }
            depth += 1
            render(
                template, indentation: Self.indent(indentation, own), blocks: Self.merge(blocks, overrides), into: &out)
            depth -= 1
        }
    }

    /// `bytes` with `indentation` after every line end that more bytes follow.
    static func indented(_ bytes: [UInt8], _ indentation: String, into out: inout [UInt8]) {
        var run = 0
        for index in bytes.indices where bytes[index] == 0x0A && index + 1 < bytes.count {
            out.append(contentsOf: bytes[run...index])
            out.append(contentsOf: indentation.utf8)
            run = index + 1
        }
        out.append(contentsOf: bytes[run...])
    }

    /// The indentation inside a partial or block: the outer one, then its own.
    static func indent(_ outer: String?, _ inner: String?) -> String? {
        guard let inner else { return outer }
        return (outer ?? "") + inner
    }

    /// The blocks a parent's template sees: those passed from further out
    /// win over the parent's own (the outermost template has the last word).
    static func merge(_ outer: [String: Body]?, _ overrides: [String: Body]?) -> [String: Body]? {
        guard let overrides else { return outer }
        return outer.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
    }

    private mutating func withPushed(_ value: TemplateValue, _ body: (inout Renderer) -> Void) {
        stack.append(value)
        body(&self)
        stack.removeLast()
    }

    /// `.` is the top of the stack; otherwise the first part of the name is
    /// looked up from the top down, the rest inside what it found.
    private func lookup(_ path: [String]) -> TemplateValue? {
        if path[0] == "." {
            if let probe, stack.count == 1 {
                probe.dynamic = true
                return nil
            }
            return stack.last
        }
        var found: TemplateValue?
        var index = stack.count - 1
        while index >= 0 {
            if index == 0, let probe {
                found = probe.root(path[0])
                break
            }
            if case .object(let object) = stack[index], let child = object.child(path[0]) {
                found = child
                break
            }
            index -= 1
        }
        guard var found else { return nil }
        for name in path.dropFirst() {
            guard case .object(let object) = found, let child = object.child(name) else { return nil }
            found = child
        }
        return found
    }
}
