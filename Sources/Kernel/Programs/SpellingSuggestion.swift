/// Finds what a learner probably meant: the known word closest to a mistyped one
/// (`kubeclt` → `kubectl`, `--images` → `--image`). Beyond the real tools, to help learners.
public enum SpellingSuggestion {
    /// The closest candidate within a small edit distance (swapped neighbours count as one
    /// edit), or nil when nothing is close or two candidates are equally close.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let typed = Array(word.lowercased())
        guard typed.count >= 3 else { return nil }
        let limit = typed.count <= 4 ? 1 : 2
        var best: (String, Int)?
        var tied = false
        for candidate in candidates where candidate != word {
            let distance = editDistance(typed, Array(candidate.lowercased()), limit: limit)
            guard distance <= limit else { continue }
            if let current = best {
                if distance < current.1 {
                    best = (candidate, distance)
                    tied = false
                } else if distance == current.1, candidate != current.0 {
                    tied = true
                }
            } else {
                best = (candidate, distance)
            }
        }
        return tied ? nil : best?.0
    }

    /// Optimal string alignment distance, giving up early once it exceeds `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return a.isEmpty ? b.count : (b.isEmpty ? a.count : previous[b.count])
    }
}
