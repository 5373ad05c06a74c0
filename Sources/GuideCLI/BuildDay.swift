import ArgumentParser
import Foundation
import GuideModel
import Schema

/// The day helpline ages are measured against, for checks and outputs alike:
/// `--today` when given, else today's date (UTC). Not `SOURCE_DATE_EPOCH`:
/// whether a number is past its re-check window depends on the day readers
/// get it, and a build must never show a stale number as fresh because its
/// timestamp was pinned to an older day. (A reproducible build that must
/// also be reproducible across days passes `--today`.)
enum BuildDay {
    static func resolve(_ option: String?) throws -> FullDate {
        if let option {
            guard let day = FullDate(option) else {
                throw ValidationError("--today takes a real date YYYY-MM-DD, not \"\(option)\"")
            }
            return day
        }
        return FullDate(utcDayOf: Date())
    }
}
