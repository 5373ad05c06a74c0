import Foundation
import JSON

/// Every word a handout prints that does not come from the content, in one language, read
/// from `Templates/handouts/strings/<lang>.yml`. The source language's file must hold every
/// key; another language's file may leave keys out (or be missing), and those fall back to
/// the source language's strings, never to text made up in code.
struct HandoutStrings: Sendable {
    /// Flat keys: `what_to_do`, `sections.indicators`, `channels.toll-free`, `strength.strong` …
    private var values: [String: String]

    /// Keys the source-language file must define.
    static let requiredKeys = [
        "what_to_do", "steps", "do", "dont", "who_to_call", "contents", "page", "not_stated", "hours", "languages",
        "fallback", "sections.concepts", "sections.indicators", "sections.protocols", "sections.helplines",
        "channels.phone", "channels.toll-free", "channels.whatsapp", "channels.sms", "channels.email", "channels.web",
        "channels.messenger", "strength.contextual", "strength.moderate", "strength.strong",
        "signs", "review_notice", "proof", "verified", "check_before_use", "anonymous", "free_of_charge",
        "no_emergency_number", "qr_alt", "purposes.emergency", "purposes.report", "purposes.child-protection",
        "purposes.victim-support", "duplex_long_edge", "duplex_short_edge",
    ]

    init(values: [String: String]) { self.values = values }

    subscript(_ key: String) -> String { values[key] ?? key }

    /// A nested key's string, or `nil` when neither this language nor the source language has it
    /// (an enumeration value the strings do not know yet, such as a new channel type).
    func optional(_ key: String) -> String? { values[key] }

    var interface: InterfaceStrings {
        InterfaceStrings(
            whatToDo: self["what_to_do"], steps: self["steps"], doList: self["do"],
            dontList: self["dont"], whoToCall: self["who_to_call"], contents: self["contents"],
            page: self["page"], notStated: self["not_stated"], hours: self["hours"],
            languages: self["languages"], signs: self["signs"], qrAlt: self["qr_alt"],
            duplexLongEdge: self["duplex_long_edge"], duplexShortEdge: self["duplex_short_edge"])
    }

    /// "Not yet translated: shown in English."
    func fallbackNotice(languageName: String) -> String {
        self["fallback"].replacingOccurrences(of: "{language}", with: languageName)
    }

    /// A string with its `{name}` placeholders filled in.
    func filled(_ key: String, _ values: [String: String]) -> String {
        values.reduce(self[key]) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }

    /// Loads the strings for each language in `languages`: the language's own file over the
    /// source language's. Throws (an environment problem, exit 2) when the source file is missing
    /// or incomplete, or a file is not a YAML mapping of strings.
    static func load(folder: URL, languages: [String], sourceLanguage: String) throws -> [String: HandoutStrings] {
        let sourceURL = folder.appendingPathComponent("\(sourceLanguage).yml")
        guard let source = try read(sourceURL) else {
            throw HandoutStyleError(
                file: sourceURL.path, message: "the handout strings of the source language are missing")
        }
        if let missing = requiredKeys.first(where: { source[$0] == nil }) {
            throw HandoutStyleError(file: sourceURL.path, message: "the handout strings lack the key \"\(missing)\"")
        }
        var result: [String: HandoutStrings] = [:]
        for language in Set(languages + [sourceLanguage]) {
            let own =
                language == sourceLanguage ? [:] : try read(folder.appendingPathComponent("\(language).yml")) ?? [:]
            result[language] = HandoutStrings(values: source.merging(own) { _, translated in translated })
        }
        return result
    }

    /// A strings file as flat keys, or `nil` when the file does not exist.
    private static func read(_ url: URL) throws -> [String: String]? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw HandoutStyleError(
                file: url.path, message: "cannot read the handout strings: \(error.localizedDescription)")
        }
        let (root, reader) = try StyleReader.root(yaml: text, file: url.path)
        guard case .object(let mapping) = root.value else {
            throw HandoutStyleError(file: url.path, message: "the handout strings must be a YAML mapping")
        }
        var flat: [String: String] = [:]
        func add(_ value: JSONValue, path: [String]) throws {
            switch value {
            case .object(let nested):
                for child in nested.keys { try add(nested[child] ?? .null, path: path + [child]) }
            case .string(let string):
                flat[path.joined(separator: ".")] = string
            default:
                throw reader.error(
                    StyleNode(value: value, path: path),
                    "\"\(path.joined(separator: "."))\" must be a string (quote it)")
            }
        }
        for key in mapping.keys { try add(mapping[key] ?? .null, path: [key]) }
        return flat
    }
}
