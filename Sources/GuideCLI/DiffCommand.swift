import ArgumentParser
import BundleEmitter
import Foundation
import JSON

/// `guide diff`: what changed between two bundles, for consumers.
/// Exit 0 when identical, 1 when different, 2 when a file cannot be read or is not a bundle
/// (including a `format_version` that is not semver or of a major version this guide does not read).
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two bundle files (guide.json or guide.<lang>.json).",
        discussion:
            "Exit status: 0 identical (apart from generated_at and build_day), 1 different, 2 unreadable, not a bundle, or a format_version that is not MAJOR.MINOR.PATCH or not 1.x."
    )

    enum Format: String, ExpressibleByArgument { case text, json }

    @Option(help: "Report as text or json.")
    var format: Format = .text

    @Argument(help: "The older bundle file.")
    var old: String

    @Argument(help: "The newer bundle file.")
    var new: String

    func run() throws {
        let diff: BundleDiff
        do {
            diff = try BundleDiff.files(old: URL(fileURLWithPath: old), new: URL(fileURLWithPath: new))
        } catch let error as BundleDiffError {
            throw EnvironmentError(error.description)
        }
        let report = format == .json ? JSONWriter().string(diff.json) : diff.text
        FileHandle.standardOutput.write(Data(report.utf8))
        if !diff.isIdentical { throw ExitCode(1) }
    }
}
