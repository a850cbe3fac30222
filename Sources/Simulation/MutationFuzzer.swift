/// Seeded inputs for fuzz tests: each is a sample from a corpus, mutated by insertions,
/// deletions, duplications and deep nesting. The same seed gives the same inputs, so a finding
/// is a test case at once. `KUBELAB_FUZZ_ITERATIONS` lengthens a run (see the README).
public struct MutationFuzzer {
    public let corpus: [String]
    /// Characters and fragments mutations insert.
    public let fragments: [String]
    private var random: SeededRandom

    public init(seed: UInt64, corpus: [String], fragments: [String]) {
        self.corpus = corpus.isEmpty ? [""] : corpus
        self.fragments = fragments.isEmpty ? [" "] : fragments
        self.random = SeededRandom(seed: seed)
    }

    /// How many inputs a fuzz test should try: `standard`, or the environment's
    /// `KUBELAB_FUZZ_ITERATIONS` for a long run.
    public static func iterations(standard: Int, environment: [String: String]) -> Int {
        environment["KUBELAB_FUZZ_ITERATIONS"].flatMap { Int($0) }.map { max(1, $0) } ?? standard
    }

    /// The next input.
    public mutating func next() -> String {
        var text = Array(corpus[random.integer(in: 0...(corpus.count - 1))].unicodeScalars)
        for _ in 0..<random.integer(in: 1...4) {
            let position = text.isEmpty ? 0 : random.integer(in: 0...text.count)
            switch random.integer(in: 0...5) {
            case 0, 1:
                let fragment = fragments[random.integer(in: 0...(fragments.count - 1))]
                text.insert(contentsOf: fragment.unicodeScalars, at: position)
            case 2:
                guard !text.isEmpty, position < text.count else { continue }
                let end = min(text.count, position + random.integer(in: 1...8))
                text.removeSubrange(position..<end)
            case 3:
                guard !text.isEmpty, position < text.count else { continue }
                let end = min(text.count, position + random.integer(in: 1...16))
                text.insert(contentsOf: Array(text[position..<end]), at: end)
            default:
                // Deep nesting: the same opening fragment many times, then as many closings.
                let pairs = [("(", ")"), ("[", "]"), ("{", "}"), ("$(", ")"), ("${x:-", "}"), ("{{(", ")}}"), ("\"", "\"")]
                let (open, close) = pairs[random.integer(in: 0...(pairs.count - 1))]
                let depth = random.integer(in: 1...(random.integer(in: 0...9) == 0 ? 20_000 : 50))
                let end = position + (position < text.count ? random.integer(in: 0...(text.count - position)) : 0)
                text.insert(contentsOf: String(repeating: close, count: depth).unicodeScalars, at: end)
                text.insert(contentsOf: String(repeating: open, count: depth).unicodeScalars, at: position)
            }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text)
        return String(result)
    }
}
