import Foundation
import GuideModel
import Schema

/// The translation matrix `guide status` prints: every entry in every
/// translation language, totals per language and per type, and helplines
/// due for re-verification.
struct StatusReport {
    /// One entry in one language.
    struct Cell {
        var language: String
        var state: TranslationState
        /// The translation file, when it exists.
        var file: String?
        /// The translation's `status` (draft, review, published), when it exists.
        var status: String?

        /// The name used in reports: current, outdated, unstamped (an outdated
        /// translation never stamped), missing.
        var label: String {
            if case .outdated(recorded: nil) = state { return "unstamped" }
            return state.name
        }

        var fallback: String? {
            if case .missing(let language) = state { return language }
            return nil
        }
    }

    struct Row {
        var type: EntryType
        var id: String
        /// The source-language file (nil when the entry has none).
        var sourceFile: String?
        var sourceStatus: String?
        var cells: [Cell]
        var reference: String { "\(type.rawValue)/\(id)" }
    }

    /// How many cells are in each state.
    struct Counts: Equatable {
        var current = 0, outdated = 0, unstamped = 0, missing = 0, fallback = 0

        /// Outdated includes unstamped; missing includes those shown in a fallback language.
        mutating func add(_ cell: Cell) {
            switch cell.state {
            case .current: current += 1
            case .outdated(let recorded):
                outdated += 1
                if recorded == nil { unstamped += 1 }
            case .missing(let language):
                missing += 1
                if language != nil { fallback += 1 }
            case .source: break
            }
        }

        var total: Int { current + outdated + missing }
        /// Whole percent of cells that are current (100 when there are none).
        var percentCurrent: Int { total == 0 ? 100 : current * 100 / total }
    }

    struct HelplineDue {
        var reference: String
        var file: String
        var line: Int
        var country: String?
        var verifiedOn: String
        var ageDays: Int
    }

    var sourceLanguage: String
    /// The translation languages shown, in guide.yml order.
    var languages: [String]
    var rows: [Row]
    var byLanguage: [String: Counts]
    var byType: [EntryType: Counts]
    var helplinesDue: [HelplineDue]
    var maxAgeDays: Int
    var today: String

    init(guide: Guide, languages selected: [String]? = nil, today: FullDate) {
        let config = guide.config
        sourceLanguage = config.sourceLanguage
        let translations = config.languageCodes.filter { $0 != config.sourceLanguage }
        let shown = selected.map { s in translations.filter(s.contains) } ?? translations
        languages = shown
        maxAgeDays = config.helplineMaxAgeDays
        self.today = today.description
        var byLanguage: [String: Counts] = [:]
        var byType: [EntryType: Counts] = [:]
        for language in shown { byLanguage[language] = Counts() }
        rows = guide.allEntries.map { entry in
            let source = guide.sourceFile(of: entry)
            let cells = shown.map { language -> Cell in
                let file = entry.files[language]
                return Cell(
                    language: language, state: guide.translationState(of: entry, in: language),
                    file: file?.path, status: file?.status)
            }
            for cell in cells {
                byLanguage[cell.language, default: Counts()].add(cell)
                byType[entry.type, default: Counts()].add(cell)
            }
            return Row(
                type: entry.type, id: entry.id, sourceFile: source?.path, sourceStatus: source?.status, cells: cells)
        }
        self.byLanguage = byLanguage
        self.byType = byType
        helplinesDue = guide.entries(of: .helplines).compactMap { entry in
            guard let file = guide.sourceFile(of: entry), let freshness = guide.freshness(of: entry, today: today),
                freshness.isStale
            else { return nil }
            return HelplineDue(
                reference: entry.reference.description, file: file.path,
                line: file.positions.valueRange(["verified_on"]).start.line,
                country: file.string("country"), verifiedOn: freshness.verifiedOn.description,
                ageDays: freshness.ageDays)
        }.sorted { ($0.ageDays, $1.reference) > ($1.ageDays, $0.reference) }
    }

    /// Totals over every shown language.
    var overall: Counts {
        var sum = Counts()
        for counts in byLanguage.values {
            sum.current += counts.current
            sum.outdated += counts.outdated
            sum.unstamped += counts.unstamped
            sum.missing += counts.missing
            sum.fallback += counts.fallback
        }
        return sum
    }
}
