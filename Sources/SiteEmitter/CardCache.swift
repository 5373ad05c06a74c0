import Foundation
import GuideModel
import Synchronization
import Templating

/// Rendered cards and the page chrome shared by all pages (filled while
/// pages render in parallel). A card depends only on its entry and on what
/// is global (templates, strings, settings), so `guide serve` keeps the
/// cache from one build to the next.
final class CardCache: Sendable {
    /// A card as rendered for pages of one language and folder depth (links are relative).
    struct Key: Hashable {
        let language: String
        let depth: Int
        let contact: Bool
        /// With the facts the indicator list's filters match (only that list needs them).
        var filterable = false
    }

    private struct Cards {
        /// Rendered cards by entry, then language, depth and kind.
        var html: [Reference: [Key: TemplateValue]] = [:]
        /// A card's context without its link, and the page it links to, per
        /// entry and language: the same for every page depth.
        var contexts: [Reference: [String: (Context, String)?]] = [:]
    }

    private let cards = Mutex(Cards())

    func get(_ entry: Reference, _ key: Key) -> TemplateValue? {
        cards.withLock { $0.html[entry]?[key] }
    }

    func set(_ entry: Reference, _ key: Key, _ value: TemplateValue) {
        cards.withLock { $0.html[entry, default: [:]][key] = value }
    }

    /// Drops the cards of these entries (`type/id`).
    func forget(_ entries: Set<String>) {
        cards.withLock { cards in
            for entry in entries {
                if let reference = Reference(parsing: entry) {
                    cards.html[reference] = nil
                    cards.contexts[reference] = nil
                }
            }
        }
    }

    func context(_ entry: Reference, language: String, _ make: () -> (Context, String)?) -> (Context, String)? {
        if let known = cards.withLock({ $0.contexts[entry]?[language] }) { return known }
        let made = make()
        cards.withLock { $0.contexts[entry, default: [:]][language] = .some(made) }
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
