import Foundation
import GuideModel

/// The date printed in handout footers: the day of `SOURCE_DATE_EPOCH` (UTC) when set, else the
/// latest date the content itself records (a helpline's `verified_on`, a source's `accessed`).
/// Never the wall clock, so the same content prints the same date on every machine.
enum ContentDate {
    static func day(sourceDate: Date?, guide: Guide) -> String {
        if let sourceDate {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let parts = calendar.dateComponents([.year, .month, .day], from: sourceDate)
            return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
        }
        var latest = "1970-01-01"
        for entry in guide.allEntries {
            for file in entry.files.values {
                var dates = [file.string("verified_on"), file.frontMatter["source"]?["accessed"]?.stringValue]
                dates += (file.frontMatter["sources"]?.arrayValue ?? []).map { $0["accessed"]?.stringValue }
                for case let date? in dates where isDay(date) && date > latest { latest = date }
            }
        }
        return latest
    }

    /// `YYYY-MM-DD` with plausible digits (ISO dates compare correctly as strings).
    private static func isDay(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || (48...57).contains($0.element) }
    }
}
