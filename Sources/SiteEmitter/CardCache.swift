import Foundation
import GuideModel
import Templating

/// Rendered cards and the page chrome shared by all pages (filled while
/// pages render in parallel). A card depends only on its entry and on what
/// is global (templates, strings, settings), so `guide serve` keeps the
/// cache from one build to the next.
final class CardCache: @unchecked Sendable {
    /// A card as rendered for pages of one language and folder depth (links are relative).
    struct Key: Hashable {
        let language: String
        let depth: Int
        let contact: Bool
        /// With the facts the indicator list's filters match (only that list needs them).
        var filterable = false
    }

    private let lock = NSLock()
    /// Rendered cards by entry, then language, depth and kind.
    private var html: [Reference: [Key: TemplateValue]] = [:]

    func get(_ entry: Reference, _ key: Key) -> TemplateValue? {
        lock.lock(); defer { lock.unlock() }
        return html[entry]?[key]
    }

    func set(_ entry: Reference, _ key: Key, _ value: TemplateValue) {
        lock.lock(); defer { lock.unlock() }
        html[entry, default: [:]][key] = value
    }

    /// Drops the cards of these entries (`type/id`).
    func forget(_ entries: Set<String>) {
        lock.lock(); defer { lock.unlock() }
        for entry in entries {
            if let reference = Reference(parsing: entry) {
                html[reference] = nil
                contexts[reference] = nil
            }
        }
    }

    /// A card's context without its link, and the page it links to, per
    /// entry and language: the same for every page depth.
    private var contexts: [Reference: [String: (Context, String)?]] = [:]

    func context(_ entry: Reference, language: String, _ make: () -> (Context, String)?) -> (Context, String)? {
        lock.lock()
        if let known = contexts[entry]?[language] { lock.unlock(); return known }
        lock.unlock()
        let made = make()
        lock.lock(); defer { lock.unlock() }
        contexts[entry, default: [:]][language] = .some(made)
        return made
    }

    private let chromes = ProcessMemo<Context>()

    /// The context shared by pages of one language, depth and current
    /// section (strings, chrome links, navigation), built once so those
    /// pages share its objects.
    func chrome(_ key: String, _ make: () -> Context) -> Context {
        chromes.value(for: key, make)
    }
}
