import JSON

/// One step into a JSON document, for tests that change a bundle in place.
enum JSONStep {
    case key(String)
    case index(Int)
    /// The item of an array whose `ref` is this (an entry of `entries`).
    case ref(String)
}

extension JSONValue {
    /// Changes the value at `path` (nil: absent; setting nil removes it). Returns false when
    /// the path does not lead to a container, so a test can tell its edit went nowhere.
    @discardableResult
    mutating func edit(_ path: [JSONStep], _ change: (inout JSONValue?) -> Void) -> Bool {
        edit(path[...], change)
    }

    private mutating func edit(_ path: ArraySlice<JSONStep>, _ change: (inout JSONValue?) -> Void) -> Bool {
        guard let step = path.first else { return false }
        let rest = path.dropFirst()
        switch (step, self) {
        case (.key(let key), .object(var object)):
            var child = object[key]
            if rest.isEmpty {
                change(&child)
            } else {
                guard var value = child, value.edit(rest, change) else { return false }
                child = value
            }
            object[key] = child
            self = .object(object)
            return true
        case (.index, .array(var items)), (.ref, .array(var items)):
            let position: Int?
            if case .index(let i) = step {
                position = i < items.count ? i : nil
            } else if case .ref(let ref) = step {
                position = items.firstIndex { $0["ref"]?.stringValue == ref }
            } else {
                position = nil
            }
            guard let position else { return false }
            if rest.isEmpty {
                var child: JSONValue? = items[position]
                change(&child)
                if let child { items[position] = child } else { items.remove(at: position) }
            } else {
                guard items[position].edit(rest, change) else { return false }
            }
            self = .array(items)
            return true
        default:
            return false
        }
    }

    /// Sets the value at `path`.
    @discardableResult
    mutating func set(_ path: [JSONStep], _ value: JSONValue?) -> Bool { edit(path) { $0 = value } }
}
