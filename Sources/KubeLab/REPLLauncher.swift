import ArgumentParser
import Foundation
import REPL
import Lessons
import World

/// Opens the saved world and runs the REPL on it, on a terminal or over a script.
struct REPLLauncher {
    let options: WorldOptions
    /// Whether the course rides along (not in the sandbox).
    var withCourse = false

    func run() throws -> Int32 {
        let state = StateDirectory.resolve(option: options.home)
        do {
            try state.create()
        } catch {
            throw ValidationError("cannot use the state directory \(state.url.path): \(error.localizedDescription)")
        }
        let saved: SavedWorld
        do {
            saved = try SavedWorld(directory: state.url, seed: options.seed, setup: .standard())
        } catch let mismatch as SavedWorld.SeedMismatch {
            throw ValidationError(mismatch.description)
        }
        // A script on standard input: at most one flush to disk every 200 ms, and one at the end.
        if !Terminal.isInteractive { saved.groupCommits(every: .milliseconds(200)) }
        let output = StandardOutput()
        if let damage = saved.damage {
            output.write(Array("kubelab: \(damage.description)\n".utf8))
        }
        // Set once the journal is replayed: a replay shows nothing.
        saved.whenRestored { world in world.outputSink = { output.write($0) } }
        let session = Self.makeSession(saved: saved, state: state, history: state.history.path, output: output)
        if withCourse {
            let style = TextStyle(width: Terminal.width, usesColor: Terminal.isInteractive)
            let (course, problems) = try Course.open(lessonsDirectory: LessonsLocation.resolve(option: options.lessons),
                                                     stateDirectory: state.url, style: style)
            for problem in problems {
                output.write(Array("kubelab: lesson left out: \(problem)\n".utf8))
            }
            if Terminal.isInteractive { course.measureWidth = { Terminal.width } }
            session.companion = course
        }
        return session.run()
    }

    /// A session on a saved world, on the terminal (or a script on standard input).
    static func makeSession(saved: SavedWorld, state: StateDirectory, history: String?, output: StandardOutput) -> Session {
        let sessionReference = SessionReference()
        let completer = CompletionSetup.completer(
            world: { sessionReference.session?.world ?? saved.world },
            extraCommands: { sessionReference.session?.companion?.commandNames ?? [] })
        let reader = Terminal.makeLineReader(historyFile: history, completer: completer)
        // The journal replays while the learner types at the first prompt (see `JournalReplay`):
        // the prompt shows at once however long the session behind it was. Replaying between
        // keystrokes keeps the simulation on one thread; a snapshot of the world could not hold
        // its programs' suspended tasks, and a faster replay would still grow with the journal.
        let session = Session(saved: saved, reader: reader, clock: Terminal.isInteractive ? .terminal : .script,
                              write: { output.write($0) })
        sessionReference.session = session
        // A script has nobody to press Ctrl-C: say why a busy command stopped (on standard
        // error, so the script's own output stays as the tools printed it).
        session.stoppedBusy = { line, _ in
            let seconds = World.unattendedCPULimit.components.seconds
            FileHandle.standardError.write(Data("kubelab: stopped `\(line)`: still busy after \(seconds)s of CPU time with nobody to press Ctrl-C\n".utf8))
        }
        session.makeWorld = { seed in try World(seed: seed, setup: .standard()) }
        // Without a terminal (piped input) there is nobody to use an editor: `edit` says so.
        if Terminal.isInteractive {
            saved.whenRestored { world in
                world.editorHost = { name, contents in HostEditor(state: state).edit(fileName: name, contents: contents) }
            }
        }
        return session
    }
}

/// Lets the completer reach the session it was made for (the session needs the completer first).
final class SessionReference {
    weak var session: Session?
}

/// Unbuffered writes to the process's standard output.
final class StandardOutput: @unchecked Sendable {
    func write(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }
}
