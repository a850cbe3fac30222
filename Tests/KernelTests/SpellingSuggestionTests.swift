@testable import Kernel
import Testing

@Suite struct SpellingSuggestionTests {
    @Test(arguments: [
        ("kubeclt", ["kubectl", "docker", "curl"], "kubectl"),
        ("dokcer", ["kubectl", "docker", "curl"], "docker"),
        ("--images", ["--image", "--port", "--replicas"], "--image"),
        ("histroy", ["history", "hostname"], "history"),
        ("zzz", ["kubectl"], nil),
        ("ls", ["ls", "lsb"], nil),
        ("cat", ["cat"], nil),
        ("bat", ["cat", "bar"], nil),
    ] as [(String, [String], String?)])
    func suggestsTheClosestKnownWord(typed: String, candidates: [String], expected: String?) {
        #expect(SpellingSuggestion.closest(to: typed, among: candidates) == expected)
    }
}
