import GuideModel
import JSON

extension BundleDiff {
    /// The report as text, most urgent first: helpline numbers, then entries
    /// added, removed and changed, then translation status. Every title is
    /// followed by the language it is in.
    public var text: String {
        if isIdentical { return "The bundles are identical.\n" }
        var out = "bundle \(old.version ?? "?") → \(new.version ?? "?")"
        out +=
            old.formatVersion == new.formatVersion
            ? " (format \(new.formatVersion))\n" : " (format \(old.formatVersion) → \(new.formatVersion))\n"
        if let needed = versionRequirement {
            out +=
                "\nVersion: \(needed.reasons.joined(separator: "; ")): that needs a new \(needed.bump) version, "
                + "but it went from \(old.version ?? "?") to \(new.version ?? "?") (docs/bundle.md, Versioning).\n"
        }
        func section(_ title: String, _ count: Int, _ lines: [String]) {
            guard count > 0 else { return }
            out += "\n\(title) (\(count)):\n" + lines.map { "  " + $0 + "\n" }.joined()
        }
        func titled(_ title: String?, _ language: String?) -> String {
            guard let title else { return "" }
            return "  \"\(title)\"" + (language.map { " [\($0)]" } ?? "")
        }
        section(
            "Helpline numbers changed", helplines.count,
            helplines.flatMap { h in
                [h.ref + titled(h.title, h.titleLanguage)]
                    + h.channels.map { c in
                        "  \(c.type): \(c.old ?? "(none)") → \(c.new ?? "(removed)")"
                    }
            })
        if !languagesAdded.isEmpty || !languagesRemoved.isEmpty {
            section(
                "Languages", languagesAdded.count + languagesRemoved.count,
                languagesAdded.map { "+ " + $0 } + languagesRemoved.map { "- " + $0 })
        }
        section("Guide fields changed", guideFields.count, [guideFields.joined(separator: ", ")].filter { !$0.isEmpty })
        section("Entries added", added.count, added.map { "+ \($0.ref)" + titled($0.title, $0.titleLanguage) })
        section(
            "Entries removed", removed.count,
            removed.map { e in
                "- \(e.ref)" + titled(e.title, e.titleLanguage) + "\n      " + Self.fate(of: e)
            })
        section(
            "Entries changed", changed.count,
            changed.flatMap { c in
                ["~ \(c.ref)"] + (c.fields.isEmpty ? [] : ["    fields: " + c.fields.joined(separator: ", ")])
                    + c.languages.map { "    \($0.code): " + $0.fields.joined(separator: ", ") }
            })
        for (status, title) in [
            ("outdated", "Translations now outdated"), ("current", "Translations now current"),
            ("missing", "Translations now missing"),
        ] {
            let list = translations.filter { $0.new == status }
            section(
                title, list.count,
                list.map { t in
                    "\(t.ref) [\(t.language)] was \(t.old)" + (t.fallbackLanguage.map { ", shown in \($0)" } ?? "")
                })
        }
        let other = translations.filter { !["outdated", "current", "missing"].contains($0.new) }
        section("Other status changes", other.count, other.map { "\($0.ref) [\($0.language)] \($0.old) → \($0.new)" })
        if helplines.isEmpty, guideFields.isEmpty, added.isEmpty, removed.isEmpty, changed.isEmpty,
            translations.isEmpty,
            languagesAdded.isEmpty, languagesRemoved.isEmpty
        {
            // Every member of both files is compared above, so what is left is where the entries stand.
            out += "\nThe files differ only in the order of their entries.\n"
        }
        return out
    }

    /// What the new file's tombstone says of a removed entry.
    static func fate(of entry: EntryInfo) -> String {
        guard let tombstone = entry.tombstone else {
            return "no tombstone: the new bundle does not say what replaced it"
        }
        let replacements = (tombstone["replaced_by"]?.arrayValue ?? []).compactMap(\.stringValue)
        var parts: [String] = []
        if !replacements.isEmpty { parts.append("replaced by " + replacements.joined(separator: ", ")) }
        if let reason = Self.reason(tombstone) { parts.append("reason: \(reason)") }
        return parts.isEmpty ? "removed" : parts.joined(separator: "; ")
    }

    /// A tombstone's reason: the string of a language file, or the source language's text in `guide.json`.
    private static func reason(_ tombstone: JSONValue) -> String? {
        if let text = tombstone["reason"]?.stringValue { return text }
        guard let texts = tombstone["reason"]?.objectValue, let first = texts.keys.first else { return nil }
        let languages = tombstone["reason_languages"]?.objectValue ?? JSONObject()
        // The text a language has of its own, else the first.
        let own = texts.keys.first { languages[$0]?.stringValue == $0 } ?? first
        return texts[own]?.stringValue
    }

    /// The report as JSON (see docs/bundle.md, "guide diff").
    public var json: JSONValue {
        func side(_ s: Side) -> JSONValue {
            object([
                "format_version": .string(s.formatVersion), "version": s.version.json,
                "content_hash": s.contentHash.json, "kind": .string(s.kind), "language": s.language.json,
            ])
        }
        func info(_ e: EntryInfo) -> JSONValue {
            object(["ref": .string(e.ref), "title": e.title.json, "title_language": e.titleLanguage.json])
        }
        return object([
            "identical": .bool(isIdentical),
            "old": side(old),
            "new": side(new),
            "version_requirement": versionRequirement.map { needed in
                object(["bump": .string(needed.bump.description.lowercased()), "reasons": .strings(needed.reasons)])
            } ?? .null,
            "guide_fields": .strings(guideFields),
            "languages_added": .strings(languagesAdded),
            "languages_removed": .strings(languagesRemoved),
            "added": .array(added.map(info)),
            "removed": .array(
                removed.map { e in
                    var o = info(e).objectValue ?? JSONObject()
                    o["tombstone"] = e.tombstone ?? .null
                    return .object(o)
                }),
            "changed": .array(
                changed.map { c in
                    var languages = JSONObject()
                    for (code, fields) in c.languages { languages[code] = .strings(fields) }
                    return object([
                        "ref": .string(c.ref), "fields": .strings(c.fields), "languages": .object(languages),
                    ])
                }),
            "translations": .array(
                translations.map { t in
                    object([
                        "ref": .string(t.ref), "language": .string(t.language), "old": .string(t.old),
                        "new": .string(t.new), "fallback_language": t.fallbackLanguage.json,
                    ])
                }),
            "helplines": .array(
                helplines.map { h in
                    object([
                        "ref": .string(h.ref), "title": h.title.json, "title_language": h.titleLanguage.json,
                        "channels": .array(
                            h.channels.map { c in
                                object([
                                    "type": .string(c.type), "old": c.old.map(JSONValue.string) ?? .null,
                                    "new": c.new.map(JSONValue.string) ?? .null,
                                ])
                            }),
                    ])
                }),
        ])
    }
}
