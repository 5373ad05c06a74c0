import Diagnostics
import GuideModel

/// Country codes used in content (`country`, `jurisdictions`, handouts'
/// `country`) are declared in guide.yml.
struct CountryCheck: Check {
    func check(_ entry: EntryFiles, in context: CheckContext) -> [Diagnostic] {
        let declared = context.guide.config.countries.map(\.id)
        var out: [Diagnostic] = []
        for file in entry.files where entry.isValid(file) {
            Self.check(
                file.string("country"), declared, file: file.path, at: file.positions.valueRange(["country"]),
                into: &out)
            for (i, code) in file.strings("jurisdictions").enumerated() {
                Self.check(
                    code, declared, file: file.path, at: file.positions.valueRange(["jurisdictions", String(i)]),
                    into: &out)
            }
        }
        return out
    }

    func checkGuide(_ context: CheckContext, invalidFrontMatter: Set<String>) -> [Diagnostic] {
        let declared = context.guide.config.countries.map(\.id)
        var out: [Diagnostic] = []
        for handout in context.guide.handouts where !invalidFrontMatter.contains(handout.path) {
            Self.check(
                handout.country, declared, file: handout.path, at: handout.positions.valueRange(["country"]), into: &out
            )
        }
        return out
    }

    private static func check(
        _ code: String?, _ declared: [String], file: String, at range: SourceRange,
        into out: inout [Diagnostic]
    ) {
        guard let code, !declared.contains(code) else { return }
        out.append(
            .error(
                "country.undeclared", file: file, at: range,
                "country \"\(code)\" is not declared in guide.yml",
                help: Suggestion.closest(to: code, among: declared).map { "did you mean \"\($0)\"?" }
                    ?? "add it under `countries` in guide.yml"))
    }
}
