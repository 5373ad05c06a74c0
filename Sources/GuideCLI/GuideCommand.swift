import ArgumentParser

/// The `guide` command: the reference-guide compiler.
public struct GuideCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "Compile the multilingual reference guide: check, build, serve.")

    public init() {}
}
