import Digest
import Dispatch
import Foundation
import GuideModel
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
        var found = [EntryFacts?](repeating: nil, count: entries.count)
        found.withUnsafeMutableBufferPointer { buffer in
            let slots = buffer
            DispatchQueue.concurrentPerform(iterations: entries.count) { index in
                let entry = entries[index]
                let fingerprint = fingerprints[entry.reference] ?? entry.fingerprint
                slots[index] = Self.memo.value(for: "\(entry.reference)|\(fingerprint)") { EntryFacts(entry) }
            }
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
                        case .array(let items)?: terms.formUnion(items.compactMap(\.stringValue).map { "\(group)/\($0)" })
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
    static let termFields = ["touchpoints": ["touchpoints"], "roles": ["observers", "roles"], "countries": ["country", "jurisdictions"]]

    func entryPage(_ reference: Reference) -> PageDependencies {
        .entries(types: [], references: references[reference] ?? [reference.description])
    }

    func termPage(group: String, term: String) -> PageDependencies {
        .entries(types: [], references: members["\(group)/\(term)"] ?? [])
    }

    static func listing(_ type: EntryType) -> PageDependencies { .entries(types: [type], references: []) }

    /// Everything global a page may show: the compiler, the site templates
    /// and strings, guide.yml, the schemas (they decide which fields are
    /// translated, hence which translations are current), the handout
    /// definitions and files (the handouts page), `--drafts` and the build's
    /// day (a helpline turns stale with the date alone).
    static func globalFingerprint(templates: URL, contentRoot: URL?, drafts: Bool, today: FullDate,
                                  handouts: [PublishedHandout] = []) -> String {
        let hasher = SHA256()
        hasher.update(data: Data("drafts=\(drafts)\ntoday=\(today)\n".utf8))
        for file in handouts { hasher.update(data: Data("handout=\(file.fileName)|\(file.bytes)|\(file.pages)\n".utf8)) }
        func add(_ folder: URL, as name: String) {
            let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
            for relative in files {
                guard let data = FileManager.default.contents(atPath: folder.path + "/" + relative) else { continue }
                hasher.update(data: Data("\(name)/\(relative)\u{0}\(data.count)\u{0}".utf8))
                hasher.update(data: data)
            }
        }
        add(templates.appendingPathComponent("site"), as: "site")
        add(templates.appendingPathComponent("strings"), as: "strings")
        if let contentRoot {
            if let config = FileManager.default.contents(atPath: contentRoot.appendingPathComponent("guide.yml").path) {
                hasher.update(data: Data("guide.yml\u{0}\(config.count)\u{0}".utf8))
                hasher.update(data: config)
            }
            add(contentRoot.appendingPathComponent("schema"), as: "schema")
            // The glossary pages are made from the termbase.
            if let termbase = FileManager.default.contents(atPath: contentRoot.appendingPathComponent(Termbase.fileName).path) {
                hasher.update(data: Data("\(Termbase.fileName)\u{0}\(termbase.count)\u{0}".utf8))
                hasher.update(data: termbase)
            }
            add(contentRoot.appendingPathComponent("handouts"), as: "handouts")
        }
        return Hex.string(hasher.finalize())
    }
}
