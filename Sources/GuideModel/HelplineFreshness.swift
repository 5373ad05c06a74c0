import Foundation
import Schema

/// How recently a helpline's channels were checked against their source,
/// measured against one day (the build's), and whether that is longer ago
/// than the guide allows (`helpline_max_age_days`). Wherever a number is
/// shown, a stale one is marked as such (SPEC "What readers must always be
/// able to trust").
public struct HelplineFreshness: Sendable, Hashable {
    /// `verified_on`: the source's date, or the last re-check.
    public let verifiedOn: FullDate
    /// Days from `verifiedOn` to the day of the build (negative: in the future).
    public let ageDays: Int
    /// The guide's window, `helpline_max_age_days`.
    public let maxAgeDays: Int

    public init(verifiedOn: FullDate, today: FullDate, maxAgeDays: Int) {
        self.verifiedOn = verifiedOn
        ageDays = verifiedOn.days(until: today)
        self.maxAgeDays = maxAgeDays
    }

    /// Past the re-check window: print and show it with its date and a warning.
    public var isStale: Bool { ageDays > maxAgeDays }
}

extension Guide {
    /// The freshness of a helpline entry (its source file's `verified_on`),
    /// nil when the entry is not a helpline or has no valid date.
    public func freshness(of entry: Entry, today: FullDate) -> HelplineFreshness? {
        guard entry.type == .helplines, let verified = sourceFile(of: entry)?.string("verified_on"),
            let date = FullDate(verified)
        else { return nil }
        return HelplineFreshness(verifiedOn: date, today: today, maxAgeDays: config.helplineMaxAgeDays)
    }
}

extension FullDate {
    /// The UTC calendar day `date` falls on.
    public init(utcDayOf date: Date) {
        self.init(daysSinceEpoch: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// The start of this day in UTC.
    public var startInUTC: Date { Date(timeIntervalSince1970: TimeInterval(daysSinceEpoch) * 86_400) }
}
