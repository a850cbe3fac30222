import ArgumentParser
import Foundation
import Lessons
import World

/// `kubelab lesson lint|test|new`: the instructor's tools.
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Check, test and start lesson files (see lessons/README.md).",
        subcommands: [Lint.self, Test.self, New.self])

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Check lesson files: schema, translations, solutions' commands, read-only checks, ids.")

        @Argument(help: ArgumentHelp("Lesson files or folders.", valueName: "path"))
        var paths: [String]

        func run() throws {
            let world = try World(seed: 1, setup: .standard())
            let status = LessonTools.lint(paths: paths, knownCommands: LessonTools.knownCommands(in: world)) { print($0) }
            throw ExitCode(status)
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Play every lesson's solutions in a fresh world: each step's checks must fail before and pass after.")

        @Option(help: ArgumentHelp("The seed of the fresh worlds.", valueName: "n"))
        var seed: UInt64 = 1

        @Argument(help: ArgumentHelp("Lesson files or folders.", valueName: "path"))
        var paths: [String]

        func run() throws {
            let status = LessonTools.test(paths: paths, seed: seed, makeWorld: { try World(seed: $0, setup: .standard()) }) { print($0) }
            throw ExitCode(status)
        }
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "new", abstract: "Write a new lesson file with every field, in both languages.")

        @Option(help: ArgumentHelp("The folder to write it in.", valueName: "dir"))
        var directory: String = "."

        @Argument(help: ArgumentHelp("The lesson's id.", valueName: "id"))
        var id: String

        func run() throws {
            throw ExitCode(LessonTools.new(id: id, in: URL(fileURLWithPath: directory)) { print($0) })
        }
    }
}

/// `kubelab progress export|import`: moving a learner's progress between machines.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Export or import your course progress.",
        subcommands: [Export.self, Import.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Write your progress to FILE.")
        @Option(name: .long, help: ArgumentHelp("The state directory (also KUBELAB_HOME).", valueName: "dir"))
        var home: String?
        @Argument(help: ArgumentHelp("Where to write it.", valueName: "file"))
        var file: String

        func run() throws {
            let state = StateDirectory.resolve(option: home)
            throw ExitCode(ProgressTransfer.export(stateDirectory: state.url, to: file) { print($0) })
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Replace your progress with the one in FILE.")
        @Option(name: .long, help: ArgumentHelp("The state directory (also KUBELAB_HOME).", valueName: "dir"))
        var home: String?
        @Argument(help: ArgumentHelp("The exported progress.", valueName: "file"))
        var file: String

        func run() throws {
            let state = StateDirectory.resolve(option: home)
            try state.create()
            throw ExitCode(ProgressTransfer.import(stateDirectory: state.url, from: file) { print($0) })
        }
    }
}
