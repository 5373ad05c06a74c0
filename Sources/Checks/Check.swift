import Diagnostics
import Foundation
import GuideModel

/// One concern checked over the loaded guide. A check only reports; it never
/// changes the guide.
public protocol Check: Sendable {
    func run(_ context: CheckContext) -> [Diagnostic]
}

/// What every check may read.
public struct CheckContext: Sendable {
    public let guide: Guide
    public let schemas: SchemaSet
    /// "Today", for helpline freshness; injected so tests do not depend on the clock.
    public let today: Date
    /// Files whose front matter failed schema validation: checks that read
    /// front-matter values skip them, so one mistake gives one diagnostic.
    public let invalidFrontMatter: Set<String>
    /// Files the loader reported an error for (unreadable, bad YAML …): they
    /// exist but are not in the guide, so checks do not call them missing.
    public var unloadable: Set<String>

    public init(guide: Guide, schemas: SchemaSet, today: Date, invalidFrontMatter: Set<String> = [],
                unloadable: Set<String> = []) {
        self.guide = guide
        self.schemas = schemas
        self.today = today
        self.invalidFrontMatter = invalidFrontMatter
        self.unloadable = unloadable
    }

    /// Every entry file, source and translations, in a stable order.
    public var allFiles: [EntryFile] {
        guide.allEntries.flatMap { entry in entry.languages.compactMap { entry.files[$0] } }
    }

    /// Files whose front-matter values can be trusted (they passed the schema).
    public var validFiles: [EntryFile] { allFiles.filter { !invalidFrontMatter.contains($0.path) } }
}
