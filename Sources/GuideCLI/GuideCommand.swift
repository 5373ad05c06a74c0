import ArgumentParser
import Foundation

/// The `guide` command: the reference-guide compiler.
public struct GuideCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "Compile the multilingual reference guide: check, build, serve.",
        subcommands: [
            CheckCommand.self, BuildCommand.self, ServeCommand.self, StatusCommand.self, NewCommand.self,
            StampCommand.self, DiffCommand.self, TranslateCommand.self,
        ])

    public init() {}

    /// Runs the command line; usage errors exit with 2, as SPEC promises
    /// (swift-argument-parser's own default would be 64).
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
