import Foundation

/// Collects diagnostics from checks that may run in parallel.
///
/// Exact duplicates collapse, so a mistake reached by two routes is still
/// reported once.
public final class DiagnosticBag: @unchecked Sendable {
    private let lock = NSLock()
    private var items: Set<Diagnostic> = []

    public init() {}

    public func add(_ diagnostic: Diagnostic) {
        lock.lock(); defer { lock.unlock() }
        items.insert(diagnostic)
    }

    public func add<S: Sequence>(contentsOf diagnostics: S) where S.Element == Diagnostic {
        lock.lock(); defer { lock.unlock() }
        items.formUnion(diagnostics)
    }

    /// All diagnostics in stable print order.
    public var sorted: [Diagnostic] {
        lock.lock(); defer { lock.unlock() }
        return items.sorted()
    }

    public var errorCount: Int { count(.error) }
    public var warningCount: Int { count(.warning) }
    public var hasErrors: Bool { errorCount > 0 }

    private func count(_ severity: Severity) -> Int {
        lock.lock(); defer { lock.unlock() }
        return items.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }
}
