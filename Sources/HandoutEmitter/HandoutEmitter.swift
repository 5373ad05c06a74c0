import Diagnostics
import FileSystem
import Foundation
import GuideModel
import Parallel

/// `Output/handouts/<handout-id>.<lang>.pdf` for every handout definition and each of its
/// languages (and `<handout-id>.<lang>.<paper>.pdf` for cards imposed for office printers),
/// rendered natively and in parallel. Content that does not fit is a `handout.overflow` error
/// at the definition; a QR code or link to a placeholder host outside a proof build, and a stale
/// number where guide.yml refuses them, are errors too; a missing font, style or strings file is
/// an environment error (thrown, exit 2).
public struct HandoutEmitter: Emitter {
    public var name: String { "handouts" }

    public init() {}

    public func emit(_ context: EmitContext) throws -> [Diagnostic] {
        try build(context).diagnostics
    }

    /// Writes the handouts like `emit`, and says which PDFs it wrote (file
    /// name, size, pages), so the CLI can publish them with the site without
    /// any emitter reading another's files.
    public func emitPublishing(_ context: EmitContext) throws -> (
        diagnostics: [Diagnostic], published: [PublishedHandout]
    ) {
        let report = try build(context)
        let published = report.written.compactMap { written -> PublishedHandout? in
            guard let file = written.file else { return nil }
            return PublishedHandout(
                id: written.definition.id, language: written.content.language, fileName: file.lastPathComponent,
                bytes: written.bytes, pages: written.pages)
        }
        return (report.diagnostics, published)
    }

    /// What one build wrote: per handout and language, the content shown, what did not fit and
    /// the file (nil when it could not be made); and the diagnostics.
    struct Report {
        struct Written {
            var definition: HandoutDefinition
            var content: HandoutContent
            var problems: [FitProblem]
            var file: URL?
            /// Cards imposed for office printers, by paper.
            var imposed: [URL] = []
            /// The PDF's size and page count (0 when no file was made).
            var bytes = 0
            var pages = 0
        }
        var written: [Written]
        var diagnostics: [Diagnostic]
    }

    struct Job {
        var definition: HandoutDefinition
        var built: HandoutContentBuilder.Built
        /// `office_print` papers (cards only).
        var sheets: [Paper]
    }

    func build(_ context: EmitContext) throws -> Report {
        let guide = context.guide
        let folder = context.templates.appendingPathComponent("handouts")
        let style = try HandoutStyle.load(contentsOf: folder.appendingPathComponent("style.yml"))
        try FontCheck.verify(style)
        let languages = guide.handouts.flatMap(\.languages)
        let strings = try HandoutStrings.load(
            folder: folder.appendingPathComponent("strings"), languages: languages,
            sourceLanguage: guide.config.sourceLanguage)
        let date = ContentDate.day(sourceDate: context.sourceDate, guide: guide)
        let epoch = context.sourceDate.map { String(Int64($0.timeIntervalSince1970.rounded(.down))) }
        let proofs = context.proofs || guide.handoutSettings.proofs
        var findings = BuildFindings()

        var jobs: [Job] = []
        for definition in guide.handouts {
            let declared = Set(guide.config.languageCodes)
            for language in definition.languages where declared.contains(language) {
                guard let languageStrings = strings[language] ?? strings[guide.config.sourceLanguage] else { continue }
                let builder = HandoutContentBuilder(
                    guide: guide, definition: definition, language: language, strings: languageStrings,
                    drafts: context.drafts, contentDate: date, today: context.today, proofs: proofs)
                guard let built = builder.build() else { continue }
                if !built.refusedStale.isEmpty {
                    findings.refuse(definition, language: language, helplines: built.refusedStale)
                    continue
                }
                let sheets = (definition.value["office_print"]?.arrayValue ?? []).compactMap {
                    $0.stringValue.flatMap(Paper.init)
                }
                jobs.append(
                    Job(definition: definition, built: built, sheets: built.content.layout == .pocketCard ? sheets : [])
                )
            }
        }

        let planned = jobs
        let results = Parallel.map(planned.count) { index -> Result<[RenderedHandout?], Error>? in
            let job = planned[index]
            return Result {
                try [HandoutRenderer.render(job.built.content, style: style, sourceDateEpoch: epoch)]
                    + job.sheets.map {
                        try HandoutRenderer.renderImposed(
                            job.built.content, style: style, sheet: $0,
                            sourceDateEpoch: epoch)
                    }
            }
        }

        var rendered: [OverflowReport.Rendered] = []
        var written: [Report.Written] = []
        for (index, job) in jobs.enumerated() {
            let content = job.built.content
            let name = "\(job.definition.id).\(content.language)"
            let files: [RenderedHandout?]
            do {
                guard let result = results[index] else { continue }
                files = try result.get()
            } catch let error as HandoutError {
                switch error {
                case .missingFont, .cairo, .pdf, .invalidDate: throw error
                case .nothingToShow, .unsupportedPaper, .unencodableQR:
                    // Content problems `guide check` does not catch (a poster whose country has no
                    // helpline in this build): an error at the definition, no file.
                    findings.unrenderable(job.definition, language: content.language, error: error)
                    written.append(
                        Report.Written(definition: job.definition, content: content, problems: [], file: nil))
                    continue
                }
            }
            guard let handout = files.first ?? nil else { continue }
            findings.glyphs(job.definition, language: content.language, handout.substitutedGlyphs)
            if !handout.placeholderLinks.isEmpty && !context.proofs && !guide.handoutSettings.proofs {
                findings.placeholder(
                    job.definition, language: content.language, links: handout.placeholderLinks,
                    host: content.placeholderHost ?? "", qrPayload: content.qrPayload)
                written.append(Report.Written(definition: job.definition, content: content, problems: [], file: nil))
                continue
            }
            if !handout.placeholderLinks.isEmpty {
                findings.proof(
                    job.definition, language: content.language, host: content.placeholderHost ?? "",
                    qrPayload: content.qrPayload, links: handout.placeholderLinks)
            }
            let url = context.folder.appendingPathComponent(name + ".pdf")
            try write(handout.pdf, to: url)
            var imposed: [URL] = []
            for (sheet, copy) in zip(job.sheets, files.dropFirst()) {
                guard let copy else { continue }
                let sheetURL = context.folder.appendingPathComponent("\(name).\(sheet.rawValue).pdf")
                try write(copy.pdf, to: sheetURL)
                imposed.append(sheetURL)
            }
            written.append(
                Report.Written(
                    definition: job.definition, content: content, problems: handout.problems, file: url,
                    imposed: imposed, bytes: handout.pdf.count, pages: handout.pages))
            rendered.append(
                OverflowReport.Rendered(
                    definition: job.definition, language: content.language,
                    layout: content.layout, problems: handout.problems,
                    origins: job.built.origins))
        }
        return Report(written: written, diagnostics: findings.diagnostics + OverflowReport.diagnostics(rendered))
    }

    private func write(_ pdf: Data, to url: URL) throws {
        let error = OutputFiles.write(url.path, [UInt8](pdf))
        if error != 0 { throw POSIXError(POSIXErrorCode(rawValue: error) ?? .EIO) }
    }
}
