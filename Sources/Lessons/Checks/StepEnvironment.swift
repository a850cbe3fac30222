import Foundation
import Kernel
import REPL
import World

/// What running a step needs from the world it runs in: the live session (journaled) or a
/// bare world (`lesson test`).
public protocol StepEnvironment: AnyObject {
    /// Runs a read-only command out of sight: its exit status and everything it printed.
    func runCheck(_ line: String) -> (status: Int32, output: String)
    /// Runs a setup or solution command, shown or not; returns its exit status.
    func runScripted(_ line: String, visible: Bool) -> Int32
    /// Writes a file into the learner's home (`path` is relative to it).
    func placeFile(_ path: String, contents: [UInt8])
    /// Lets simulated time pass.
    func advanceTime(by duration: Duration)
    /// Replaces the world by a fresh one, its clock where the old one's was (a lesson's
    /// starting world begins so). Throws when no fresh world can be made.
    func restoreFreshWorld() throws
}

extension StepEnvironment {
    /// Runs a line of a solution as the learner would type it: `wait 30s` lets time pass (it is
    /// the session's command, not the shell's); anything else runs in the shell. Returns the
    /// exit status.
    public func runSolutionLine(_ line: String, visible: Bool) -> Int32 {
        if let duration = Self.waitDuration(line) {
            advanceTime(by: duration)
            return 0
        }
        return runScripted(line, visible: visible)
    }

    /// The duration of a `wait DURATION` line, or nil for any other line.
    static func waitDuration(_ line: String) -> Duration? {
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count == 2, words[0] == "wait" else { return nil }
        return DurationText.parse(String(words[1]))
    }
}

/// A world run directly, with nothing journaled: what `lesson test` plays solutions in.
public final class WorldEnvironment: StepEnvironment {
    public private(set) var world: World
    /// Makes a fresh world with a seed; nil: the world cannot be replaced.
    private let makeWorld: ((UInt64) throws -> World)?
    /// What the last scripted command printed (for a failure's report).
    public private(set) var lastOutput = ""

    public init(world: World, makeWorld: ((UInt64) throws -> World)? = nil) {
        self.world = world
        self.makeWorld = makeWorld
    }

    public func restoreFreshWorld() throws {
        guard let makeWorld else { throw Session.RebuildUnavailable() }
        let now = world.loop.now
        let fresh = try makeWorld(world.seed)
        fresh.loop.advance(to: now)
        world = fresh
    }

    public func runCheck(_ line: String) -> (status: Int32, output: String) {
        world.runSilently(line)
    }

    public func runScripted(_ line: String, visible: Bool) -> Int32 {
        let result = world.runSilently(line)
        lastOutput = result.output
        return result.status
    }

    public func advanceTime(by duration: Duration) {
        world.loop.advance(by: duration)
    }

    public func placeFile(_ path: String, contents: [UInt8]) {
        WorkspaceMirror.apply(path: path, contents: contents, to: world.workstation.fileSystem, home: world.learner.home, owner: world.learner)
    }
}

/// What setting a step up went wrong with.
public struct SetupFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public var command: String
    public var status: Int32
    public var output: String
    public var description: String { "setup command `\(command)` exited with status \(status)" }
}

extension LessonWorld {
    /// Restores the world in `environment`: a fresh world, the cluster, the files, then the
    /// commands out of sight; stops at the first command that fails.
    public func restore(in environment: any StepEnvironment) throws -> SetupFailure? {
        try environment.restoreFreshWorld()
        return StepSetup(files: files, commands: setupCommands).perform(in: environment)
    }
}

extension StepSetup {
    /// Writes the files, then runs the commands out of sight; stops at the first command that fails.
    public func perform(in environment: any StepEnvironment) -> SetupFailure? {
        for file in files {
            environment.placeFile(file.path, contents: Array(file.contents.utf8))
        }
        for command in commands {
            let result = environment.runCheck(command)
            if result.status != 0 { return SetupFailure(command: command, status: result.status, output: result.output) }
        }
        return nil
    }
}
