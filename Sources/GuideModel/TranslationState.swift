/// The state of one entry in one language.
public enum TranslationState: Sendable, Hashable {
    /// This language is the source language.
    case source
    /// A translation whose `source_hash` matches the source.
    case current
    /// A translation made from an older source, or never stamped.
    case outdated(recorded: String?)
    /// No translation: shown from `language` instead (nil when fallback is forbidden
    /// for the type or no language in the chain has the entry).
    case missing(fallback: String?)

    /// A stable name for reports and the bundle.
    public var name: String {
        switch self {
        case .source: return "source"
        case .current: return "current"
        case .outdated: return "outdated"
        case .missing: return "missing"
        }
    }
}

extension Guide {
    /// The state of `entry` in `language`, computing the source hash on demand.
    public func translationState(of entry: Entry, in language: String) -> TranslationState {
        if language == config.sourceLanguage { return .source }
        guard let file = entry.files[language] else {
            return .missing(fallback: fallbackLanguage(for: entry, in: language))
        }
        guard let recorded = file.string("source_hash") else { return .outdated(recorded: nil) }
        guard let current = sourceHash(of: entry) else { return .outdated(recorded: recorded) }
        return recorded == current ? .current : .outdated(recorded: recorded)
    }

    /// The language whose file is shown for a missing translation, following
    /// the language's fallback chain; nil if the type forbids fallback.
    public func fallbackLanguage(for entry: Entry, in language: String) -> String? {
        guard config.fallbackAllowed[entry.type] ?? true else { return nil }
        return config.fallbackChain(for: language).first { entry.files[$0] != nil }
    }

    /// The file shown for `entry` in `language` (the translation, or its fallback).
    public func displayedFile(of entry: Entry, in language: String) -> EntryFile? {
        if let file = entry.files[language] { return file }
        return fallbackLanguage(for: entry, in: language).flatMap { entry.files[$0] }
    }
}
