import Crypto
import Foundation
import GuideModel

/// What each page is made from, for incremental builds (see `SiteRecord`).
///
/// Dependencies are over-approximated from every language's files, so a
/// page is never reused when anything it shows may have changed: an entry
/// page depends on its entry and every entry it names; a listing on every
/// entry of its type; a touchpoint, role or country page on every entry
/// that mentions the term; the home page (counts) on everything.
struct SiteDependencies: Sendable {
    private let references: [Reference: [String]]
    private let members: [String: [String]]

    init(guide: Guide) {
        var references: [Reference: [String]] = [:]
        for entry in guide.allEntries {
            references[entry.reference] = [entry.reference.description] + entry.referencedEntries.map(\.description).sorted()
        }
        self.references = references
        var members: [String: [String]] = [:]
        for group in PageBuilder.groups {
            let keys = Self.termFields[group] ?? []
            for entry in guide.allEntries {
                var terms: Set<String> = []
                for file in entry.files.values {
                    for key in keys {
                        switch file.frontMatter[key] {
                        case .string(let id)?: terms.insert(id)
                        case .array(let items)?: terms.formUnion(items.compactMap(\.stringValue))
                        default: break
                        }
                    }
                }
                for term in terms { members["\(group)/\(term)", default: []].append(entry.reference.description) }
            }
        }
        self.members = members
    }

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
    /// translated, hence which translations are current) and `--drafts`.
    static func globalFingerprint(templates: URL, contentRoot: URL?, drafts: Bool) -> String {
        var hasher = SHA256()
        hasher.update(data: Data("\(SiteRecord.header)\n\(CompilerIdentity.current)\ndrafts=\(drafts)\n".utf8))
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
        }
        return Hex.string(hasher.finalize())
    }
}
