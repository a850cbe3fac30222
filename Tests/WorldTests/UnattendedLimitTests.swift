import Testing
import Simulation
import World

/// What runs unattended (a lesson's checks, setup and solutions, `lesson test`) ends however busy
/// it is, and keeps a bounded amount of its output.
@Suite struct UnattendedLimitTests {
    @Test(arguments: ["while true; do :; done", "f() { f2; }; f2() { :; }; while :; do f; done",
                      "trap '' INT; while :; do :; done", "sh -c 'while true; do :; done'",
                      "while :; do :; done | cat", "yes > /dev/null"])
    func aBusyCommandIsStopped(_ line: String) throws {
        let world = try World(seed: 1, setup: .standard())
        let start = world.loop.now
        let processes = world.workstation.processes.count
        let status = world.runSilently(line).status
        #expect(status == 130 || status == 137)
        #expect(world.loop.now - start < World.unattendedCPULimit + .seconds(5))
        #expect(world.runSilently("echo next").output == "next\n")
        // Nothing of it is left running.
        #expect(world.workstation.processes.count == processes)
    }

    @Test func aSilentRunKeepsABoundedOutput() throws {
        let world = try World(seed: 1, setup: .standard())
        let result = world.runSilently("yes")
        #expect(result.output.utf8.count == World.silentOutputLimit)
        #expect(result.output.hasPrefix("y\ny\n"))
    }

    @Test func aBusyLoopCostsSimulatedTime() throws {
        let world = try World(seed: 1, setup: .standard())
        let start = world.loop.now
        #expect(world.runSilently("for ((i = 0; i < 1000; i++)); do :; done").status == 0)
        #expect(world.loop.now - start >= .seconds(1))
    }
}
