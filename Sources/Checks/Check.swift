import Diagnostics
import Foundation
import GuideModel

/// One concern checked over the loaded guide. A check only reports; it never
/// changes the guide.
///
/// A check has two parts, so that a re-check after an edit can keep the
/// results of the entries that did not change (see `IncrementalChecker`):
///
/// - `check(_:in:)` looks at one entry's files. Besides them it may read the
///   guide's settings (guide.yml, the schemas' rules, `today`, the media
///   files) and other entries only through `context.references`, which
///   answers from the set of entries and their source files' section ids.
/// - `checkGuide(_:invalidFrontMatter:)` looks at guide.yml and the handout
///   definitions, and may read anything; it runs on every check.
public protocol Check: Sendable {
    /// Problems in one entry's files.
    func check(_ entry: EntryFiles, in context: CheckContext) -> [Diagnostic]
    /// Problems in guide.yml and the handout definitions. `invalidFrontMatter`
    /// holds every file (entries, handouts, guide.yml) that failed its schema.
    func checkGuide(_ context: CheckContext, invalidFrontMatter: Set<String>) -> [Diagnostic]
}

extension Check {
    public func check(_ entry: EntryFiles, in context: CheckContext) -> [Diagnostic] { [] }
    public func checkGuide(_ context: CheckContext, invalidFrontMatter: Set<String>) -> [Diagnostic] { [] }
}

/// What every check may read, worked out once per run.
public struct CheckContext: Sendable {
    public let guide: Guide
    public let schemas: SchemaSet
    /// "Today", for helpline freshness; injected so tests do not depend on the clock.
    public let today: Date
    /// Files the loader reported an error for (unreadable, bad YAML …): they
    /// exist but are not in the guide, so checks do not call them missing.
    public let unloadable: Set<String>
    /// Whether the build includes `status: draft` entries (`--drafts`): a
    /// link to a draft is then no problem.
    public let drafts: Bool
    /// Resolves references against the guide's entries (built once per run).
    let references: ReferenceIndex

    public init(guide: Guide, schemas: SchemaSet, today: Date, unloadable: Set<String> = [], drafts: Bool = false) {
        self.guide = guide
        self.schemas = schemas
        self.today = today
        self.unloadable = unloadable
        self.drafts = drafts
        self.references = ReferenceIndex(guide: guide, unloadable: unloadable)
    }
}

/// One entry as its checks see it: its files in language order, and which of
/// them failed the schema (checks that read front-matter values skip those,
/// so one mistake gives one diagnostic).
public struct EntryFiles: Sendable {
    public let entry: Entry
    /// Every file of the entry, source and translations, sorted by language.
    public let files: [EntryFile]
    /// The source-language file, if there is one.
    public let source: EntryFile?
    /// Paths of the entry's files whose front matter failed schema validation.
    public internal(set) var invalid: Set<String>

    public init(_ entry: Entry, sourceLanguage: String, invalid: Set<String> = []) {
        self.entry = entry
        self.files = entry.languages.map { entry.files[$0]! }
        self.source = entry.files[sourceLanguage]
        self.invalid = invalid
    }

    /// Whether a file's front-matter values can be trusted (it passed the schema).
    public func isValid(_ file: EntryFile) -> Bool { invalid.isEmpty || !invalid.contains(file.path) }
}
