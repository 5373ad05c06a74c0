import Diagnostics
import GuideModel

/// Turns what did not fit into `handout.overflow` errors at the handout definition: at the
/// `include` item that selected the entry (or `country`, for a helpline it adds), naming the
/// entry and by how much it overflows. The same overflow in several languages is one diagnostic.
struct OverflowReport {
    /// One rendered handout's problems.
    struct Rendered {
        var definition: HandoutDefinition
        var language: String
        var layout: HandoutLayout
        var problems: [FitProblem]
        var origins: [String: ItemOrigin]
    }

    private struct Key: Hashable {
        var handout: String
        var anchor: String
        var place: String
    }

    private struct Finding {
        var rendered: Rendered
        var problem: FitProblem
        var languages: [String]
        var overflow: Double
        /// Entries left off after this one because the space was already used up.
        var leftOff: Int
    }

    static func diagnostics(_ handouts: [Rendered]) -> [Diagnostic] {
        var findings: [Key: Finding] = [:]
        var order: [Key] = []
        for rendered in handouts {
            for (problem, leftOff) in primaryProblems(rendered) {
                let key = Key(handout: rendered.definition.id, anchor: problem.anchor, place: problem.place)
                if var finding = findings[key] {
                    finding.languages.append(rendered.language)
                    finding.overflow = max(finding.overflow, problem.overflow)
                    finding.leftOff = max(finding.leftOff, leftOff)
                    findings[key] = finding
                } else {
                    order.append(key)
                    findings[key] = Finding(
                        rendered: rendered, problem: problem, languages: [rendered.language],
                        overflow: problem.overflow, leftOff: leftOff)
                }
            }
        }
        return order.compactMap { findings[$0] }.map(diagnostic)
    }

    /// On cards and posters everything after the first item that does not fit is left off too,
    /// so only the first is a mistake to fix; sheets and booklets report each problem.
    private static func primaryProblems(_ rendered: Rendered) -> [(FitProblem, Int)] {
        switch rendered.layout {
        case .pocketCard, .poster:
            var seen: [String: Int] = [:]
            var result: [(FitProblem, Int)] = []
            for problem in rendered.problems {
                if let index = seen[problem.place] {
                    result[index].1 += 1
                } else {
                    seen[problem.place] = result.count
                    result.append((problem, 0))
                }
            }
            return result
        case .sheet, .booklet:
            return rendered.problems.map { ($0, 0) }
        }
    }

    private static func diagnostic(_ finding: Finding) -> Diagnostic {
        let definition = finding.rendered.definition
        let positions = definition.positions
        let range: SourceRange
        switch finding.rendered.origins[finding.problem.anchor] {
        case .include(let index)?: range = positions.valueRange(["include", String(index)])
        case .country?: range = positions.valueRange(["country"])
        case nil: range = positions.valueRange(["layout"])
        }
        let millimetres = (finding.overflow * 25.4 / 72 * 10).rounded(.up) / 10
        let place = finding.problem.place
        let location = place == "front" || place == "back" ? "\(place) of the card" : place
        var message =
            "\"\(finding.problem.title)\" (\(finding.problem.anchor)) does not fit on the \(location) "
            + "in \(finding.languages.joined(separator: ", ")): \(millimetres) mm too long at the smallest sizes the style allows"
        if finding.leftOff > 0 {
            message +=
                "; \(finding.leftOff) more entr\(finding.leftOff == 1 ? "y" : "ies") after it \(finding.leftOff == 1 ? "is" : "are") left off"
        }
        var help = "shorten the entry's text, select fewer entries here, or use a larger paper or layout"
        if let fitted = finding.problem.fitted, let type = finding.problem.anchor.split(separator: "/").first,
            fitted > 0
        {
            help =
                "\(fitted) of these entries fit: keep the most important with `limit: {\(type): \(fitted)}` in the handout "
                + "(it keeps those listed first in `order`, then the strongest), shorten the entry's text, or use a larger paper"
        }
        return .error("handout.overflow", file: definition.path, at: range, message, help: help)
    }
}
