import GuideModel
import Markdown

/// `guide status --html FILE`: the matrix as one self-contained page (inline
/// CSS, no script, nothing loaded from anywhere). Every state is written as
/// text with a symbol, so colour is never the only cue.
extension StatusReport {
    func html(title: String, names: [String: String]) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Translation status: \(HTMLEscaping.escape(title))</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <main>
            <h1>Translation status</h1>
            <p class="lead">\(HTMLEscaping.escape(title))<br>Source language: \(HTMLEscaping.escape(names[sourceLanguage] ?? sourceLanguage)) (\(HTMLEscaping.escape(sourceLanguage))).
            \(rows.count) entries × \(languages.count) languages, on \(today).</p>

            """
        out +=
            "<section aria-labelledby=\"progress\">\n<h2 id=\"progress\">Progress per language</h2>\n<ul class=\"progress\">\n"
        for language in languages {
            let counts = byLanguage[language] ?? Counts()
            out +=
                "<li><h3>\(HTMLEscaping.escape(names[language] ?? language)) <span class=\"code\">(\(HTMLEscaping.escape(language)))</span></h3>\n"
            out += bar(counts) + "<p>\(counts.percentCurrent)% current: \(describe(counts))</p></li>\n"
        }
        out += "</ul>\n</section>\n"

        out += "<section aria-labelledby=\"grid\">\n<h2 id=\"grid\">Entries × languages</h2>\n"
        out +=
            "<p class=\"legend\">"
            + [
                ("current", "✓ current", "up to date with the source"),
                ("outdated", "! outdated", "the source changed since the translation was stamped"),
                ("unstamped", "! unstamped", "never stamped: counts as outdated"),
                ("fallback", "→ missing", "no translation; readers see the language named"),
                ("missing", "✗ missing", "no translation and nothing shown"),
            ]
            .map { "<span class=\"s s-\($0.0)\">\($0.1)</span> \($0.2)" }.joined(separator: " · ") + "</p>\n"
        out +=
            "<div class=\"scroll\"><table>\n<caption>Translation state of every entry in every language</caption>\n<thead><tr><th scope=\"col\">Entry</th>"
        for language in languages {
            out +=
                "<th scope=\"col\"><abbr title=\"\(HTMLEscaping.escape(names[language] ?? language))\">\(HTMLEscaping.escape(language))</abbr></th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr><th scope=\"row\">\(HTMLEscaping.escape(row.reference))"
            if row.sourceFile == nil { out += " <span class=\"s s-missing\">no source file</span>" }
            out += "</th>"
            for cell in row.cells { out += cellHTML(cell, names: names) }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table></div>\n</section>\n"

        out +=
            "<section aria-labelledby=\"types\">\n<h2 id=\"types\">Per type</h2>\n<table>\n<thead><tr><th scope=\"col\">Type</th><th scope=\"col\">Current</th><th scope=\"col\">Outdated</th><th scope=\"col\">Missing</th><th scope=\"col\">Current %</th></tr></thead>\n<tbody>\n"
        for type in EntryType.allCases {
            guard let counts = byType[type] else { continue }
            out +=
                "<tr><th scope=\"row\">\(type.rawValue)</th><td>\(counts.current)</td><td>\(counts.outdated)</td><td>\(counts.missing)</td><td>\(counts.percentCurrent)%</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"

        out += "<section aria-labelledby=\"helplines\">\n<h2 id=\"helplines\">Helplines due for re-verification</h2>\n"
        if helplinesDue.isEmpty {
            out += "<p>None: every helpline was verified within \(maxAgeDays) days of \(today).</p>\n"
        } else {
            out +=
                "<p>verified_on is older than \(maxAgeDays) days. Check each number against its source again, then update verified_on.</p>\n<ul>\n"
            for due in helplinesDue {
                out +=
                    "<li><strong>\(HTMLEscaping.escape(due.reference))</strong>\(due.country.map { " (\(HTMLEscaping.escape($0)))" } ?? ""): verified \(HTMLEscaping.escape(due.verifiedOn)), \(due.ageDays) days ago. <code>\(HTMLEscaping.escape(due.file)):\(due.line)</code></li>\n"
            }
            out += "</ul>\n"
        }
        out += "</section>\n</main>\n</body>\n</html>\n"
        return out
    }

    private func cellHTML(_ cell: Cell, names: [String: String]) -> String {
        switch cell.state {
        case .current, .source: return "<td class=\"s-current\">✓ current</td>"
        case .outdated(let recorded):
            return recorded == nil
                ? "<td class=\"s-unstamped\">! unstamped</td>" : "<td class=\"s-outdated\">! outdated</td>"
        case .missing(let fallback?):
            return
                "<td class=\"s-fallback\">→ missing<span class=\"note\">shown in \(HTMLEscaping.escape(names[fallback] ?? fallback))</span></td>"
        case .missing(nil): return "<td class=\"s-missing\">✗ missing</td>"
        }
    }

    private func describe(_ c: Counts) -> String {
        "\(c.current) current, \(c.outdated) outdated" + (c.unstamped > 0 ? " (\(c.unstamped) unstamped)" : "")
            + ", \(c.missing) missing" + (c.fallback > 0 ? " (\(c.fallback) shown in a fallback language)" : "")
            + " of \(c.total)"
    }

    /// A stacked bar; hidden from assistive technology, since the text after it says the same.
    private func bar(_ c: Counts) -> String {
        guard c.total > 0 else { return "" }
        func segment(_ n: Int, _ kind: String) -> String {
            n == 0 ? "" : "<span class=\"seg s-\(kind)\" style=\"width:\(Double(n * 10000 / c.total) / 100)%\"></span>"
        }
        return "<div class=\"bar\" aria-hidden=\"true\">" + segment(c.current, "current")
            + segment(c.outdated, "outdated")
            + segment(c.fallback, "fallback") + segment(c.missing - c.fallback, "missing") + "</div>\n"
    }

    static let css = """
        body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;margin:0}
        main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem 3rem}
        h1{margin-bottom:.25rem}.lead{color:#333}
        .progress{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem}
        .progress h3{margin:0;font-size:1rem}.code{font-weight:normal;color:#444}
        .progress p{margin:.25rem 0 0;font-size:.9rem}
        .bar{display:flex;height:1rem;border:1px solid #555;border-radius:3px;overflow:hidden;background:#eee}
        .seg{display:block;height:100%}
        .seg.s-current{background:#2e7d32}.seg.s-outdated{background:#f9a825}.seg.s-fallback{background:#64b5f6}.seg.s-missing{background:#c62828}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}
        caption{text-align:left;font-weight:bold;padding:.25rem 0}
        th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}
        thead th{background:#f0f0f0;position:sticky;top:0}
        tbody th{font-weight:normal;font-family:ui-monospace,monospace;white-space:nowrap}
        .note{display:block;font-size:.8rem}
        .s{padding:0 .3rem;border-radius:3px;white-space:nowrap}
        .s-current{background:#e3f4e4;color:#14501a}
        .s-outdated,.s-unstamped{background:#fff4cc;color:#5c4300;font-weight:bold}
        .s-fallback{background:#e3f0fb;color:#0d3c61}
        .s-missing{background:#fbe3e3;color:#7f1010;font-weight:bold}
        abbr{text-decoration:none}
        @media print{thead th{position:static}}
        """
}
