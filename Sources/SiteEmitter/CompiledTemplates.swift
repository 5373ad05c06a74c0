import Foundation
import Markdown
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

    /// Renders `name` with `context` like `render`, reusing what the values
    /// of `shared` make identical on many pages (a language's page chrome).
    ///
    /// The first page with some shared values (equal by value) gets a plan:
    /// the template with partials and blocks inlined, every piece whose
    /// output depends only on the shared values rendered once to bytes, the
    /// rest kept as nodes rendered per page. Which names a page sets is read
    /// from that first page; names it lacks are assumed absent and the plan
    /// is used only for pages that lack them too (others get their own plan,
    /// or are rendered in full). Same bytes as `render`.
    func render(_ name: String, _ context: TemplateObject, shared: [String], into out: inout [UInt8]) {
        guard let template = templates[name] else { return }
        var values: [TemplateValue?] = []
        values.reserveCapacity(shared.count)
        var hasher = Hasher()
        hasher.combine(name)
        for key in shared {
            let value = context.values[key]
            values.append(value)
            guard let value else { continue }
            hasher.combine(key)
            value.fingerprint(into: &hasher)
        }
        let sharedValues = SharedValues(names: shared, values: values)
        let key = hasher.finalize()
        if let plan = plans.plan(key, shared: sharedValues, page: context) ?? makePlan(template, key: key, shared: sharedValues, page: context) {
            var renderer = Renderer(templates: templates, stack: [.object(context)])
            for piece in plan.pieces {
                switch piece {
                case .bytes(let bytes): out.append(contentsOf: bytes)
                case .node(let node, let indentation, let blocks): renderer.render(node, indentation: indentation, blocks: blocks, into: &out)
                }
            }
        } else {
            render(name, context, into: &out)
        }
    }

    // MARK: Plans

    /// A template with what is the same on many pages rendered once.
    final class Plan: @unchecked Sendable {
        enum Piece {
            case bytes([UInt8])
            case node(Node, indentation: String?, blocks: [String: Template]?)
        }

        let shared: SharedValues
        /// Names a page must not set for the plan to apply.
        let absent: [String]
        let pieces: [Piece]

        init(shared: SharedValues, absent: [String], pieces: [Piece]) {
            self.shared = shared
            self.absent = absent
            self.pieces = pieces
        }

        func applies(shared values: SharedValues, page: TemplateObject) -> Bool {
            guard values.names == shared.names else { return false }
            for index in values.values.indices {
                switch (values.values[index], shared.values[index]) {
                case (nil, nil): continue
                case (let value?, let own?): if !own.isSame(as: value) { return false }
                default: return false
                }
            }
            return !absent.contains { page.values[$0] != nil }
        }
    }

    /// A page's values of the shared names (nil where it has none), in the names' order.
    struct SharedValues {
        let names: [String]
        let values: [TemplateValue?]

        var dictionary: [String: TemplateValue] {
            var result: [String: TemplateValue] = [:]
            for (name, value) in zip(names, values) { if let value { result[name] = value } }
            return result
        }
    }

    /// Plans by template and shared values' fingerprint, a few per key.
    final class Plans: @unchecked Sendable {
        static let perKey = 16
        static let total = 1024
        private let lock = NSLock()
        private var byKey: [Int: [Plan]] = [:]
        private var count = 0

        func plan(_ key: Int, shared: SharedValues, page: TemplateObject) -> Plan? {
            lock.lock()
            let candidates = byKey[key] ?? []
            lock.unlock()
            return candidates.first { $0.applies(shared: shared, page: page) }
        }

        /// Adds `plan` unless the key has enough; whether it may be used.
        func add(_ plan: Plan, key: Int) -> Bool {
            lock.lock(); defer { lock.unlock() }
            guard count < Self.total, byKey[key, default: []].count < Self.perKey else { return false }
            byKey[key, default: []].append(plan)
            count += 1
            return true
        }
    }

    private let plans = Plans()

    private func makePlan(_ template: Template, key: Int, shared: SharedValues, page: TemplateObject) -> Plan? {
        let probe = Probe(shared: TemplateObject(shared.dictionary), page: page)
        var pieces: [Plan.Piece] = []
        planNodes(template.nodes, indentation: nil, blocks: nil, probe: probe, into: &pieces)
        let plan = Plan(shared: shared, absent: probe.absent.sorted(), pieces: pieces)
        // The page it was made from must be one it applies to.
        guard plan.applies(shared: shared, page: page), plans.add(plan, key: key) else { return nil }
        return plan
    }

    /// Appends the pieces of `nodes` rendered with `indentation` and `blocks`.
    private func planNodes(_ nodes: [Node], indentation: String?, blocks: [String: Template]?, probe: Probe,
                           into pieces: inout [Plan.Piece]) {
        func add(_ bytes: [UInt8]) {
            guard !bytes.isEmpty else { return }
            if case .bytes(let previous)? = pieces.last {
                pieces[pieces.count - 1] = .bytes(previous + bytes)
            } else {
                pieces.append(.bytes(bytes))
            }
        }
        let flat = indentation?.isEmpty ?? true
        for node in nodes {
            switch node {
            case .partial(let name, let indented, let overrides) where flat && (indented?.isEmpty ?? true):
                guard let template = templates[name] else { continue }
                var merged = blocks
                if let overrides {
                    merged = blocks.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
                }
                planNodes(template.nodes, indentation: Renderer.indent(indentation, indented), blocks: merged, probe: probe, into: &pieces)
                continue
            case .block(let name, let body, let indented) where flat && (indented?.isEmpty ?? true):
                planNodes((blocks?[name] ?? body).nodes, indentation: Renderer.indent(indentation, indented), blocks: blocks,
                          probe: probe, into: &pieces)
                continue
            case .section(let path, let body, let inverted) where flat:
                // A section on a shared or absent flag: its body's pieces, or nothing.
                let found = probe.evaluate(path)
                if !found.dynamic {
                    var shows: Bool?
                    switch found.value {
                    case nil: shows = inverted
                    case .bool(let flag)?: shows = inverted ? !flag : flag
                    default: shows = nil
                    }
                    if let shows {
                        probe.commit(found.absent)
                        if shows { planNodes(body.nodes, indentation: indentation, blocks: blocks, probe: probe, into: &pieces) }
                        continue
                    }
                }
            default:
                break
            }
            if let bytes = probe.render(node, indentation: indentation, blocks: blocks, templates: templates) {
                add(bytes)
            } else {
                pieces.append(.node(node, indentation: indentation, blocks: blocks))
            }
        }
    }

    /// Renders pieces of a plan with only the shared values, noting what
    /// else they read: a name the first page sets makes the piece per-page;
    /// a name it lacks is assumed absent (and checked on every page).
    final class Probe {
        let shared: TemplateObject
        let page: TemplateObject
        private(set) var absent: Set<String> = []
        /// While rendering one piece.
        var pending: Set<String> = []
        var dynamic = false

        init(shared: TemplateObject, page: TemplateObject) {
            self.shared = shared
            self.page = page
        }

        /// A name looked up in the page's own context (the bottom of the stack).
        func root(_ name: String) -> TemplateValue? {
            if let value = shared.values[name] { return value }
            if page.values[name] != nil { dynamic = true; return nil }
            pending.insert(name)
            guard name.utf8.count > 4, name.hasPrefix("has_") else { return nil }
            let base = String(name.dropFirst(4))
            if let value = shared.values[base] {
                switch value {
                case .string(let text): return .bool(!text.isEmpty)
                case .list(let items): return .bool(!items.isEmpty)
                default: return nil
                }
            }
            if page.values[base] != nil { dynamic = true; return nil }
            pending.insert(base)
            return nil
        }

        /// A section's value at the top of the page: shared, absent, or dynamic.
        func evaluate(_ path: [String]) -> (value: TemplateValue?, dynamic: Bool, absent: Set<String>) {
            pending = []
            dynamic = false
            guard !path[0].isEmpty, path[0] != "." else { return (nil, true, []) }
            var found = root(path[0])
            for name in path.dropFirst() {
                guard case .object(let object)? = found else { found = nil; break }
                found = object.child(name)
            }
            let result = (found, dynamic, pending)
            pending = []
            dynamic = false
            return result
        }

        func commit(_ names: Set<String>) { absent.formUnion(names) }

        /// The node's bytes when they depend on shared values only.
        func render(_ node: Node, indentation: String?, blocks: [String: Template]?, templates: [String: Template]) -> [UInt8]? {
            pending = []
            dynamic = false
            var renderer = Renderer(templates: templates, stack: [.object(shared)], probe: self)
            var bytes: [UInt8] = []
            renderer.render(node, indentation: indentation, blocks: blocks, into: &bytes)
            defer { pending = []; dynamic = false }
            guard !dynamic else { return nil }
            absent.formUnion(pending)
            return bytes
        }
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
        HTMLEscaping.escape(text, into: &out, apostrophe: true)
    }

    private struct Renderer {
        let templates: [String: Template]
        var stack: [TemplateValue]
        /// Set while making a plan: lookups that reach the page's context go to it.
        var probe: Probe?

        init(templates: [String: Template], stack: [TemplateValue], probe: Probe? = nil) {
            self.templates = templates
            self.stack = stack
            self.probe = probe
        }

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

        static func indent(_ outer: String?, _ inner: String?) -> String? {
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
            if let probe, stack.count == 1, path[0] == "." || path[0].isEmpty {
                probe.dynamic = true
                return nil
            }
            if path.count == 1, path[0] == "." { return stack.last }
            var found: TemplateValue?
            if path[0].isEmpty {
                found = stack.last
            } else {
                var index = stack.count - 1
                while index >= 0 {
                    if index == 0, let probe {
                        found = probe.root(path[0])
                        break
                    }
                    if case .object(let object) = stack[index], let child = object.child(path[0]) { found = child; break }
                    index -= 1
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
