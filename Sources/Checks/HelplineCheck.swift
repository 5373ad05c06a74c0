import Diagnostics
import Foundation
import GuideModel
import Schema

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
                let value = channel["value"]?.stringValue, !value.hasPrefix("+"), purpose != "emergency"
            else { continue }
            out.append(
                .error(
                    "helpline.short-code", file: file.path,
                    at: file.positions.valueRange(["channels", String(i), "value"]),
                    "\"\(value)\" is not in E.164 form; short codes are only for emergency lines",
                    help: "write the full international number, e.g. +18092007393, or set purpose: emergency"))
        }
        // A date that is not a real day is the schema's `schema.format` error.
        if let freshness = guide.freshness(of: entry.entry, today: FullDate(utcDayOf: context.today)) {
            let verified = freshness.verifiedOn
            let at = file.positions.valueRange(["verified_on"])
            if freshness.ageDays < 0 {
                out.append(
                    .error(
                        "helpline.verified-future", file: file.path, at: at,
                        "verified_on \(verified) is in the future", help: "use the date the number was checked"))
            } else if freshness.isStale {
                out.append(
                    .warning(
                        "helpline.stale", file: file.path, at: at,
                        "last verified \(freshness.ageDays) days ago (\(verified)); helplines are re-checked every \(freshness.maxAgeDays) days",
                        help: "check the number against its source again, then update verified_on"))
            }
        }
        return out
    }
}
