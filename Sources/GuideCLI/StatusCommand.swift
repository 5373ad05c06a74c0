import ArgumentParser
import Diagnostics
import Foundation
import GuideModel
import JSON
import Loader

/// `guide status`: which translations are current, outdated or missing, and
/// which helplines are due for re-verification.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the translation matrix (current, outdated, missing) and helplines due for re-verification.",
        discussion: """
            States: current (up to date with the source), outdated (the source changed since the translation was \
            stamped), unstamped (never stamped; counts as outdated), missing→xx (no translation; readers see \
            language xx), missing (no translation and nothing shown).
            """)

    enum Format: String, ExpressibleByArgument { case text, json }
    enum FailOn: String, CaseIterable { case outdated, missing, helplines }

    @OptionGroup var paths: PathOptions

    @Option(help: "Output as text or json.")
    var format: Format = .text

    @Option(
        name: .customLong("language"), help: "Show only these translation languages (comma-separated or repeated).",
        transform: { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } })
    var languages: [[String]] = []

    @Option(
        name: .customLong("fail-on"),
        help: "Exit 1 when any of these exist (comma-separated: outdated, missing, helplines), for CI.",
        transform: { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } })
    var failOn: [String] = []

    @Option(
        help: ArgumentHelp(
            "Show what changed in the source since this outdated translation was made (needs git).",
            valueName: "translation-file"))
    var diff: String?

    @Option(help: ArgumentHelp("Also write the matrix as a self-contained HTML page.", valueName: "file"))
    var html: String?

    @Option(
        help: ArgumentHelp(
            "The date helpline ages are measured against (YYYY-MM-DD); default today.",
            visibility: .hidden))
    var today: String?

    func validate() throws {
        for value in failOn where FailOn(rawValue: value) == nil {
            throw ValidationError(
                "--fail-on takes \(FailOn.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(value)\"")
        }
        _ = try BuildDay.resolve(today)
        if diff != nil, html != nil || !failOn.isEmpty || format == .json {
            throw ValidationError(
                "--diff shows one translation's changes; use it without --html, --fail-on and --format json")
        }
    }

    func run() throws {
        let loaded = ContentLoader(root: try paths.contentFolder(), displayRoot: paths.content).load()
        let guide = loaded.guide
        if let diff { return try showDiff(diff, guide: guide) }

        let config = guide.config
        let selected = languages.flatMap { $0 }
        for language in selected {
            if language == config.sourceLanguage {
                throw EnvironmentError("\(language) is the source language; --language takes a translation language")
            }
            guard config.languageCodes.contains(language) else {
                let others = config.languageCodes.filter { $0 != config.sourceLanguage }
                let suggestion =
                    Suggestion.closest(to: language, among: others).map { " (did you mean \"\($0)\"?)" } ?? ""
                throw EnvironmentError(
                    "language \"\(language)\" is not declared in guide.yml\(suggestion); "
                        + "translation languages: \(others.joined(separator: ", "))")
            }
        }
        let date = try BuildDay.resolve(today)
        let report = StatusReport(guide: guide, languages: selected.isEmpty ? nil : selected, today: date)
        let names = Dictionary(config.languages.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })

        let errors = loaded.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            FileHandle.standardError.write(
                Data(
                    "note: \(errors) file\(errors == 1 ? "" : "s") could not be read and \(errors == 1 ? "is" : "are") left out; run `guide check` for details\n"
                        .utf8))
        }
        switch format {
        case .json:
            print(JSONWriter(sortedKeys: true, pretty: true).string(report.json))
        case .text:
            let color = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            FileHandle.standardOutput.write(Data(report.text(color: color, names: names).utf8))
        }
        if let html {
            let title = config.title[config.sourceLanguage] ?? config.title.values.sorted().first ?? "guide"
            do {
                try Data(report.html(title: title, names: names).utf8).write(
                    to: URL(fileURLWithPath: html), options: .atomic)
            } catch {
                throw EnvironmentError("cannot write \(html): \(error.localizedDescription)")
            }
            FileHandle.standardError.write(Data("wrote the status page to \(html)\n".utf8))
        }
        try failIfAsked(report)
    }

    private func failIfAsked(_ report: StatusReport) throws {
        let all = report.overall
        var reasons: [String] = []
        for value in failOn.compactMap(FailOn.init(rawValue:)) {
            switch value {
            case .outdated where all.outdated > 0:
                reasons.append("\(all.outdated) outdated translation\(all.outdated == 1 ? "" : "s")")
            case .missing where all.missing > 0:
                reasons.append("\(all.missing) missing translation\(all.missing == 1 ? "" : "s")")
            case .helplines where !report.helplinesDue.isEmpty:
                reasons.append(
                    "\(report.helplinesDue.count) helpline\(report.helplinesDue.count == 1 ? "" : "s") due for re-verification"
                )
            default: break
            }
        }
        guard !reasons.isEmpty else { return }
        FileHandle.standardError.write(
            Data("status: \(reasons.joined(separator: ", ")) (--fail-on \(failOn.joined(separator: ",")))\n".utf8))
        throw ExitCode(1)
    }

    private func showDiff(_ path: String, guide: Guide) throws {
        let normalised = StampCommand.normalise(path, contentRoot: paths.content)
        guard let entry = guide.allEntries.first(where: { $0.files.values.contains { $0.path == normalised } }),
            let file = entry.files.values.first(where: { $0.path == normalised })
        else {
            throw EnvironmentError(
                "\(path) is not an entry file of \(paths.content) (or it has errors: run `guide check`)")
        }
        guard file.language != guide.config.sourceLanguage else {
            throw EnvironmentError(
                "\(path) is the source file; --diff takes a translation, such as \(entry.reference).es.md")
        }
        switch StatusDiff(guide: guide, translation: file, entry: entry).run() {
        case .report(let text): FileHandle.standardOutput.write(Data(text.utf8))
        case .unavailable(let message): throw EnvironmentError(message)
        }
    }
}
