import Foundation
import Testing

/// A seeded, deterministic fuzzer: libFuzzer (`-sanitize=fuzzer`) does not fit SwiftPM's test
/// runner here, so each target mutates a seed corpus with its own grammar's tokens instead.
///
/// Input `i` of a run depends only on the seed and `i`, so a failure names what reproduces it.
/// Environment: `KUBELAB_FUZZ_SECONDS` (per target, default 2), `KUBELAB_FUZZ_SEED` (default 1),
/// `KUBELAB_FUZZ_DEPTH` (deepest generated nesting, default 40: deeper inputs still crash some
/// evaluators, see `FuzzFindingsTests`), `KUBELAB_FUZZ_HANG_SECONDS` (slowest input allowed, default 10).
struct FuzzTarget {
    /// One input that the target rejected as garbage (a wrong result rather than an error).
    struct Garbage: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    let name: String
    var seeds: [String]
    /// Fragments of the target's grammar, inserted at random places.
    var tokens: [String]
    /// Brackets the target nests: generated inputs wrap part of a seed in many of them.
    var nesting: [(open: String, close: String)] = []
    /// Longest generated input; keeps slow-but-linear paths from dominating a short run.
    var maxLength = 4_096
    /// Runs one input: returning or throwing the target's own error is fine, `Garbage` is a finding.
    let body: (String) throws -> Void
}

enum FuzzSettings {
    static let environment = ProcessInfo.processInfo.environment
    static var secondsPerTarget: Double { environment["KUBELAB_FUZZ_SECONDS"].flatMap(Double.init) ?? 2 }
    static var seed: UInt64 { environment["KUBELAB_FUZZ_SEED"].flatMap { UInt64($0) } ?? 1 }
    static var maxDepth: Int { environment["KUBELAB_FUZZ_DEPTH"].flatMap { Int($0) } ?? 40 }
    static var hangSeconds: Double { environment["KUBELAB_FUZZ_HANG_SECONDS"].flatMap(Double.init) ?? 10 }
    /// A short run still tries this many inputs however loaded the machine is.
    static let minimumInputs = 200
    /// A short run (no `KUBELAB_FUZZ_SECONDS`) stops here even on a fast machine, so CI tries the same inputs.
    static var maximumInputs: Int { environment["KUBELAB_FUZZ_SECONDS"] == nil ? 3_000 : Int.max }
}

/// SplitMix64: small, fast and the same on every platform.
struct FuzzRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

enum FuzzMutator {
    static let hugeNumbers = [
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "99999999999999999999999999", "1e309", "-1e309", "1e-400", "0x7fffffffffffffff",
        "0xffffffffffffffffff", "2147483648", "4294967296", "9223372036", "2562048h", "-0", "NaN", "Infinity", "00000000000000000008",
    ]
    /// Bytes that trip up hand-written lexers.
    static let oddBytes: [String] = ["\0", "\u{1B}", "\u{1B}]52;c;", "\r", "\t", "\u{7F}", "\u{FEFF}", "\u{FFFD}", "é", "中", "\u{200B}", "\\", "\n", "\"", "'", "`", "$", "{", "}", "[", "]", "(", ")", "#", "%", "&", "|", ";", ":", ",", "-", "=", "!", "*", "?", "<", ">", "/", "."]

    /// Input number `index` of a run: a seed, mutated one to five times.
    static func input(for target: FuzzTarget, runSeed: UInt64, index: Int) -> String {
        var random = FuzzRandom(seed: runSeed &* 0x2545_F491_4F6C_DD1D ^ UInt64(index) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(target.name.hashValueStable))
        var text = Array((target.seeds.isEmpty ? "" : random.pick(target.seeds)).utf8)
        for _ in 0...random.below(5) {
            mutate(&text, target: target, random: &random)
        }
        if text.count > target.maxLength { text.removeLast(text.count - target.maxLength) }
        return String(decoding: text, as: UTF8.self)
    }

    private static func mutate(_ text: inout [UInt8], target: FuzzTarget, random: inout FuzzRandom) {
        let position = random.below(text.count + 1)
        switch random.below(11) {
        case 0:  // Byte flip.
            if !text.isEmpty { text[random.below(text.count)] ^= UInt8(1 << random.below(8)) }
        case 1, 2:  // A token of the grammar.
            if let token = target.tokens.isEmpty ? nil : random.pick(target.tokens) { text.insert(contentsOf: token.utf8, at: position) }
        case 3:  // An odd byte.
            text.insert(contentsOf: random.pick(oddBytes).utf8, at: position)
        case 4:  // Delete a range.
            if !text.isEmpty {
                let end = min(text.count, position + 1 + random.below(16))
                if position < end { text.removeSubrange(position..<end) }
            }
        case 5:  // Duplicate a range.
            if !text.isEmpty {
                let start = random.below(text.count)
                let end = min(text.count, start + 1 + random.below(32))
                text.insert(contentsOf: text[start..<end], at: position)
            }
        case 6:  // Splice with another seed.
            if !target.seeds.isEmpty {
                let other = Array(random.pick(target.seeds).utf8)
                text = Array(text.prefix(position)) + other.suffix(from: random.below(other.count + 1))
            }
        case 7:  // Deep nesting.
            if !target.nesting.isEmpty {
                let (open, close) = random.pick(target.nesting)
                let depth = 1 + random.below(FuzzSettings.maxDepth)
                let end = position + random.below(text.count - position + 1)
                let inner = Array(text[position..<end])
                let opened = Array(String(repeating: open, count: depth).utf8)
                // Sometimes left unclosed: the error path must be as safe as the success path.
                let closed = random.chance(80) ? Array(String(repeating: close, count: depth).utf8) : []
                text.replaceSubrange(position..<end, with: opened + inner + closed)
            }
        case 8:  // A huge or odd number, in place of a digit run or anywhere.
            let number = Array(random.pick(hugeNumbers).utf8)
            if let digit = text.indices.filter({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[$0]) }).randomElement(using: &random) {
                var end = digit
                while end < text.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[end]) { end += 1 }
                text.replaceSubrange(digit..<end, with: number)
            } else {
                text.insert(contentsOf: number, at: position)
            }
        case 9:  // Truncate.
            text.removeLast(text.count - position)
        default:  // A token repeated many times.
            let token = target.tokens.isEmpty ? random.pick(oddBytes) : random.pick(target.tokens)
            text.insert(contentsOf: String(repeating: token, count: 2 + random.below(200)).utf8, at: position)
        }
    }
}

extension FuzzRandom: RandomNumberGenerator {}

extension String {
    /// A hash that does not change between runs (Swift's `hashValue` is randomly seeded).
    var hashValueStable: UInt64 {
        utf8.reduce(1_469_598_103_934_665_603) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
    }
}

enum Fuzzer {
    /// Runs `target` for its time budget (at least `minimumInputs` inputs) and records each
    /// garbage result or slow input as a test issue naming the seed and input index.
    static func run(_ target: FuzzTarget) {
        let clock = ContinuousClock()
        let started = clock.now
        let budget = Duration.milliseconds(Int(FuzzSettings.secondsPerTarget * 1000))
        let hangBound = Duration.milliseconds(Int(FuzzSettings.hangSeconds * 1000))
        var index = 0
        var findings = 0
        // The seeds themselves come first.
        while index < target.seeds.count || index < FuzzSettings.minimumInputs || clock.now - started < budget {
            let input = index < target.seeds.count ? target.seeds[index]
                : FuzzMutator.input(for: target, runSeed: FuzzSettings.seed, index: index)
            let inputStarted = clock.now
            do {
                try target.body(input)
            } catch let garbage as FuzzTarget.Garbage {
                findings += 1
                Issue.record("\(target.name) seed \(FuzzSettings.seed) input \(index): \(garbage)\ninput: \(input.debugDescription.prefix(2_000))")
            } catch {
                // The target's own error: what bad input should get.
            }
            let took = clock.now - inputStarted
            if took > hangBound {
                findings += 1
                Issue.record("\(target.name) seed \(FuzzSettings.seed) input \(index) took \(took)\ninput: \(input.debugDescription.prefix(2_000))")
            }
            if findings >= 5 || index >= FuzzSettings.maximumInputs { break }
            index += 1
        }
    }
}
