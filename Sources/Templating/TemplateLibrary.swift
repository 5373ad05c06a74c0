/// Parsed templates by name (partials and parents name each other), rendered
/// straight into UTF-8 bytes from typed `TemplateValue` contexts.
public final class TemplateLibrary: Sendable {
    let templates: [String: Body]
    let plans = RenderPlans()

    public init(_ templates: [String: Template]) {
        self.templates = templates.mapValues(\.body)
    }

    public func has(_ name: String) -> Bool { templates[name] != nil }

    /// Renders `name` with `context` (any value: an object, or the spec's
    /// plain values and lists), appending UTF-8 to `out`. A name no
    /// template has renders nothing.
    public func render(_ name: String, _ context: TemplateValue, into out: inout [UInt8]) {
        guard let template = templates[name] else { return }
        var renderer = Renderer(templates: templates, stack: [context])
        renderer.render(template, indentation: nil, blocks: nil, into: &out)
    }

    public func render(_ name: String, _ context: TemplateObject, into out: inout [UInt8]) {
        render(name, .object(context), into: &out)
    }

    public func render(_ name: String, _ context: TemplateValue) -> String {
        var out: [UInt8] = []
        render(name, context, into: &out)
        return String(decoding: out, as: UTF8.self)
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
    public func render(_ name: String, _ context: TemplateObject, shared: [String], into out: inout [UInt8]) {
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
        guard
            let plan = plans.plan(key, shared: sharedValues, page: context)
                ?? plans.make(template, key: key, shared: sharedValues, page: context, templates: templates)
        else {
            render(name, context, into: &out)
            return
        }
        var renderer = Renderer(templates: templates, stack: [.object(context)])
        for piece in plan.pieces {
            switch piece {
            case .bytes(let bytes): out.append(contentsOf: bytes)
            case .node(let node, let indentation, let blocks):
                renderer.render(node, indentation: indentation, blocks: blocks, into: &out)
            }
        }
    }
}
