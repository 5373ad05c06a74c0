import Diagnostics
import Foundation
import GuideModel
import JSON

/// The site's interface text (labels, notices, the quick-exit label) per
/// language, from `Templates/strings/<lang>.json`: one flat object of string
/// values. A language without a file, or a file without some keys, borrows
/// the source language's text and is reported as `site.strings-missing`.
struct InterfaceStrings: Sendable {
    /// Complete strings per declared language (after filling gaps).
    private(set) var byLanguage: [String: [String: String]] = [:]

    /// Keys the emitter itself reads (templates may use more: every key in the
    /// source-language file is required in every language).
    static let requiredKeys: [String] = [
        "quick_exit", "quick_exit_hint", "skip_to_content", "languages_label", "sections_label", "home",
        "search_label", "search_button", "search_heading", "search_no_results", "search_results", "search_needs_script",
        "type_concepts", "type_indicators", "type_protocols", "type_helplines",
        "touchpoints", "roles", "countries",
        "notice_missing", "notice_missing_strong", "notice_outdated", "notice_outdated_link",
        "strength_contextual", "strength_moderate", "strength_strong",
        "purpose_report", "purpose_victim-support", "purpose_emergency",
        "channel_phone", "channel_toll-free", "channel_whatsapp", "channel_sms", "channel_email", "channel_web",
        "channel_messenger", "yes", "no", "not_stated",
    ]

    /// Loads every declared language's strings; diagnostics for what is missing.
    static func load(
        folder: URL, displayFolder: String, config: GuideConfig,
        configDocument: YAMLDocument?
    ) -> (InterfaceStrings, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var raw: [String: [String: String]] = [:]
        for language in config.languageCodes {
            let url = folder.appendingPathComponent("\(language).json")
            let display = "\(displayFolder)/\(language).json"
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            do {
                let value = try JSONParser.parse([UInt8](data))
                guard let object = value.objectValue else {
                    diagnostics.append(
                        .error(
                            "site.strings-invalid", file: display, at: SourceRange(line: 1, column: 1, length: 1),
                            "interface strings must be a JSON object of strings",
                            help: "write the labels as { \"key\": \"text\", … }"))
                    continue
                }
                var strings: [String: String] = [:]
                for (key, value) in object {
                    if let text = value.stringValue { strings[key] = text }
                }
                raw[language] = strings
            } catch let error as JSONParseError {
                diagnostics.append(
                    .error(
                        "site.strings-invalid", file: display,
                        at: SourceRange(line: error.line, column: error.column, length: 1), error.message,
                        help: "the file is one JSON object of \"key\": \"text\" pairs"))
            } catch {
                diagnostics.append(.error("site.strings-invalid", file: display, at: nil, "\(error)"))
            }
        }

        let source = config.sourceLanguage
        let sourceStrings = raw[source] ?? [:]
        var result = InterfaceStrings()
        let canonical = Set(requiredKeys).union(sourceStrings.keys).sorted()
        for (index, language) in config.languages.enumerated() {
            let code = language.code
            let display = "\(displayFolder)/\(code).json"
            guard let own = raw[code] else {
                if !diagnostics.contains(where: { $0.file == display }) {
                    let place = configDocument?.positions.valueRange(["languages", String(index), "code"])
                    diagnostics.append(
                        Diagnostic(
                            "site.strings-missing", code == source ? .error : .warning,
                            file: configDocument?.path ?? "guide.yml", range: place,
                            message: "language \"\(code)\" has no interface strings (\(display))",
                            help: code == source
                                ? "create \(display) with the site's labels"
                                : "copy \(displayFolder)/\(source).json to \(display) and translate it; until then the site shows \(source) labels"
                        ))
                }
                result.byLanguage[code] = fill([:], from: sourceStrings, keys: canonical)
                continue
            }
            let missing = canonical.filter { own[$0] == nil }
            if !missing.isEmpty {
                let shown = missing.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")
                diagnostics.append(
                    Diagnostic(
                        "site.strings-missing", code == source ? .error : .warning, file: display, range: nil,
                        message:
                            "missing interface string\(missing.count == 1 ? "" : "s") \(shown)\(missing.count > 8 ? " and \(missing.count - 8) more" : "")",
                        help: code == source
                            ? "add the keys the templates use"
                            : "add the keys; until then the site shows the \(source) text"))
            }
            result.byLanguage[code] = fill(own, from: sourceStrings, keys: canonical)
        }
        return (result, diagnostics)
    }

    private static func fill(_ own: [String: String], from source: [String: String], keys: [String]) -> [String: String]
    {
        var filled = own
        for key in keys where filled[key] == nil { filled[key] = source[key] ?? key }
        return filled
    }

    /// The strings for `language` (every key present).
    func strings(_ language: String) -> [String: String] { byLanguage[language] ?? [:] }
}

extension Dictionary where Key == String, Value == String {
    /// A string with `{name}` placeholders replaced.
    func format(_ key: String, _ values: [String: String] = [:]) -> String {
        var text = self[key] ?? key
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }
}
