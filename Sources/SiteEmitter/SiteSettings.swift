import Diagnostics
import Foundation
import JSON

/// Deployment settings from `Templates/site/settings.json` (all optional).
struct SiteSettings: Sendable {
    /// Where the quick-exit control sends the reader: an everyday site that
    /// says nothing about what the reader was looking at. As GOV.UK's "Exit
    /// this page" does, a weather page: neutral in every country, and not a
    /// search engine (whose page could show the reader's recent searches).
    static let defaultQuickExitURL = "https://www.bbc.com/weather"
    var quickExitURL = SiteSettings.defaultQuickExitURL

    static func load(folder: URL, displayFolder: String) -> (SiteSettings, [Diagnostic]) {
        var settings = SiteSettings()
        let display = "\(displayFolder)/settings.json"
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("settings.json").path)
        else {
            return (settings, [])
        }
        do {
            let (value, positions) = try JSONParser.parseWithPositions(String(decoding: data, as: UTF8.self))
            if let url = value["quick_exit_url"] {
                let position = positions[JSONPointer(tokens: ["quick_exit_url"])] ?? (1, 1)
                guard let text = url.stringValue, text.hasPrefix("https://") || text.hasPrefix("http://") else {
                    return (
                        settings,
                        [
                            .error(
                                "site.settings", file: display,
                                at: SourceRange(line: position.line, column: position.column, length: 16),
                                "quick_exit_url must be an http(s) URL of a neutral site",
                                help: "use the address of an everyday site, such as a weather or news page")
                        ]
                    )
                }
                settings.quickExitURL = text
            }
            return (settings, [])
        } catch let error as JSONParseError {
            return (
                settings,
                [
                    .error(
                        "site.settings", file: display,
                        at: SourceRange(line: error.line, column: error.column, length: 1), error.message,
                        help: "settings.json is one JSON object, such as {\"quick_exit_url\": \"https://…\"}")
                ]
            )
        } catch {
            return (settings, [.error("site.settings", file: display, at: nil, "\(error)")])
        }
    }
}
