import JSON

extension BundleDiff {
    /// The report as text, most urgent first: helpline numbers, then entries
    /// added, removed and changed, then translation status.
    public var text: String {
        if isIdentical { return "The bundles are identical.\n" }
        var out = "bundle \(old.version ?? "?") → \(new.version ?? "?")"
        out += old.formatVersion == new.formatVersion
            ? " (format \(new.formatVersion))\n" : " (format \(old.formatVersion) → \(new.formatVersion))\n"
        func section(_ title: String, _ count: Int, _ lines: [String]) {
            guard count > 0 else { return }
            out += "\n\(title) (\(count)):\n" + lines.map { "  " + $0 + "\n" }.joined()
        }
        section("Helpline numbers changed", helplines.count, helplines.flatMap { h in
            [h.ref + (h.title.map { "  \"\($0)\"" } ?? "")] + h.channels.map { c in
                "  \(c.type): \(c.old ?? "(none)") → \(c.new ?? "(removed)")"
            }
        })
        if !languagesAdded.isEmpty || !languagesRemoved.isEmpty {
            section("Languages", languagesAdded.count + languagesRemoved.count,
                    languagesAdded.map { "+ " + $0 } + languagesRemoved.map { "- " + $0 })
        }
        section("Guide fields changed", guideFields.count, [guideFields.joined(separator: ", ")].filter { !$0.isEmpty })
        section("Entries added", added.count, added.map { "+ \($0.ref)" + ($0.title.map { "  \"\($0)\"" } ?? "") })
        section("Entries removed", removed.count, removed.map { "- \($0.ref)" + ($0.title.map { "  \"\($0)\"" } ?? "") })
        section("Entries changed", changed.count, changed.flatMap { c in
            ["~ \(c.ref)"] + (c.fields.isEmpty ? [] : ["    fields: " + c.fields.joined(separator: ", ")])
                + c.languages.map { "    \($0.code): " + $0.fields.joined(separator: ", ") }
        })
        for (status, title) in [("outdated", "Translations now outdated"), ("current", "Translations now current"),
                                ("missing", "Translations now missing")] {
            let list = translations.filter { $0.new == status }
            section(title, list.count, list.map { t in
                "\(t.ref) [\(t.language)] was \(t.old)" + (t.fallbackLanguage.map { ", shown in \($0)" } ?? "")
            })
        }
        let other = translations.filter { !["outdated", "current", "missing"].contains($0.new) }
        section("Other status changes", other.count, other.map { "\($0.ref) [\($0.language)] \($0.old) → \($0.new)" })
        if helplines.isEmpty, guideFields.isEmpty, added.isEmpty, removed.isEmpty, changed.isEmpty, translations.isEmpty,
           languagesAdded.isEmpty, languagesRemoved.isEmpty {
            out += "\nThe files differ only in entry order or formatting.\n"
        }
        return out
    }

    /// The report as JSON (see docs/bundle.md, "guide diff").
    public var json: JSONValue {
        func side(_ s: Side) -> JSONValue {
            object(["format_version": .string(s.formatVersion), "version": s.version.json,
                    "content_hash": s.contentHash.json, "kind": .string(s.kind), "language": s.language.json])
        }
        func info(_ e: EntryInfo) -> JSONValue { object(["ref": .string(e.ref), "title": e.title.json]) }
        return object([
            "identical": .bool(isIdentical),
            "old": side(old),
            "new": side(new),
            "guide_fields": .strings(guideFields),
            "languages_added": .strings(languagesAdded),
            "languages_removed": .strings(languagesRemoved),
            "added": .array(added.map(info)),
            "removed": .array(removed.map(info)),
            "changed": .array(changed.map { c in
                var languages = JSONObject()
                for (code, fields) in c.languages { languages[code] = .strings(fields) }
                return object(["ref": .string(c.ref), "fields": .strings(c.fields), "languages": .object(languages)])
            }),
            "translations": .array(translations.map { t in
                object(["ref": .string(t.ref), "language": .string(t.language), "old": .string(t.old),
                        "new": .string(t.new), "fallback_language": t.fallbackLanguage.json])
            }),
            "helplines": .array(helplines.map { h in
                object(["ref": .string(h.ref), "title": h.title.json, "channels": .array(h.channels.map { c in
                    object(["type": .string(c.type), "old": c.old.map(JSONValue.string) ?? .null,
                            "new": c.new.map(JSONValue.string) ?? .null])
                })])
            }),
        ])
    }
}
