import Diagnostics

/// Where each front-matter value (and, for mapping members, its key) was
/// written, so any problem found in the value tree can be reported at the
/// exact YAML key or value.
public struct FieldPositions: Sendable {
    public struct Place: Sendable, Hashable {
        /// The key's range, for members of a mapping.
        public var key: SourceRange?
        /// The value's range.
        public var value: SourceRange
        public init(key: SourceRange?, value: SourceRange) {
            self.key = key
            self.value = value
        }
    }

    private var places: [[String]: Place] = [:]
    /// The whole front matter (the opening `---` line), for problems with no better place.
    public var document: SourceRange

    public init(document: SourceRange) { self.document = document }

    public mutating func record(_ path: [String], _ place: Place) { places[path] = place }

    public func place(_ path: [String]) -> Place? { places[path] }

    /// The range of the value at `path`, or of its nearest recorded ancestor.
    public func valueRange(_ path: [String]) -> SourceRange {
        var p = path
        while true {
            if let place = places[p] { return place.value }
            if p.isEmpty { return document }
            p.removeLast()
        }
    }

    /// The range of the key at `path` (falling back to its value, then ancestors).
    public func keyRange(_ path: [String]) -> SourceRange {
        places[path]?.key ?? valueRange(path)
    }
}
