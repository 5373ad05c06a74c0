import ArgumentParser
import Checks
import Diagnostics
import Foundation
import GuideModel
import Loader

/// `guide check`: validates everything, writes nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate the content and print diagnostics; writes nothing.")

    @OptionGroup var paths: PathOptions
    @OptionGroup var diagnostics: DiagnosticOptions
    @OptionGroup var published: PublishedBundleOption

    func run() throws {
        let checked = try CheckedContent.load(paths: paths, today: diagnostics.todayDate(), published: published.read())
        KeptUntilExit.keep(checked)
        if diagnostics.report(checked.diagnostics, sources: checked.loaded.sources) { throw ExitCode(1) }
    }
}

/// Content loaded and checked: the first stage of every command.
struct CheckedContent {
    var loaded: LoadedContent
    var diagnostics: [Diagnostics.Diagnostic]

    /// Loads and checks everything. `guide serve` passes what it keeps
    /// between rebuilds (`cache`, `checker`) and the paths its watcher saw
    /// change, so unchanged files are neither read nor checked again; the
    /// result is the same either way.
    static func load(
        paths: PathOptions, today: Date, drafts: Bool = false, cache: LoadCache? = nil, changed: [String]? = nil,
        checker: IncrementalChecker? = nil, published: PublishedBundle? = nil
    ) throws -> CheckedContent {
        var loader = ContentLoader(root: try paths.contentFolder(), displayRoot: paths.content)
        loader.publishedBundle = published
        let loaded = loader.load(cache: cache, changed: changed)
        let diagnostics =
            checker?.run(
                guide: loaded.guide, schemas: loaded.schemas,
                loadDiagnostics: loaded.diagnostics, today: today, drafts: drafts)
            ?? GuideChecker.run(
                guide: loaded.guide, schemas: loaded.schemas,
                loadDiagnostics: loaded.diagnostics, today: today, drafts: drafts)
        let templates = TemplatesFolder.problems(
            root: URL(fileURLWithPath: paths.templates), displayRoot: paths.templates)
        return CheckedContent(loaded: loaded, diagnostics: (diagnostics + templates).sorted())
    }
}
