import Simulation
import Testing
@testable import Docker

@Suite struct ContainerNamesTests {
    @Test func randomNamesAreAdjectiveUnderscoreSurnameAndDeterministic() {
        var first = SeededRandom(seed: 7)
        var second = SeededRandom(seed: 7)
        for _ in 0..<50 {
            let name = ContainerNames.randomName(using: &first)
            #expect(name == ContainerNames.randomName(using: &second))
            let parts = name.split(separator: "_").map(String.init)
            #expect(parts.count == 2)
            #expect(NameWords.adjectives.contains(parts[0]) && NameWords.surnames.contains(parts[1]))
            #expect(name != "boring_wozniak")
            #expect(ContainerNames.isValid(name))
        }
    }

    @Test func retriesAppendADigitThenFallBackToTheShortID() {
        var random = SeededRandom(seed: 1)
        var asked: [String] = []
        let name = ContainerNames.generate(forContainer: "44d76963e8e1" + String(repeating: "a", count: 52), using: &random) {
            asked.append($0)
            return asked.count < 3
        }
        #expect(asked.count == 3)
        #expect(asked[0].last?.isLetter == true)
        #expect(asked[1].last?.isNumber == true && asked[2].last?.isNumber == true)
        #expect(name == asked[2])
        var exhausted = SeededRandom(seed: 1)
        let fallback = ContainerNames.generate(forContainer: "44d76963e8e1" + String(repeating: "a", count: 52),
                                               using: &exhausted) { _ in true }
        #expect(fallback == "44d76963e8e1")
    }

    @Test(arguments: [("kubia-container", true), ("/kubia", true), ("a1", true), ("x.y_z-1", true), ("a", false),
                      ("-kubia", false), ("_kubia", false), ("kubia!", false), ("", false), ("kub ia", false), ("é1", false)])
    func validatesNames(_ name: String, _ valid: Bool) {
        #expect(ContainerNames.isValid(name) == valid)
    }

    @Test func wordsTheInvalidNameErrorAsTheDaemon() {
        #expect(ContainerNames.invalidNameMessage("bad name") ==
            "Invalid container name (bad name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed")
    }

    @Test func generatesIDs() {
        var random = SeededRandom(seed: 3)
        let id = ObjectIdentifiers.randomID(using: &random)
        #expect(id.count == 64 && id.allSatisfy(\.isHexDigit))
        #expect(ObjectIdentifiers.truncated(id) == String(id.prefix(12)))
        let image = ObjectIdentifiers.randomImageID(using: &random)
        #expect(image.hasPrefix("sha256:") && image.count == 71)
        #expect(ObjectIdentifiers.truncated(image) == String(image.dropFirst(7).prefix(12)))
    }
}
