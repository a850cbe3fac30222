import Foundation
import Testing
import Simulation
@testable import World

/// Only a command the learner typed may start their editor on the host: never a lesson's setup,
/// check or solution (all run unattended), and never a replay.
@Suite struct EditorGateTests {
    final class Calls: @unchecked Sendable {
        var count = 0
    }

    func world() throws -> (World, Calls, () -> String) {
        let calls = Calls()
        final class Output: @unchecked Sendable { var bytes: [UInt8] = [] }
        let output = Output()
        let world = try World(seed: 5, setup: .standard()) { output.bytes += $0 }
        world.editorHost = { _, contents in
            calls.count += 1
            return contents + Array("edited\n".utf8)
        }
        return (world, calls, { String(decoding: output.bytes, as: UTF8.self) })
    }

    @Test(arguments: ["edit notes.txt", "vi notes.txt", "echo x | nano notes.txt", "kubectl edit pod x"])
    func unattendedCommandsNeverOpenTheEditor(_ line: String) throws {
        let (world, calls, output) = try world()
        world.runUnattended(line)
        _ = world.runSilently(line)
        #expect(calls.count == 0)
        if !line.hasPrefix("kubectl") {
            #expect(output().contains("only a command typed at a terminal opens your editor"))
        }
        // The editor is back for what the learner types next.
        let execution = world.begin("edit typed.txt")
        _ = execution.run(until: world.loop.now + .seconds(1))
        #expect(calls.count == 1)
    }

    @Test func aReplayNeverOpensTheEditor() throws {
        let (world, calls, _) = try world()
        world.apply(JournalEntry(.command(line: "edit app.js", inputs: [TimedInput(offsetNanoseconds: 0, kind: .editorResult, text: "saved\n")],
                                          nanoseconds: 0)))
        #expect(calls.count == 0)
        #expect(try world.workstation.fileSystem.readFile(world.learner.home + "/app.js") == Array("saved\n".utf8))
    }
}
