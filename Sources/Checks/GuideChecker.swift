import Diagnostics
import Foundation
import GuideModel

/// Runs every check over a loaded guide and returns all diagnostics in print order.
///
/// Problems with guide.yml or the schemas stop checking there: every other
/// check depends on them, and would only repeat the same mistake many times.
public enum GuideChecker {
    /// The checks that read the validated guide, one concern each.
    static let checks: [any Check] = [
        ConfigCheck(), ReferenceCheck(), TranslationCheck(), TranslationParityCheck(), SectionCheck(),
        HelplineCheck(), CountryCheck(), MediaCheck(), HandoutCheck(), MarkdownHTMLCheck(), ReservedFieldCheck(),
    ]

    public static func run(guide: Guide, schemas: SchemaSet, loadDiagnostics: [Diagnostic], today: Date) -> [Diagnostic] {
        let bag = DiagnosticBag()
        bag.add(contentsOf: loadDiagnostics)
        let foundational = loadDiagnostics.contains {
            $0.severity == .error && ($0.code.hasPrefix("schema.") || $0.code.hasPrefix("config."))
        }
        guard !foundational, schemas.registry != nil else { return bag.sorted }

        let (schemaDiagnostics, invalid) = SchemaCheck(schemas: schemas).run(guide)
        bag.add(contentsOf: schemaDiagnostics)
        if let config = guide.configDocument, invalid.contains(config.path) { return bag.sorted }

        let unloadable = Set(loadDiagnostics.filter { $0.severity == .error }.map(\.file))
        let context = CheckContext(guide: guide, schemas: schemas, today: today, invalidFrontMatter: invalid,
                                   unloadable: unloadable)
        DispatchQueue.concurrentPerform(iterations: checks.count) { i in
            bag.add(contentsOf: checks[i].run(context))
        }
        return bag.sorted
    }
}
