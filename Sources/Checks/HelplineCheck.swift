import Diagnostics
import Foundation
import GuideModel

/// Helplines: a short code only for emergency lines, and `verified_on` not
/// older than `helpline_max_age_days` (nor in the future).
struct HelplineCheck: Check {
    private static let phoneLike: Set<String> = ["phone", "toll-free", "whatsapp", "sms"]

    func check(_ entry: EntryFiles, in context: CheckContext) -> [Diagnostic] {
        guard entry.entry.type == .helplines, let file = entry.source, entry.isValid(file) else { return [] }
        let guide = context.guide
        var out: [Diagnostic] = []
        let purpose = file.string("purpose")
        for (i, channel) in (file.frontMatter["channels"]?.arrayValue ?? []).enumerated() {
            guard let type = channel["type"]?.stringValue, Self.phoneLike.contains(type),
                  let value = channel["value"]?.stringValue, !value.hasPrefix("+"), purpose != "emergency" else { continue }
            out.append(.error("helpline.short-code", file: file.path, at: file.positions.valueRange(["channels", String(i), "value"]),
                              "\"\(value)\" is not in E.164 form; short codes are only for emergency lines",
                              help: "write the full international number, e.g. +18092007393, or set purpose: emergency"))
        }
        if let verified = file.string("verified_on"), let date = Self.date(verified) {
            let days = Int(context.today.timeIntervalSince(date) / 86_400)
            let at = file.positions.valueRange(["verified_on"])
            if days < 0 {
                out.append(.error("helpline.verified-future", file: file.path, at: at,
                                  "verified_on \(verified) is in the future", help: "use the date the number was checked"))
            } else if days > guide.config.helplineMaxAgeDays {
                out.append(.warning("helpline.stale", file: file.path, at: at,
                                    "last verified \(days) days ago (\(verified)); helplines are re-checked every \(guide.config.helplineMaxAgeDays) days",
                                    help: "check the number against its source again, then update verified_on"))
            }
        }
        return out
    }

    static func date(_ text: String) -> Date? { dates.date(text) }

    /// One formatter for every helpline (making one per date was most of this
    /// check's time), used by one thread at a time.
    private static let dates = DateParser()

    private final class DateParser: @unchecked Sendable {
        private let lock = NSLock()
        private let formatter: DateFormatter = {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(identifier: "UTC")
            f.dateFormat = "yyyy-MM-dd"
            return f
        }()

        func date(_ text: String) -> Date? {
            lock.lock(); defer { lock.unlock() }
            return formatter.date(from: text)
        }
    }
}
