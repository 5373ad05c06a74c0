import Dispatch

/// Work spread over all cores: the one place the project runs a loop in
/// parallel. Each iteration gets its own index and writes only its own slot
/// of the result, so no two threads touch the same memory.
public enum Parallel {
    /// `body(index)` for every index in `0..<count`, on all cores; the results in index order.
    public static func map<Result: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        guard count > 0 else { return [] }
        let slots = Slots<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in slots.store(body(index), at: index) }
        return slots.values()
    }

    /// `body(index)` for every index in `0..<count`, on all cores.
    public static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}

/// One slot per iteration, written once by the iteration that owns it and
/// read only after every iteration has finished.
///
/// `@unchecked Sendable` because the compiler cannot see that the slots are
/// disjoint: `concurrentPerform` gives each index to exactly one thread, each
/// thread writes only `storage[index]`, and `values()` runs after
/// `concurrentPerform` has returned (which orders every write before it).
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func store(_ value: Value, at index: Int) {
        precondition(index >= 0 && index < count, "slot \(index) out of 0..<\(count)")
        storage[index] = value
    }

    func values() -> [Value] {
        (0..<count).map { index in
            guard let value = storage[index] else { preconditionFailure("slot \(index) was never filled") }
            return value
        }
    }
}
