import Synchronization

/// Values a one-shot command keeps until the process exits instead of
/// freeing them: releasing a loaded guide (hundreds of thousands of small
/// objects) takes one core a tenth of a second or more on a large guide,
/// while exiting gives all the memory back at once. `GuideCommand.runMain`
/// exits without running any deinitialiser.
enum KeptUntilExit {
    private static let values = Mutex<[any Sendable]>([])

    static func keep(_ value: any Sendable) {
        values.withLock { $0.append(value) }
    }
}
