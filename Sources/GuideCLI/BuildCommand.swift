import ArgumentParser
import Diagnostics
import FileSystem
import Foundation
import GuideModel
import HandoutEmitter
import SiteEmitter

/// `guide build`: validates, then writes site, handouts and bundle atomically.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Check the content, then write the site, handouts and bundle into Output/.")

    @OptionGroup var paths: PathOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    @Option(
        help: "Build only these outputs (comma-separated: \(Emitters.names.joined(separator: ","))).",
        transform: { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } })
    var only: [String] = []

    @Flag(help: "Include entries and translations with status: draft.")
    var drafts = false

    @Flag(
        help:
            "Build handouts as proofs: pages that print a QR code or link to a placeholder base_url are marked as proofs instead of failing the build."
    )
    var proofs = false

    func validate() throws {
        for name in only where !Emitters.names.contains(name) {
            throw ValidationError("--only takes \(Emitters.names.joined(separator: ", ")), not \"\(name)\"")
        }
    }

    func run() throws {
        let outputFolder = try OutputFolder(output: paths.output, content: paths.content, templates: paths.templates)
        let progress = ProgressLine()
        defer { progress.finish() }
        progress.set("checking \(paths.content)")
        let today = try diagnostics.buildDay()
        let checked = try CheckedContent.load(paths: paths, today: today.startInUTC, drafts: drafts)
        KeptUntilExit.keep(checked)
        func fails(_ list: [Diagnostic]) -> Bool {
            list.contains { $0.severity == .error || (diagnostics.strict && $0.severity == .warning) }
        }
        if fails(checked.diagnostics) {
            progress.finish()
            _ = diagnostics.report(checked.diagnostics, sources: checked.loaded.sources)
            throw ExitCode(1)
        }
        let emitters = Emitters.all.filter { only.isEmpty || only.contains($0.name) }
        let bag = DiagnosticBag()
        let built = try outputFolder.replace(rebuilding: emitters.map(\.name)) { staging in
            var published: [PublishedHandout] = []
            for emitter in emitters {
                progress.set("writing \(emitter.name)")
                let folder = staging.appendingPathComponent(emitter.name)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                var context = EmitContext(
                    guide: checked.loaded.guide, folder: folder,
                    templates: URL(fileURLWithPath: paths.templates), drafts: drafts,
                    sourceDate: Self.sourceDate(), today: today, proofs: proofs)
                if let handouts = emitter as? HandoutEmitter {
                    let (found, files) = try handouts.emitPublishing(context)
                    bag.add(contentsOf: found)
                    published = files
                } else if emitter is SiteEmitter {
                    context.publishedHandouts = published
                    bag.add(contentsOf: try emitter.emit(context))
                    try Self.publish(published, from: staging.appendingPathComponent("handouts"), into: folder)
                } else {
                    bag.add(contentsOf: try emitter.emit(context))
                }
            }
            return !fails(bag.sorted)
        }
        progress.finish()
        // Warnings from checking and problems from writing, in one list.
        let reported = (checked.diagnostics + bag.sorted).sorted()
        if !reported.isEmpty { _ = diagnostics.report(reported, sources: checked.loaded.sources) }
        if !built { throw ExitCode(1) }
        if progress.enabled, diagnostics.format == .text {
            let names = emitters.map(\.name)
            let list =
                names.count > 1 ? names.dropLast().joined(separator: ", ") + " and " + names.last! : names.joined()
            let built = DiagnosticOptions.useColor ? "\u{1B}[1;32mbuilt\u{1B}[0m" : "built"
            FileHandle.standardError.write(
                Data("\(built) \(list) into \(paths.output)/ in \(String(format: "%.2f", progress.elapsed)) s\n".utf8))
        }
    }

    /// Puts the handout PDFs the site lists into `site/handouts/` (hard links
    /// to the files in `handouts/`), so a site published alone offers them.
    static func publish(_ files: [PublishedHandout], from handouts: URL, into site: URL) throws {
        let target = site.appendingPathComponent("handouts")
        for file in files where !OutputFiles.reuse(file.fileName, from: handouts, into: target) {
            throw EnvironmentError("cannot publish \(file.fileName) with the site in \(target.path)")
        }
    }

    /// `SOURCE_DATE_EPOCH`, the only time an output may contain.
    static func sourceDate() -> Date? {
        ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init).map(
            Date.init(timeIntervalSince1970:))
    }
}
