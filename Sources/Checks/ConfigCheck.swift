import Diagnostics
import GuideModel
import JSON

/// `guide.yml` makes sense as a whole: the source language and every
/// fallback or country language is declared, and every title and name is
/// given in every declared language; `base_url` is not a placeholder host.
struct ConfigCheck: Check {
    func checkGuide(_ context: CheckContext, invalidFrontMatter: Set<String>) -> [Diagnostic] {
        guard let document = context.guide.configDocument, !invalidFrontMatter.contains(document.path) else {
            return []
        }
        let config = context.guide.config
        let declared = config.languageCodes
        var out: [Diagnostic] = []
        func undeclared(_ code: String, at path: [String]) {
            guard !declared.contains(code) else { return }
            out.append(
                .error(
                    "config.language", file: document.path, at: document.positions.valueRange(path),
                    "language \"\(code)\" is not declared under `languages`",
                    help: Suggestion.closest(to: code, among: declared).map { "did you mean \"\($0)\"?" }
                        ?? "add it to `languages`"))
        }
        for (i, item) in (document.value["languages"]?.arrayValue ?? []).enumerated() {
            for (j, code) in (item["fallback"]?.arrayValue ?? []).enumerated() {
                if let code = code.stringValue {
                    undeclared(code, at: ["languages", String(i), "fallback", String(j)])
                }
            }
        }
        for (i, item) in (document.value["countries"]?.arrayValue ?? []).enumerated() {
            for (j, code) in (item["languages"]?.arrayValue ?? []).enumerated() {
                if let code = code.stringValue {
                    undeclared(code, at: ["countries", String(i), "languages", String(j)])
                }
            }
        }
        func names(_ value: JSONValue?, at path: [String], what: String) {
            let given = Set(value?.objectValue?.keys ?? [])
            let missing = declared.filter { !given.contains($0) }
            guard !missing.isEmpty else { return }
            out.append(
                .warning(
                    "config.name-missing", file: document.path, at: document.positions.keyRange(path),
                    "\(what) has no text for \(missing.joined(separator: ", "))",
                    help: "add `\(missing[0]): …` so readers of every language see it in their language"))
        }
        if let host = config.placeholderHost {
            out.append(
                .warning(
                    "config.placeholder-host", file: document.path, at: document.positions.valueRange(["base_url"]),
                    "base_url is on \"\(host)\", a name reserved for examples and tests: the site is not published there, "
                        + "so QR codes and links printed on handouts would lead nowhere",
                    help: "set base_url to the address where the site will be published; until then, "
                        + "handouts that print it are built only as proofs"))
        }
        names(document.value["title"], at: ["title"], what: "title")
        for (list, singular) in [
            ("countries", "country"), ("roles", "role"), ("touchpoints", "touchpoint"), ("categories", "category"),
        ] {
            for (i, item) in (document.value[list]?.arrayValue ?? []).enumerated() {
                let id = item["id"]?.stringValue ?? item["code"]?.stringValue ?? String(i)
                names(item["name"], at: [list, String(i), "name"], what: "the name of \(singular) \"\(id)\"")
            }
        }
        return out
    }

    /// A `source_language` that cannot be right: undeclared, or declared but
    /// missing from more than a tenth of the entries while another language
    /// has more of them. Every
    /// entry would otherwise give its own consequence (a translation without
    /// source, fields that "cannot be translated" …), so this is reported
    /// alone, at `source_language`, and checking stops there.
    static func sourceLanguageProblem(_ guide: Guide) -> Diagnostic? {
        guard let document = guide.configDocument else { return nil }
        let config = guide.config
        let at = document.positions.valueRange(["source_language"])
        let declared = config.languageCodes
        guard declared.contains(config.sourceLanguage) else {
            return .error(
                "config.language", file: document.path, at: at,
                "language \"\(config.sourceLanguage)\" is not declared under `languages`",
                help: Suggestion.closest(to: config.sourceLanguage, among: declared).map { "did you mean \"\($0)\"?" }
                    ?? "add it to `languages`")
        }
        let entries = guide.allEntries
        guard entries.count >= 2 else { return nil }
        var coverage: [String: Int] = [:]
        for entry in entries { for language in entry.files.keys { coverage[language, default: 0] += 1 } }
        let own = coverage[config.sourceLanguage] ?? 0
        // Every entry has a source file; a few missing ones are each reported
        // where they are (translation.no-source). Many missing while another
        // language has more files means the setting itself is wrong.
        guard (entries.count - own) * 10 > entries.count,
            let (best, count) = coverage.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), count > own
        else { return nil }
        return .error(
            "config.source-language", file: document.path, at: at,
            "\(entries.count - own) of \(entries.count) entries have no \(config.sourceLanguage) file, "
                + "while \(count) have a \(best) file: the source language holds every entry's fields",
            help: "did you mean \"\(best)\"?")
    }
}
