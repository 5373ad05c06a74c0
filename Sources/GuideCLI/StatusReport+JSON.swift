import GuideModel
import JSON

/// `guide status --format json`: the documented, stable shape.
///
/// ```
/// {
///   "source_language": "en", "languages": ["es", …], "today": "2025-01-31",
///   "entries": [{"type": "concepts", "id": "consent", "reference": "concepts/consent",
///                "source": {"file": "Content/concepts/consent.en.md", "status": "published"},
///                "languages": {"es": {"state": "current", "file": "…", "status": "review"},
///                              "nl": {"state": "missing", "fallback": "en"}, …}}],
///   "totals": {"languages": {"es": {COUNTS}}, "types": {"concepts": {COUNTS}}, "all": {COUNTS}},
///   "helplines_due": [{"reference": "helplines/…", "file": "…", "line": 12, "country": "DO",
///                      "verified_on": "2024-01-01", "age_days": 400, "max_age_days": 180}]
/// }
/// ```
/// COUNTS is `{"current", "outdated", "unstamped", "missing", "fallback", "total", "percent_current"}`;
/// `outdated` includes `unstamped`, `missing` includes `fallback`. A state is
/// one of `current`, `outdated`, `unstamped`, `missing`; `fallback` is the
/// language shown instead (null when nothing is shown); `recorded_hash` is the
/// `source_hash` an outdated translation records.
extension StatusReport {
    var json: JSONValue {
        .object(
            JSONObject([
                ("source_language", .string(sourceLanguage)),
                ("languages", .array(languages.map(JSONValue.string))),
                ("today", .string(today)),
                ("entries", .array(rows.map(Self.json))),
                (
                    "totals",
                    .object(
                        JSONObject([
                            (
                                "languages",
                                .object(JSONObject(languages.map { ($0, Self.json(byLanguage[$0] ?? Counts())) }))
                            ),
                            (
                                "types",
                                .object(
                                    JSONObject(
                                        EntryType.allCases.compactMap { type in
                                            byType[type].map { (type.rawValue, Self.json($0)) }
                                        }))
                            ),
                            ("all", Self.json(overall)),
                        ]))
                ),
                (
                    "helplines_due",
                    .array(
                        helplinesDue.map { due in
                            .object(
                                JSONObject([
                                    ("reference", .string(due.reference)), ("file", .string(due.file)),
                                    ("line", .number(.integer(due.line))),
                                    ("country", due.country.map(JSONValue.string) ?? .null),
                                    ("verified_on", .string(due.verifiedOn)),
                                    ("age_days", .number(.integer(due.ageDays))),
                                    ("max_age_days", .number(.integer(maxAgeDays))),
                                ]))
                        })
                ),
            ]))
    }

    private static func json(_ row: Row) -> JSONValue {
        .object(
            JSONObject([
                ("type", .string(row.type.rawValue)), ("id", .string(row.id)), ("reference", .string(row.reference)),
                (
                    "source",
                    row.sourceFile.map { file in
                        .object(
                            JSONObject([
                                ("file", .string(file)), ("status", row.sourceStatus.map(JSONValue.string) ?? .null),
                            ]))
                    } ?? .null
                ),
                (
                    "languages",
                    .object(
                        JSONObject(
                            row.cells.map { cell in
                                var object = JSONObject([("state", .string(cell.label))])
                                if case .missing(let fallback) = cell.state {
                                    object["fallback"] = fallback.map(JSONValue.string) ?? .null
                                }
                                if case .outdated(let recorded?) = cell.state {
                                    object["recorded_hash"] = .string(recorded)
                                }
                                if let file = cell.file { object["file"] = .string(file) }
                                if let status = cell.status { object["status"] = .string(status) }
                                return (cell.language, .object(object))
                            }))
                ),
            ]))
    }

    private static func json(_ counts: Counts) -> JSONValue {
        func n(_ i: Int) -> JSONValue { .number(.integer(i)) }
        return .object(
            JSONObject([
                ("current", n(counts.current)), ("outdated", n(counts.outdated)), ("unstamped", n(counts.unstamped)),
                ("missing", n(counts.missing)), ("fallback", n(counts.fallback)), ("total", n(counts.total)),
                ("percent_current", n(counts.percentCurrent)),
            ]))
    }
}
