/// "Did you mean …?" suggestions by edit distance.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a likely
    /// typo: at most a third of the word's length in edits (at least one).
    ///
    /// Each candidate costs at most its length times the limit: candidates
    /// whose length alone puts them out of reach are skipped, and a distance
    /// stops being computed as soon as it must exceed the limit. Thousands of
    /// mistakes against thousands of entries stay fast.
    public static func closest<S: Sequence>(to word: String, among candidates: S) -> String? where S.Element == String {
        let target = Array(word.lowercased().unicodeScalars)
        let limit = max(1, target.count / 3)
        var best: (String, Int)?
        for candidate in candidates where candidate != word {
            let scalars = candidate.unicodeScalars
            guard abs(scalars.count - target.count) <= limit else { continue }
            let allowed = best.map { min(limit, $0.1) } ?? limit
            guard let d = distance(target, Array(candidate.lowercased().unicodeScalars), atMost: allowed) else {
                continue
            }
            if best == nil || d < best!.1 || (d == best!.1 && candidate < best!.0) {
                best = (candidate, d)
            }
        }
        return best?.0
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent swaps).
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        return distance(x, y, atMost: max(x.count, y.count)) ?? max(x.count, y.count)
    }

    /// The distance between `x` and `y` when it is at most `limit`, else nil
    /// (found without finishing the table once every entry of a row exceeds it).
    static func distance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], atMost limit: Int) -> Int? {
        if x.isEmpty { return y.count <= limit ? y.count : nil }
        if y.isEmpty { return x.count <= limit ? x.count : nil }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            // A transposition reaches back two rows: stop only when both exceed the limit.
            if rowMinimum > limit, previous.min()! > limit { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count] <= limit ? previous[y.count] : nil
    }
}
