import ArgumentParser
import Diagnostics
import Foundation
import GuideModel
import Schema

/// How diagnostics are reported.
struct DiagnosticOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument { case text, json }

    @Option(help: "Diagnostics as text (standard error) or json (standard output).")
    var format: Format = .text

    @Flag(help: "Treat warnings as errors (exit 1).")
    var strict = false

    @Option(
        help: ArgumentHelp(
            "The date helpline ages are measured against (YYYY-MM-DD); default today.",
            visibility: .hidden))
    var today: String?

    /// The day helpline ages are measured against (see `BuildDay`).
    func buildDay() throws -> FullDate { try BuildDay.resolve(today) }

    /// The start of that day, as checks take it.
    func todayDate() throws -> Date { try buildDay().startInUTC }

    /// The start of the current day (UTC): every run on one day measures
    /// helpline ages alike (and `guide serve` need not check every helpline
    /// again after each edit because the clock moved).
    static func startOfToday() -> Date { FullDate(utcDayOf: Date()).startInUTC }

    /// Colour on standard error: only on a terminal, and not under `NO_COLOR`.
    static var useColor: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Prints diagnostics and returns whether the run must fail.
    func report(_ diagnostics: [Diagnostic], sources: [String: SourceText]) -> Bool {
        switch format {
        case .json:
            FileHandle.standardOutput.write(Data(JSONDiagnosticPrinter.render(diagnostics).utf8))
        case .text:
            let printer = TextDiagnosticPrinter(color: Self.useColor) { file, line in sources[file]?.line(line) }
            var text = printer.render(diagnostics)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            if errors + warnings > 0 {
                text += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
            }
            FileHandle.standardError.write(Data(text.utf8))
        }
        return diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
    }
}
