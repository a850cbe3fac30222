import Simulation
import Testing
@testable import World

/// Ctrl-C on a foreground `docker run`: docker 17's signal proxy passes SIGINT to the main
/// process and stays attached while it runs; `--sig-proxy=false` lets the client go instead.
@Suite struct AttachedRunInterruptTests {
    func world() throws -> World {
        let world = try World(seed: 1, setup: .standard())
        #expect(world.runSilently("docker pull luksa/kubia && docker pull busybox").status == 0)
        return world
    }

    /// Starts `line`, lets it run 5 s, then presses Ctrl-C `times` times, two seconds apart.
    func interrupt(_ world: World, _ line: String, times: Int) -> CommandExecution {
        let execution = world.begin(line)
        _ = execution.run(until: world.loop.now + .seconds(5))
        for _ in 0..<times {
            execution.interrupt()
            _ = execution.run(until: world.loop.now + .seconds(2))
        }
        return execution
    }

    @Test func aNodeAppAsPIDOneIgnoresCtrlCAndTheClientStaysAttached() throws {
        let world = try world()
        let execution = interrupt(world, "docker run --name web luksa/kubia", times: 2)
        #expect(!execution.isFinished)
        #expect(world.runSilently("docker ps --format '{{.Names}}'").output == "web\n")
    }

    @Test func theThirdCtrlCDetachesWithANoteAndTheContainerRunsOn() throws {
        let world = try world()
        var screen = ""
        world.outputSink = { screen += String(decoding: $0, as: UTF8.self) }
        let execution = interrupt(world, "docker run --name web luksa/kubia", times: 3)
        #expect(execution.isFinished)
        #expect(execution.exitStatus == 130)
        #expect(screen.contains("note: node is PID 1 in the container and has no SIGINT handler"))
        #expect(screen.contains("docker stop web"))
        #expect(world.runSilently("docker ps --format '{{.Names}}'").output == "web\n")
    }

    @Test func aMainProcessThatTrapsSIGINTGetsItAndTheClientEndsWithIt() throws {
        let world = try world()
        let execution = interrupt(world, "docker run --name trapper busybox sh -c 'trap \"exit 3\" INT; while true; do sleep 1; done'", times: 1)
        #expect(execution.isFinished)
        #expect(execution.exitStatus == 3)
    }

    @Test func withoutTheProxyCtrlCEndsTheClientAndLeavesTheContainer() throws {
        let world = try world()
        let execution = interrupt(world, "docker run --sig-proxy=false --name web luksa/kubia", times: 1)
        #expect(execution.isFinished)
        #expect(execution.exitStatus == 130)
        #expect(world.runSilently("docker ps --format '{{.Names}}'").output == "web\n")
    }
}
