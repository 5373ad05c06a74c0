import Synchronization

/// Values computed from content (keyed so that equal keys mean equal values),
/// kept as long as the memo: for one build, or between builds in one process
/// (`guide serve`) so unchanged content is not worked on again. Thread-safe:
/// when two threads compute one key at once, the first value stored is the
/// one both get, so callers may share its objects.
public final class ProcessMemo<Value: Sendable>: Sendable {
    private let values = Mutex<[String: Value]>([:])

    public init() {}

    /// The value kept for `key`, or `compute`'s, which is then kept.
    public func value(for key: String, _ compute: () -> Value) -> Value {
        if let known = values.withLock({ $0[key] }) { return known }
        let computed = compute()
        return values.withLock { values in
            if let known = values[key] { return known }
            values[key] = computed
            return computed
        }
    }

    /// Forgets everything once it holds far more than one guide's worth
    /// (`count` values), so edits do not make it grow without end.
    public func prune(keeping count: Int) {
        values.withLock { values in
            if values.count > 2 * count + 64 { values = [:] }
        }
    }
}
