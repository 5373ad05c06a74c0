import Digest
import Dispatch
import Foundation
import GuideModel
import JSON
import Parallel
import Schema

/// What each page is made from, for builds in place (`guide serve`, see `SiteRecord`).
///
/// Dependencies are over-approximated from every language's files, so a
/// page is never reused when anything it shows may have changed: an entry
/// page depends on its entry and every entry it names; a listing on every
/// entry of its type; a touchpoint, role or country page on every entry
/// that mentions the term; the home page (counts) on everything.
struct SiteDependencies: Sendable {
    private let references: [Reference: [String]]
    private let members: [String: [String]]

    init(entries: [Entry], fingerprints: [Reference: String]) {
        // Each entry's facts are found on all cores, then gathered in order.
        let found = Parallel.map(entries.count) { index -> EntryFacts? in
            let entry = entries[index]
            let fingerprint = fingerprints[entry.reference] ?? entry.fingerprint
            return Self.memo.value(for: "\(entry.reference)|\(fingerprint)") { EntryFacts(entry) }
        }
        var references: [Reference: [String]] = [:]
        var members: [String: [String]] = [:]
        for (entry, facts) in zip(entries, found) {
            guard let facts else { continue }
            references[entry.reference] = facts.references
            for term in facts.terms { members[term, default: []].append(entry.reference.description) }
        }
        self.references = references
        self.members = members
        Self.memo.prune(keeping: references.count)
    }

    /// What one entry contributes: the entries it names (itself first) and
    /// the term pages it is on (`group/term`).
    struct EntryFacts: Sendable {
        var references: [String]
        var terms: [String]

        init(_ entry: Entry) {
            references = [entry.reference.description] + entry.referencedEntries.map(\.description).sorted()
            var terms: Set<String> = []
            for (group, keys) in SiteDependencies.termFields {
                for file in entry.files.values {
                    for key in keys {
                        switch file.frontMatter[key] {
                        case .string(let id)?: terms.insert("\(group)/\(id)")
                        case .array(let items)?:
                            terms.formUnion(items.compactMap(\.stringValue).map { "\(group)/\($0)" })
                        default: break
                        }
                    }
                }
            }
            self.terms = terms.sorted()
        }
    }

    /// Entry facts by entry and fingerprint, kept between builds in one
    /// process (`guide serve`): an unchanged entry is not walked again. (The
    /// fingerprint alone is not a key: two entries may have the same files' text.)
    static let memo = ProcessMemo<EntryFacts>()

    /// The front-matter fields that put an entry on a term's page.
    static let termFields = [
        "touchpoints": ["touchpoints"], "roles": ["observers", "roles"], "countries": ["country", "jurisdictions"],
    ]

    func entryPage(_ reference: Reference) -> PageDependencies {
        .entries(types: [], references: references[reference] ?? [reference.description])
    }

    func termPage(group: String, term: String) -> PageDependencies {
        .entries(types: [], references: members["\(group)/\(term)"] ?? [])
    }

    static func listing(_ type: EntryType) -> PageDependencies { .entries(types: [type], references: []) }
}

/// Everything global a page may show, besides entries: the site's own
/// templates, strings and settings (read from `Templates/`, the emitter's
/// input), and from the model guide.yml, the schemas' rules (they decide
/// which fields are translated, hence which translations are current), the
/// termbase (the glossary pages), the handout definitions and the files
/// published with the site (the handouts pages), `--drafts` and the build's
/// day (a helpline turns stale with the date alone). A build in place keeps
/// pages only while these are equal; nothing from `Content/` is read again.
struct SiteInputs: Equatable, Sendable {
    let templates: String
    let config: JSONObject?
    let fieldRules: [EntryType: FieldRules]
    let sectionRules: [EntryType: [SectionRule]]
    let termbase: Termbase?
    let handouts: [JSONObject]
    let published: [PublishedHandout]
    let drafts: Bool
    let today: FullDate

    init(_ context: EmitContext) {
        let guide = context.guide
        templates = Self.fingerprint(of: [
            context.templates.appendingPathComponent("site"),
            context.templates.appendingPathComponent("strings"),
        ])
        config = guide.configDocument?.value
        fieldRules = guide.fieldRules
        sectionRules = guide.sectionRules
        termbase = guide.termbase
        handouts = guide.handouts.map(\.value)
        published = context.publishedHandouts
        drafts = context.drafts
        today = context.today
    }

    /// A hash of every file under `folders`, names and bytes.
    static func fingerprint(of folders: [URL]) -> String {
        let hasher = SHA256()
        for folder in folders {
            let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
            for relative in files {
                guard let data = FileManager.default.contents(atPath: folder.path + "/" + relative) else { continue }
                hasher.update(data: Data("\(folder.lastPathComponent)/\(relative)\u{0}\(data.count)\u{0}".utf8))
                hasher.update(data: data)
            }
        }
        return Hex.string(hasher.finalize())
    }
}
