/// How the guide's `version` must move between two bundles (docs/bundle.md,
/// "Versioning"): a value removed from a closed list (a language, country,
/// role, touchpoint or category) needs a new MAJOR version; entries added or
/// removed (removed ones leave a tombstone) and values added to a closed list
/// need at least a new MINOR version; anything else a PATCH at most.
/// `guide check` (against the last published bundle) and `guide diff` both
/// apply it, to what they can see: entry refs and the top-level lists.
public enum BundleVersioning {
    public enum Bump: Int, Sendable, Comparable, CustomStringConvertible {
        case patch, minor, major
        public static func < (a: Bump, b: Bump) -> Bool { a.rawValue < b.rawValue }
        public var description: String { self == .major ? "MAJOR" : self == .minor ? "MINOR" : "PATCH" }
    }

    /// What changed and the least bump it needs.
    public struct Requirement: Sendable, Equatable {
        public var bump: Bump
        /// One phrase per kind of change ("entries removed: protocols/x").
        public var reasons: [String]
    }

    /// The semver core of `text` (`1.2.3`, with an optional pre-release or build suffix), or nil.
    public static func parse(_ text: String) -> (major: Int, minor: Int, patch: Int)? {
        let core = text.prefix { $0 != "-" && $0 != "+" }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.allSatisfy(\.isASCII), part.allSatisfy(\.isNumber),
                part == "0" || part.first != "0", let number = Int(part)
            else { return nil }
            numbers.append(number)
        }
        return (numbers[0], numbers[1], numbers[2])
    }

    /// How far `new` is above `old`: nil when it is not above it (the same or lower), or either is not semver.
    public static func bump(from old: String, to new: String) -> Bump? {
        guard let a = parse(old), let b = parse(new) else { return nil }
        if b.major != a.major { return b.major > a.major ? .major : nil }
        if b.minor != a.minor { return b.minor > a.minor ? .minor : nil }
        return b.patch > a.patch ? .patch : nil
    }

    /// The smallest version after `version` with the given bump (`1.2.3` + MINOR = `1.3.0`).
    public static func next(after version: String, _ bump: Bump) -> String? {
        guard let v = parse(version) else { return nil }
        switch bump {
        case .major: return "\(v.major + 1).0.0"
        case .minor: return "\(v.major).\(v.minor + 1).0"
        case .patch: return "\(v.major).\(v.minor).\(v.patch + 1)"
        }
    }

    /// What the changes from one bundle to the next require, or nil when
    /// neither entries nor closed lists changed (a PATCH or nothing).
    public static func requirement(
        oldRefs: [String], newRefs: [String],
        oldLists: [String: [String]], newLists: [String: [String]]
    ) -> Requirement? {
        var bump = Bump.patch
        var reasons: [String] = []
        func note(_ list: [String], _ what: String, _ needed: Bump) {
            guard !list.isEmpty else { return }
            let shown = list.prefix(3).joined(separator: ", ") + (list.count > 3 ? " and \(list.count - 3) more" : "")
            reasons.append("\(what): \(shown)")
            bump = max(bump, needed)
        }
        for (list, _) in PublishedBundle.vocabularyKeys {
            let (a, b) = (oldLists[list] ?? [], newLists[list] ?? [])
            let (setA, setB) = (Set(a), Set(b))
            note(a.filter { !setB.contains($0) }, "\(list) removed", .major)
            note(b.filter { !setA.contains($0) }, "\(list) added", .minor)
        }
        let (setA, setB) = (Set(oldRefs), Set(newRefs))
        note(oldRefs.filter { !setB.contains($0) }, "entries removed", .minor)
        note(newRefs.filter { !setA.contains($0) }, "entries added", .minor)
        return reasons.isEmpty ? nil : Requirement(bump: bump, reasons: reasons)
    }
}
