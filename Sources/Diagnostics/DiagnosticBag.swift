import Synchronization

/// Collects diagnostics from checks that may run in parallel.
///
/// Exact duplicates collapse, so a mistake reached by two routes is still
/// reported once.
public final class DiagnosticBag: Sendable {
    private let items = Mutex<Set<Diagnostic>>([])

    public init() {}

    public func add(_ diagnostic: Diagnostic) {
        items.withLock { _ = $0.insert(diagnostic) }
    }

    public func add<S: Sequence>(contentsOf diagnostics: S) where S.Element == Diagnostic {
        let added = Array(diagnostics)
        items.withLock { $0.formUnion(added) }
    }

    /// All diagnostics in stable print order.
    public var sorted: [Diagnostic] {
        items.withLock { $0.sorted() }
    }

    public var errorCount: Int { count(.error) }
    public var warningCount: Int { count(.warning) }
    public var hasErrors: Bool { errorCount > 0 }

    private func count(_ severity: Severity) -> Int {
        items.withLock { items in items.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) } }
    }
}
