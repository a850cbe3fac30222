import Foundation
import Machine
import REPL
import Simulation
@testable import World

/// A learner's world driven one unattended command at a time, as the chapter tests use it:
/// each command runs to its end, then a second of simulated time passes before the next.
final class WorldSession {
    let world: World
    let output = CollectingStream()

    /// A fresh workstation made from `seed`; `cluster` (for example `minikube start`) runs
    /// first when given.
    init(seed: UInt64 = 11, cluster: String? = "minikube start") throws {
        let output = self.output
        world = try World(seed: seed, setup: .standard()) { try? output.write($0) }
        if let cluster { run(cluster) }
    }

    /// Runs one command line and returns what it printed and its exit status. `wait DURATION`
    /// is the session's own command, as at the REPL: it lets simulated time pass.
    @discardableResult
    func run(_ line: String) -> (text: String, status: Int32) {
        let words = line.split(separator: " ")
        if words.count == 2, words[0] == "wait", let duration = DurationText.parse(String(words[1])) {
            wait(duration)
            return ("", 0)
        }
        output.removeAll()
        let status = world.runUnattended(line)
        world.loop.advance(by: .seconds(1))
        return (output.text, status)
    }

    /// What a command printed, with surrounding whitespace trimmed.
    func value(_ line: String) -> String {
        run(line).text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Lets simulated time pass.
    func wait(_ duration: Duration) {
        world.loop.advance(by: duration)
    }

    /// Writes a file in the learner's working directory through the shell.
    func write(_ name: String, _ text: String) {
        run("cat > \(name) <<'EOF'\n\(text)EOF")
    }
}
