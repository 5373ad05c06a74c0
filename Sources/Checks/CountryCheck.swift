import Diagnostics
import GuideModel

/// Country codes used in content (`country`, `jurisdictions`, handouts'
/// `country`) are declared in guide.yml.
struct CountryCheck: Check {
    func run(_ context: CheckContext) -> [Diagnostic] {
        let declared = context.guide.config.countries.map(\.id)
        var out: [Diagnostic] = []
        func check(_ code: String?, file: String, at range: SourceRange) {
            guard let code, !declared.contains(code) else { return }
            out.append(.error("country.undeclared", file: file, at: range,
                              "country \"\(code)\" is not declared in guide.yml",
                              help: Suggestion.closest(to: code, among: declared).map { "did you mean \"\($0)\"?" }
                                  ?? "add it under `countries` in guide.yml"))
        }
        for file in context.validFiles {
            check(file.string("country"), file: file.path, at: file.positions.valueRange(["country"]))
            for (i, code) in file.strings("jurisdictions").enumerated() {
                check(code, file: file.path, at: file.positions.valueRange(["jurisdictions", String(i)]))
            }
        }
        for handout in context.guide.handouts where !context.invalidFrontMatter.contains(handout.path) {
            check(handout.country, file: handout.path, at: handout.positions.valueRange(["country"]))
        }
        return out
    }
}
