import Diagnostics
import Foundation
import GuideModel

/// `Output/handouts/<handout-id>.<lang>.pdf` for every handout definition and each of its
/// languages, rendered natively and in parallel. Content that does not fit is a
/// `handout.overflow` error at the definition; a missing font, style or strings file is an
/// environment error (thrown, exit 2).
public struct HandoutEmitter: Emitter {
    public var name: String { "handouts" }

    public init() {}

    public func emit(_ context: EmitContext) throws -> [Diagnostic] {
        try build(context).diagnostics
    }

    /// What one build wrote: per handout and language, the content shown, what did not fit and
    /// the file (nil when it could not be made); and the diagnostics.
    struct Report {
        struct Written {
            var definition: HandoutDefinition
            var content: HandoutContent
            var problems: [FitProblem]
            var file: URL?
        }
        var written: [Written]
        var diagnostics: [Diagnostic]
    }

    func build(_ context: EmitContext) throws -> Report {
        let guide = context.guide
        let folder = context.templates.appendingPathComponent("handouts")
        let style = try HandoutStyle.load(contentsOf: folder.appendingPathComponent("style.yml"))
        try FontCheck.verify(style)
        let languages = guide.handouts.flatMap(\.languages)
        let strings = try HandoutStrings.load(folder: folder.appendingPathComponent("strings"), languages: languages,
                                              sourceLanguage: guide.config.sourceLanguage)
        let date = ContentDate.day(sourceDate: context.sourceDate, guide: guide)
        let epoch = context.sourceDate.map { String(Int64($0.timeIntervalSince1970.rounded(.down))) }

        var jobs: [(definition: HandoutDefinition, built: HandoutContentBuilder.Built)] = []
        for definition in guide.handouts {
            let declared = Set(guide.config.languageCodes)
            for language in definition.languages where declared.contains(language) {
                let builder = HandoutContentBuilder(
                    guide: guide, definition: definition, language: language,
                    strings: strings[language] ?? strings[guide.config.sourceLanguage]!, drafts: context.drafts,
                    contentDate: date)
                if let built = builder.build() { jobs.append((definition, built)) }
            }
        }

        let names = jobs.map { "\($0.definition.id).\($0.built.content.language).pdf" }
        var results = [Result<RenderedHandout, Error>?](repeating: nil, count: jobs.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = buffer
            DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
                slots[index] = Result { try HandoutRenderer.render(jobs[index].built.content, style: style, sourceDateEpoch: epoch) }
            }
        }

        var rendered: [OverflowReport.Rendered] = []
        var written: [Report.Written] = []
        // One diagnostic per definition and problem, listing the languages it affects.
        var unrenderable: [String: (definition: HandoutDefinition, error: HandoutError, languages: [String])] = [:]
        var unrenderableOrder: [String] = []
        for (index, job) in jobs.enumerated() {
            let content = job.built.content
            let url = context.folder.appendingPathComponent(names[index])
            let handout: RenderedHandout
            do {
                handout = try results[index]!.get()
            } catch let error as HandoutError {
                switch error {
                case .missingFont, .cairo, .invalidDate: throw error
                case .nothingToShow, .unsupportedPaper, .unencodableQR:
                    // Content problems `guide check` does not catch (a poster whose country has no
                    // helpline in this build): an error at the definition, no file.
                    let key = "\(job.definition.path)\n\(error)"
                    if unrenderable[key] == nil { unrenderableOrder.append(key) }
                    unrenderable[key, default: (job.definition, error, [])].languages.append(content.language)
                    written.append(Report.Written(definition: job.definition, content: content, problems: [], file: nil))
                    continue
                }
            }
            let error = OutputFiles.write(url.path, [UInt8](handout.pdf))
            if error != 0 { throw POSIXError(POSIXErrorCode(rawValue: error) ?? .EIO) }
            let problems = handout.problems
            written.append(Report.Written(definition: job.definition, content: content, problems: problems, file: url))
            rendered.append(OverflowReport.Rendered(definition: job.definition, language: content.language,
                                                    layout: content.layout, problems: problems,
                                                    origins: job.built.origins))
        }
        let notRendered = unrenderableOrder.compactMap { unrenderable[$0] }.map { item in
            Diagnostic.error("handout.unrenderable", file: item.definition.path,
                             at: item.definition.positions.valueRange(["layout"]),
                             "cannot make the handout in \(item.languages.joined(separator: ", ")): \(item.error)",
                             help: "change the handout's include, qr or paper")
        }
        return Report(written: written, diagnostics: notRendered + OverflowReport.diagnostics(rendered))
    }
}
