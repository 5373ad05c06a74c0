import Diagnostics
import Foundation
import GuideModel
import JSON
import Parallel

/// Runs every check over a loaded guide and returns all diagnostics in print order.
///
/// Problems with guide.yml or the schemas stop checking there: every other
/// check depends on them, and would only repeat the same mistake many times.
public enum GuideChecker {
    /// The checks that read the validated guide, one concern each.
    static let checks: [any Check] = [
        ConfigCheck(), ReferenceCheck(), TranslationCheck(), TranslationParityCheck(), SectionCheck(),
        HelplineCheck(), CountryCheck(), MediaCheck(), HandoutCheck(), MarkdownCheck(), ReservedFieldCheck(),
        LinkSafetyCheck(), PublishedLinkCheck(), TombstoneCheck(), TermbaseCheck(), TermCheck(),
    ]

    public static func run(
        guide: Guide, schemas: SchemaSet, loadDiagnostics: [Diagnostic], today: Date,
        drafts: Bool = false
    ) -> [Diagnostic] {
        let start: Start
        switch begin(guide: guide, schemas: schemas, loadDiagnostics: loadDiagnostics) {
        case .stop(let diagnostics): return diagnostics
        case .proceed(let s): start = s
        }
        let context = CheckContext(
            guide: guide, schemas: schemas, today: today, unloadable: start.unloadable, drafts: drafts)
        let results = checkEntries(guide.allEntries, start: start, context: context)
        return finish(start, context: context, entries: results)
    }

    // MARK: The steps of a run, shared with IncrementalChecker

    /// What a run knows before it looks at entries.
    struct Start {
        var loadDiagnostics: [Diagnostic]
        var schema: SchemaCheck
        /// Files the loader could not read into the guide.
        var unloadable: Set<String>
        /// Schema diagnostics of guide.yml and the handouts.
        var guideSchemaDiagnostics: [Diagnostic]
        /// guide.yml failed its schema: only schema diagnostics are reported.
        var configInvalid: Bool
    }

    enum Beginning {
        /// Checking stops here, with these diagnostics (in print order).
        case stop([Diagnostic])
        case proceed(Start)
    }

    /// Stops when loading failed on the schemas or guide.yml, or there are no schemas;
    /// otherwise validates guide.yml and the handouts (except those `passed`
    /// says passed these schemas before).
    static func begin(
        guide: Guide, schemas: SchemaSet, loadDiagnostics: [Diagnostic],
        passed: (_ path: String, _ value: JSONObject) -> Bool = { _, _ in false }
    ) -> Beginning {
        let foundational = loadDiagnostics.contains {
            $0.severity == .error && ($0.code.hasPrefix("schema.") || $0.code.hasPrefix("config."))
        }
        guard !foundational, let schema = SchemaCheck(schemas: schemas) else {
            return .stop(Set(loadDiagnostics).sorted())
        }
        let guideSchema = schema.checkGuideFiles(guide, passed: passed)
        let configPath = guide.configDocument?.path
        if !guideSchema.contains(where: { $0.file == configPath }),
            let problem = ConfigCheck.sourceLanguageProblem(guide)
        {
            return .stop(Set(loadDiagnostics + guideSchema + [problem]).sorted())
        }
        return .proceed(
            Start(
                loadDiagnostics: loadDiagnostics, schema: schema,
                unloadable: Set(loadDiagnostics.filter { $0.severity == .error }.map(\.file)),
                guideSchemaDiagnostics: guideSchema,
                configInvalid: configPath.map { path in guideSchema.contains { $0.file == path } } ?? false))
    }

    /// What checking one entry found.
    struct EntryResult: Sendable {
        /// Its files' schema diagnostics.
        var schemaDiagnostics: [Diagnostic] = []
        /// Its files that failed the schema.
        var invalid: Set<String> = []
        /// What the other checks found in its files (none when guide.yml is invalid).
        var diagnostics: [Diagnostic] = []
    }

    /// Checks entries (schema, then every check's per-entry part), in parallel;
    /// results in the order of `entries`.
    static func checkEntries(_ entries: [Entry], start: Start, context: CheckContext) -> [EntryResult] {
        let guide = context.guide
        return Parallel.map(entries.count) { i in
            var scoped = EntryFiles(entries[i], sourceLanguage: guide.config.sourceLanguage)
            var result = EntryResult()
            for file in scoped.files {
                let found = start.schema.check(file, in: guide)
                if found.isEmpty { continue }
                result.schemaDiagnostics += found
                result.invalid.insert(file.path)
            }
            if !start.configInvalid {
                scoped.invalid = result.invalid
                for check in checks { result.diagnostics += check.check(scoped, in: context) }
            }
            return result
        }
    }

    /// Runs the guide-wide checks and puts every diagnostic in print order
    /// (a mistake reached by two routes is reported once).
    static func finish<Results: Collection>(_ start: Start, context: CheckContext, entries: Results) -> [Diagnostic]
    where Results.Element == EntryResult {
        var all = Set(start.loadDiagnostics)
        all.formUnion(start.guideSchemaDiagnostics)
        for result in entries { all.formUnion(result.schemaDiagnostics) }
        if !start.configInvalid {
            var invalid = Set(start.guideSchemaDiagnostics.map(\.file))
            for result in entries { invalid.formUnion(result.invalid) }
            for check in checks { all.formUnion(check.checkGuide(context, invalidFrontMatter: invalid)) }
            for result in entries { all.formUnion(result.diagnostics) }
        }
        return all.sorted()
    }
}
