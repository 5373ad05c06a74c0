import ArgumentParser
import Diagnostics
import Foundation
import GuideModel
import Loader
import TranslationExchange

/// `guide translate`: hands one language to translation tools (XLIFF 1.2 or
/// gettext PO) and takes it back into Content/, stamped.
struct TranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Exchange translations with translation tools (XLIFF 1.2, gettext PO).",
        discussion: "See docs/translating.md for the translator's and the reviewer's workflow.",
        subcommands: [TranslateExportCommand.self, TranslateImportCommand.self])
}

/// `guide translate export --language L`.
struct TranslateExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write one language's translatable texts as XLIFF 1.2 (or PO) for translation tools.",
        discussion: """
            One unit per translatable field and per body text (heading, paragraph, list item, table cell), with the \
            existing translation as target. Links, emphasis and code are inline codes the translator keeps. \
            Writes <language>.xlf (or .po) in the current folder unless --file is given ("-": standard output).
            """)

    @OptionGroup var paths: PathOptions

    @Option(help: "The language to translate into (a language declared in guide.yml).")
    var language: String

    @Flag(help: "Only entries whose translation is missing or outdated.")
    var outdated = false

    @Option(help: "xliff (XLIFF 1.2) or po (gettext).")
    var format: Format = .xliff

    @Option(help: "Where to write the file (\"-\" for standard output).")
    var file: String?

    enum Format: String, ExpressibleByArgument { case xliff, po }

    func run() throws {
        let loaded = ContentLoader(root: try paths.contentFolder(), displayRoot: paths.content).load()
        let guide = loaded.guide
        guard let declared = guide.config.languages.first(where: { $0.code == language }) else {
            let codes = guide.config.languageCodes
            throw ValidationError(
                "language \"\(language)\" is not declared in guide.yml"
                    + (Suggestion.closest(to: language, among: codes).map { " (did you mean \"\($0)\"?)" } ?? "")
                    + "; declared: \(codes.joined(separator: ", "))")
        }
        guard language != guide.config.sourceLanguage else {
            throw ValidationError("\"\(language)\" is the source language; export a language to translate into")
        }
        let document = ExportBuilder(guide: guide, schemas: loaded.schemas, language: language) {
            TranslationFiles.text(at: $0.path)
        }.document(outdatedOnly: outdated)
        // XLIFF 1.2 needs at least one <file>: with nothing to translate, no file is written.
        guard !document.entries.isEmpty else {
            FileHandle.standardError.write(
                Data("nothing to export: every entry is translated into \(language) and current\n".utf8))
            return
        }
        let output: String
        switch format {
        case .xliff: output = XLIFFWriter.write(document)
        case .po: output = POWriter.write(document, languageName: declared.name, date: Self.revisionDate())
        }
        let destination = file ?? "\(language).\(format == .xliff ? "xlf" : "po")"
        let units = document.entries.reduce(0) { $0 + $1.units.count }
        if destination == "-" {
            FileHandle.standardOutput.write(Data(output.utf8))
        } else {
            do {
                try Data(output.utf8).write(to: URL(fileURLWithPath: destination), options: .atomic)
            } catch {
                throw EnvironmentError("cannot write \(destination): \(error.localizedDescription)")
            }
            let translated = document.entries.reduce(0) { $0 + $1.units.filter { $0.target != nil }.count }
            FileHandle.standardError.write(
                Data(
                    ("wrote \(destination): \(document.entries.count) entries, \(units) units "
                        + "(\(translated) with a translation)\n").utf8))
        }
    }

    /// PO-Revision-Date: SOURCE_DATE_EPOCH when set (reproducible files), else now.
    static func revisionDate() -> String {
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm'+0000'"
        return formatter.string(from: epoch.map(Date.init(timeIntervalSince1970:)) ?? Date())
    }
}

/// `guide translate import FILE`.
struct TranslateImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write the translations of an XLIFF or PO file back into Content/, stamped.",
        discussion: """
            Updates or creates <type>/<id>.<language>.md, keeping each file's layout and section ids, sets status from \
            the units' states, and stamps source_hash with the source version the file was exported from. Problems are \
            reported at the file's lines; when there are errors, nothing is written.
            """)

    @OptionGroup var paths: PathOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    @Argument(help: "The XLIFF (.xlf, .xliff) or PO (.po) file.")
    var file: String

    @Flag(help: "Report what would change, and write nothing.")
    var dryRun = false

    func run() throws {
        let root = try paths.contentFolder()
        guard let data = FileManager.default.contents(atPath: file) else {
            throw EnvironmentError("cannot read \(file)")
        }
        guard data.count <= 64 << 20 else { throw EnvironmentError("\(file) is larger than 64 MB") }
        guard var text = String(data: data, encoding: .utf8) else {
            throw EnvironmentError("\(file) is not UTF-8 text; save it from the translation tool as UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let loaded = ContentLoader(root: root, displayRoot: paths.content).load()
        let isPO = file.lowercased().hasSuffix(".po") || (!text.hasPrefix("<") && text.contains("msgid"))
        let (document, readProblems) = isPO ? POReader.read(text, path: file) : XLIFFReader.read(text, path: file)
        var found = readProblems
        var changes: [FileChange] = []
        if let document {
            let planner = ImportPlanner(guide: loaded.guide, schemas: loaded.schemas, path: file) {
                TranslationFiles.text(at: $0.path)
            }
            let plan = planner.plan(document)
            found += plan.diagnostics
            changes = plan.changes
        }
        let failed = found.contains { $0.severity == .error }
        if !failed, !dryRun {
            found += TranslationFiles.write(changes, contentRoot: root, displayRoot: paths.content, exchangePath: file)
        }
        let sources = [file: SourceText(path: file, text: text)]
        let mustFail = diagnostics.report(found.sorted(), sources: sources)
        if !failed {
            // With --format json, standard output holds only the diagnostics.
            let out = diagnostics.format == .json ? FileHandle.standardError : FileHandle.standardOutput
            let verb = dryRun ? "would write" : "wrote"
            var report = changes.map { change in
                "\(verb) \(paths.content)/\(change.relativePath)\(change.isNew ? " (new)" : ""): "
                    + "\(change.changedUnits) unit\(change.changedUnits == 1 ? "" : "s") changed, status \(change.status.rawValue)\n"
            }.joined()
            if changes.isEmpty { report = "nothing to change\n" }
            out.write(Data(report.utf8))
        } else {
            FileHandle.standardError.write(Data("nothing was written: fix the errors above and import again\n".utf8))
        }
        if mustFail || found.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
