import Mustache

/// The site's templates as swift-mustache parsed them, rendered straight
/// into bytes from typed `TemplateValue` contexts.
///
/// swift-mustache stays the parser (and so the judge of syntax, standalone
/// lines and inheritance): its token tree is read once, by reflection, into
/// `Node`s. Rendering then follows swift-mustache's rules (context stack,
/// dotted names, sections over lists, booleans and values, inverted
/// sections, partials with indentation, `{{< parent}}` blocks) without its
/// per-value `Any` casts. A template using something this renderer does not
/// implement (transforms such as `{{uppercased(x)}}`, lambdas, dynamic
/// partials, another content type) makes `compile` return nil, and the site
/// is rendered by swift-mustache itself: slower, same output.
final class CompiledTemplates: @unchecked Sendable {
    final class Template {
        var nodes: [Node] = []
    }

    indirect enum Node {
        case text([UInt8])
        case variable([String], escaped: Bool)
        case section([String], Template, inverted: Bool)
        case block(String, Template, indentation: String?)
        case partial(String, indentation: String?, blocks: [String: Template]?)
    }

    private var templates: [String: Template] = [:]

    /// Reads the parsed templates; nil when one uses a feature not compiled here.
    static func compile(_ library: MustacheLibrary, names: [String]) -> CompiledTemplates? {
        let compiled = CompiledTemplates()
        for name in names {
            guard let template = library.getTemplate(named: name), let nodes = Self.template(template) else { return nil }
            compiled.templates[name] = nodes
        }
        return compiled
    }

    func has(_ name: String) -> Bool { templates[name] != nil }

    /// Renders `name` with `context`, appending UTF-8 to `out`.
    func render(_ name: String, _ context: TemplateObject, into out: inout [UInt8]) {
        guard let template = templates[name] else { return }
        var renderer = Renderer(templates: templates, stack: [.object(context)])
        renderer.render(template, indentation: nil, blocks: nil, into: &out)
    }

    // MARK: Reading swift-mustache's tokens

    private static func template(_ template: MustacheTemplate) -> Template? {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value else { return nil }
        let result = Template()
        for token in Mirror(reflecting: tokens).children {
            guard let node = Self.node(token.value) else {
                if Self.isContentType(token.value) { continue }
                return nil
            }
            result.nodes.append(node)
        }
        return result
    }

    private static func isContentType(_ token: Any) -> Bool {
        guard let child = Mirror(reflecting: token).children.first, child.label == "contentType" else { return false }
        return child.value is FastHTMLContentType
    }

    private static func node(_ token: Any) -> Node? {
        guard let child = Mirror(reflecting: token).children.first, let label = child.label else { return nil }
        let fields = Mirror(reflecting: child.value).children.map(\.value)
        func field(_ index: Int) -> Any? { index < fields.count ? fields[index] : nil }
        func noTransforms(_ value: Any?) -> Bool { (value as? [String])?.isEmpty ?? false }
        func names(_ value: Any?) -> [String]? {
            // `.`, `name`, `a.b`, `.name` (current value only); nothing else.
            guard let name = value as? String, !name.isEmpty else { return nil }
            if name == "." { return ["."] }
            let path = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            return path.dropFirst().contains("") ? nil : path
        }
        switch label {
        case "text":
            guard let text = child.value as? String else { return nil }
            return .text(Array(text.utf8))
        case "variable", "unescapedVariable":
            guard let path = names(field(0)), noTransforms(field(1)) else { return nil }
            return .variable(path, escaped: label == "variable")
        case "section", "invertedSection":
            guard let path = names(field(0)), noTransforms(field(1)),
                  let body = field(2) as? MustacheTemplate, let compiled = template(body) else { return nil }
            return .section(path, compiled, inverted: label == "invertedSection")
        case "blockExpansion":
            guard let name = field(0) as? String, let body = field(1) as? MustacheTemplate, let compiled = template(body) else { return nil }
            return .block(name, compiled, indentation: field(2) as? String)
        case "partial":
            guard let name = field(0) as? String else { return nil }
            var blocks: [String: Template]?
            if let inherits = field(2) as? [String: MustacheTemplate] {
                var compiledBlocks: [String: Template] = [:]
                for (block, body) in inherits {
                    guard let compiled = template(body) else { return nil }
                    compiledBlocks[block] = compiled
                }
                blocks = compiledBlocks
            } else if let inherits = field(2), Mirror(reflecting: inherits).displayStyle == .optional,
                      Mirror(reflecting: inherits).children.isEmpty == false {
                return nil
            }
            return .partial(name, indentation: field(1) as? String, blocks: blocks)
        default:
            return nil
        }
    }

    // MARK: Rendering

    /// The site templates' HTML escaping (`FastHTMLContentType` uses it too): `& < > " '`.
    static func escape(_ text: String, into out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case 0x27: out.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            default: out.append(byte)
            }
        }
    }

    private struct Renderer {
        let templates: [String: Template]
        var stack: [TemplateValue]

        mutating func render(_ template: Template, indentation: String?, blocks: [String: Template]?, into out: inout [UInt8]) {
            if let indentation, !indentation.isEmpty {
                // swift-mustache indents every token that starts a line of this template's output.
                let start = out.count
                for node in template.nodes {
                    var piece: [UInt8] = []
                    render(node, indentation: indentation, blocks: blocks, into: &piece)
                    if !piece.isEmpty, out.count > start, out.last == 0x0A { out.append(contentsOf: indentation.utf8) }
                    out.append(contentsOf: piece)
                }
            } else {
                for node in template.nodes { render(node, indentation: indentation, blocks: blocks, into: &out) }
            }
        }

        mutating func render(_ node: Node, indentation: String?, blocks: [String: Template]?, into out: inout [UInt8]) {
            switch node {
            case .text(let bytes):
                out.append(contentsOf: bytes)
            case .variable(let path, let escaped):
                guard let value = lookup(path) else { return }
                switch value {
                case .string(let text): escaped ? CompiledTemplates.escape(text, into: &out) : out.append(contentsOf: text.utf8)
                case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
                case .int(let number): out.append(contentsOf: String(number).utf8)
                case .list, .object: break
                }
            case .section(let path, let body, let inverted):
                let value = lookup(path)
                if inverted {
                    switch value {
                    case .list(let items)?: if items.isEmpty { withPushed(value!) { $0.render(body, indentation: indentation, blocks: blocks, into: &out) } }
                    case .bool(let flag)?: if !flag { render(body, indentation: indentation, blocks: blocks, into: &out) }
                    case nil: render(body, indentation: indentation, blocks: blocks, into: &out)
                    default: break
                    }
                    return
                }
                switch value {
                case .list(let items)?:
                    for item in items { withPushed(item) { $0.render(body, indentation: indentation, blocks: blocks, into: &out) } }
                case .bool(let flag)?:
                    if flag { render(body, indentation: indentation, blocks: blocks, into: &out) }
                case let value?:
                    withPushed(value) { $0.render(body, indentation: indentation, blocks: blocks, into: &out) }
                case nil:
                    break
                }
            case .block(let name, let body, let indented):
                let inner = Self.indent(indentation, indented)
                render(blocks?[name] ?? body, indentation: inner, blocks: blocks, into: &out)
            case .partial(let name, let indented, let overrides):
                guard let template = templates[name] else { return }
                var merged = blocks
                if let overrides {
                    merged = blocks.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
                }
                render(template, indentation: Self.indent(indentation, indented), blocks: merged, into: &out)
            }
        }

        private static func indent(_ outer: String?, _ inner: String?) -> String? {
            guard let inner else { return outer }
            return (outer ?? "") + inner
        }

        private mutating func withPushed(_ value: TemplateValue, _ body: (inout Renderer) -> Void) {
            stack.append(value)
            body(&self)
            stack.removeLast()
        }

        /// swift-mustache's lookup: `.` is the current value; `.name` only
        /// in the current value; otherwise the first name up the stack, the
        /// rest inside what it found.
        private func lookup(_ path: [String]) -> TemplateValue? {
            if path.count == 1, path[0] == "." { return stack.last }
            var found: TemplateValue?
            if path[0].isEmpty {
                found = stack.last
            } else {
                for value in stack.reversed() {
                    if case .object(let object) = value, let child = object.child(path[0]) { found = child; break }
                }
                guard found != nil else { return nil }
            }
            for name in path.dropFirst() {
                guard case .object(let object)? = found, let child = object.child(name) else { return nil }
                found = child
            }
            return found
        }
    }
}
