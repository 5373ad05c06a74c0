import GuideModel

/// `guide status` for the terminal: the matrix, totals and helplines due.
extension StatusReport {
    func text(color: Bool, names: [String: String]) -> String {
        let paint = StatusPainter(enabled: color)
        var out = ""
        let entryWidth = max(5, rows.map(\.reference.count).max() ?? 0) + 2
        let cellWidth = max(12, (languages.map(\.count).max() ?? 0) + 2)
        out +=
            paint.bold("Translations") + " (source language: \(sourceLanguage); "
            + "\(rows.count) entries × \(languages.count) language\(languages.count == 1 ? "" : "s"))\n\n"
        if rows.isEmpty || languages.isEmpty {
            out += rows.isEmpty ? "No entries yet.\n" : "No translation languages are declared in guide.yml.\n"
        } else {
            let header = pad("entry", entryWidth) + languages.map { pad($0, cellWidth) }.joined()
            out += paint.bold(String(header.reversed().drop { $0 == " " }.reversed())) + "\n"
            for row in rows {
                out += pad(row.reference, entryWidth)
                for (i, cell) in row.cells.enumerated() {
                    let text = cellText(cell)
                    out += paint.state(cell, text) + (i == row.cells.count - 1 ? "" : pad("", cellWidth - text.count))
                }
                if row.sourceFile == nil { out += paint.red(" (no source file)") }
                out += "\n"
            }
        }
        out += "\n" + paint.bold("Per language") + "\n"
        let nameWidth = max(8, languages.map { "\($0) \(names[$0] ?? "")".count }.max() ?? 0) + 2
        for language in languages {
            out +=
                pad("\(language) \(names[language] ?? "")", nameWidth)
                + summary(byLanguage[language] ?? Counts(), paint) + "\n"
        }
        out += "\n" + paint.bold("Per type") + "\n"
        for type in EntryType.allCases where rows.contains(where: { $0.type == type }) {
            out += pad(type.rawValue, nameWidth) + summary(byType[type] ?? Counts(), paint) + "\n"
        }
        out += "\n"
        if helplinesDue.isEmpty {
            out +=
                paint.bold("Helplines")
                + ": none due for re-verification (every verified_on is within \(maxAgeDays) days of \(today)).\n"
        } else {
            out +=
                paint.bold("Helplines due for re-verification")
                + " (verified_on older than \(maxAgeDays) days on \(today)):\n"
            for due in helplinesDue {
                out +=
                    "  " + paint.yellow(due.reference) + (due.country.map { " (\($0))" } ?? "")
                    + ": verified \(due.verifiedOn), \(due.ageDays) days ago; \(due.file):\(due.line)\n"
            }
            out += "  Check each number against its source again, then update verified_on.\n"
        }
        if overall.outdated > 0 {
            out +=
                "\nOutdated: see what changed in the source with `guide status --diff <translation file>`;"
                + " once the translation is updated, record it with `guide stamp <translation file>`.\n"
        }
        return out
    }

    /// `current`, `outdated`, `unstamped`, `missing→es` (shown in es) or `missing` (nothing shown).
    func cellText(_ cell: Cell) -> String {
        if case .missing(let fallback?) = cell.state { return "missing→\(fallback)" }
        return cell.label
    }

    private func summary(_ counts: Counts, _ paint: StatusPainter) -> String {
        var parts = [
            paint.green("\(counts.current) current"),
            paint.yellow("\(counts.outdated) outdated")
                + (counts.unstamped > 0 ? " (\(counts.unstamped) unstamped)" : ""),
        ]
        let missing = "\(counts.missing) missing"
        parts.append(
            (counts.missing > counts.fallback ? paint.red(missing) : paint.cyan(missing))
                + (counts.fallback > 0 ? " (\(counts.fallback) shown in a fallback language)" : ""))
        return parts.joined(separator: ", ") + " — \(counts.percentCurrent)% current"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}

/// ANSI colours, or nothing when output is not a terminal or NO_COLOR is set.
struct StatusPainter {
    var enabled: Bool

    func paint(_ text: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ t: String) -> String { paint(t, "1") }
    func green(_ t: String) -> String { paint(t, "32") }
    func yellow(_ t: String) -> String { paint(t, "33") }
    func red(_ t: String) -> String { paint(t, "31") }
    func cyan(_ t: String) -> String { paint(t, "36") }

    func state(_ cell: StatusReport.Cell, _ text: String) -> String {
        switch cell.state {
        case .current, .source: return green(text)
        case .outdated: return yellow(text)
        case .missing(let fallback): return fallback == nil ? red(text) : cyan(text)
        }
    }
}
