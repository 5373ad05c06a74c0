import Foundation

/// The creation and modification date written into the PDF. Never the wall clock: the same
/// input must give the same bytes.
enum DocumentDate {
    /// `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) when set, else midnight UTC of the
    /// content date, as the ISO 8601 string cairo expects.
    static func iso8601(sourceDateEpoch: String?, contentDate: String) throws -> String {
        let date: Date
        if let epoch = sourceDateEpoch?.trimmingCharacters(in: .whitespaces), !epoch.isEmpty {
            guard let seconds = Int(epoch), seconds >= 0 else {
                throw HandoutError.invalidDate("SOURCE_DATE_EPOCH=\(epoch) (expected whole seconds since 1970)")
            }
            date = Date(timeIntervalSince1970: TimeInterval(seconds))
        } else {
            let day = ISO8601DateFormatter()
            day.formatOptions = [.withFullDate]
            day.timeZone = TimeZone(identifier: "UTC")
            guard let parsed = day.date(from: contentDate) else {
                throw HandoutError.invalidDate("content date \"\(contentDate)\" (expected YYYY-MM-DD)")
            }
            date = parsed
        }
        let stamp = ISO8601DateFormatter()
        stamp.formatOptions = [.withInternetDateTime]
        stamp.timeZone = TimeZone(identifier: "UTC")
        return stamp.string(from: date)
    }
}
