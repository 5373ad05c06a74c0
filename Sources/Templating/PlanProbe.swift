/// Makes a plan's pieces: renders what it can with only the shared values,
/// noting what else they read. A name the first page sets makes the piece
/// per-page; a name it lacks is assumed absent (and checked on every page).
final class PlanProbe {
    let shared: TemplateObject
    let page: TemplateObject
    let templates: [String: Body]
    private(set) var absent: Set<String> = []
    /// While rendering one piece.
    var pending: Set<String> = []
    var dynamic = false

    init(shared: TemplateObject, page: TemplateObject, templates: [String: Body]) {
        self.shared = shared
        self.page = page
        self.templates = templates
    }

    /// Appends the pieces of `nodes` rendered with `indentation` and `blocks`:
    /// partials and blocks without indentation inlined, sections on shared
    /// or absent flags resolved, other nodes rendered once when they read
    /// only shared values, else kept as nodes.
    func plan(
        _ nodes: [Node], indentation: String?, blocks: [String: Body]?, depth: Int,
        into pieces: inout [RenderPlan.Piece]
    ) {
        func add(_ bytes: [UInt8]) {
            guard !bytes.isEmpty else { return }
            if case .bytes(let previous)? = pieces.last {
                pieces[pieces.count - 1] = .bytes(previous + bytes)
            } else {
                pieces.append(.bytes(bytes))
            }
        }
        let flat = indentation?.isEmpty ?? true
        let inline = depth < Renderer.maximumDepth
        for node in nodes {
            switch node {
            case .partial(let name, let indented, let overrides) where flat && inline && (indented?.isEmpty ?? true):
                guard let template = templates[name] else { continue }
                plan(
                    template.nodes, indentation: Renderer.indent(indentation, indented),
                    blocks: Renderer.merge(blocks, overrides),
                    depth: depth + 1, into: &pieces)
                continue
            case .block(let name, let body, let indented) where flat && (indented?.isEmpty ?? true):
                plan(
                    (blocks?[name] ?? body).nodes, indentation: Renderer.indent(indentation, indented), blocks: blocks,
                    depth: depth, into: &pieces)
                continue
            case .section(let path, let body, let inverted) where flat:
                // A section on a shared or absent flag: its body's pieces, or nothing.
                let found = evaluate(path)
                if !found.dynamic {
                    var shows: Bool?
                    switch found.value {
                    case nil: shows = inverted
                    case .bool(let flag)?: shows = inverted ? !flag : flag
                    default: shows = nil
                    }
                    if let shows {
                        absent.formUnion(found.absent)
                        if shows {
                            plan(body.nodes, indentation: indentation, blocks: blocks, depth: depth, into: &pieces)
                        }
                        continue
                    }
                }
            default:
                break
            }
            if let bytes = render(node, indentation: indentation, blocks: blocks) {
                add(bytes)
            } else {
                pieces.append(.node(node, indentation: indentation, blocks: blocks))
            }
        }
    }

    /// A name looked up in the page's own context (the bottom of the stack).
    func root(_ name: String) -> TemplateValue? {
        if let value = shared.values[name] { return value }
        if page.values[name] != nil {
            dynamic = true
            return nil
        }
        pending.insert(name)
        guard name.utf8.count > 4, name.hasPrefix("has_") else { return nil }
        let base = String(name.dropFirst(4))
        if let value = shared.values[base] { return TemplateObject.has(value) }
        if page.values[base] != nil {
            dynamic = true
            return nil
        }
        pending.insert(base)
        return nil
    }

    /// A section's value at the top of the page: shared, absent, or dynamic.
    private func evaluate(_ path: [String]) -> (value: TemplateValue?, dynamic: Bool, absent: Set<String>) {
        pending = []
        dynamic = false
        guard path[0] != "." else { return (nil, true, []) }
        var found = root(path[0])
        for name in path.dropFirst() {
            guard case .object(let object)? = found else {
                found = nil
                break
            }
            found = object.child(name)
        }
        let result = (found, dynamic, pending)
        pending = []
        dynamic = false
        return result
    }

    /// The node's bytes when they depend on shared values only.
    private func render(_ node: Node, indentation: String?, blocks: [String: Body]?) -> [UInt8]? {
        pending = []
        dynamic = false
        var renderer = Renderer(templates: templates, stack: [.object(shared)], probe: self)
        var bytes: [UInt8] = []
        renderer.render(node, indentation: indentation, blocks: blocks, into: &bytes)
        defer {
            pending = []
            dynamic = false
        }
        guard !dynamic else { return nil }
        absent.formUnion(pending)
        return bytes
    }
}
