import Foundation
import Synchronization

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

/// A template with what is the same on many pages rendered once (see
/// `TemplateLibrary.render(_:_:shared:into:)`).
final class RenderPlan: Sendable {
    enum Piece {
        case bytes([UInt8])
        case node(Node, indentation: String?, blocks: [String: Body]?)
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

/// Plans by template and shared values' fingerprint, a few per key.
final class RenderPlans: Sendable {
    static let perKey = 16
    static let total = 1024
    private struct Kept {
        var byKey: [Int: [RenderPlan]] = [:]
        var count = 0
    }

    private let kept = Mutex(Kept())

    func plan(_ key: Int, shared: SharedValues, page: TemplateObject) -> RenderPlan? {
        let candidates = kept.withLock { $0.byKey[key] ?? [] }
        return candidates.first { $0.applies(shared: shared, page: page) }
    }

    /// Adds `plan` unless the key has enough; whether it may be used.
    private func add(_ plan: RenderPlan, key: Int) -> Bool {
        kept.withLock { kept in
            guard kept.count < Self.total, kept.byKey[key, default: []].count < Self.perKey else { return false }
            kept.byKey[key, default: []].append(plan)
            kept.count += 1
            return true
        }
    }

    /// A new plan for `template` made from `page`, kept for the next pages; nil when none can be kept.
    func make(_ template: Body, key: Int, shared: SharedValues, page: TemplateObject, templates: [String: Body])
        -> RenderPlan?
    {
        let probe = PlanProbe(shared: TemplateObject(shared.dictionary), page: page, templates: templates)
        var pieces: [RenderPlan.Piece] = []
        probe.plan(template.nodes, indentation: nil, blocks: nil, depth: 0, into: &pieces)
        let plan = RenderPlan(shared: shared, absent: probe.absent.sorted(), pieces: pieces)
        // The page it was made from must be one it applies to.
        guard plan.applies(shared: shared, page: page), add(plan, key: key) else { return nil }
        return plan
    }
}
