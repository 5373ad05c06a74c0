import Foundation

/// Sets one top-level front-matter field in a file's text without touching
/// anything else (comments, order, quoting and line ends stay as written).
public enum FrontMatterEditor {
    public static func setting(_ key: String, to value: String, in text: String) -> String? {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: "\n")
        let stripped = lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        guard stripped.first == "---",
            let close = stripped.indices.dropFirst().first(where: { stripped[$0] == "---" || stripped[$0] == "..." })
        else { return nil }
        let line = "\(key): \(value)" + (newline == "\r\n" ? "\r" : "")
        if let existing = stripped[1..<close].firstIndex(where: { $0.hasPrefix(key + ":") }) {
            lines[existing] = line
        } else {
            lines.insert(line, at: close)
        }
        return lines.joined(separator: "\n")
    }
}
