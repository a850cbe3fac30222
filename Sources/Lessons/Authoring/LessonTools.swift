import Foundation
import Kernel
import World

/// The authoring commands behind `kubelab lesson lint|test|new`: each prints to `output` and
/// returns the exit status for the process.
public enum LessonTools {
    /// `kubelab lesson lint PATH…`: prints every problem as `file:line: severity: message`;
    /// fails (1) on any error, warnings alone pass.
    public static func lint(paths: [String], knownCommands: Set<String>, output: (String) -> Void) -> Int32 {
        let diagnostics = LessonLinter(knownCommands: knownCommands).lint(paths: paths)
        for diagnostic in diagnostics { output(diagnostic.description + "\n") }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        output("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n")
        return errors == 0 ? 0 : 1
    }

    /// `kubelab lesson test PATH…`: plays every lesson's solutions in a fresh world made by
    /// `makeWorld` with `seed`; fails (1) when a lesson cannot be read or a step misbehaves.
    public static func test(paths: [String], seed: UInt64 = 1, makeWorld: @escaping (UInt64) throws -> World,
                            output: (String) -> Void) -> Int32 {
        let (lessons, diagnostics) = LessonLoader.load(paths: paths)
        let errors = diagnostics.filter { $0.severity == .error }
        for diagnostic in errors { output(diagnostic.description + "\n") }
        let tester = LessonTester(seed: seed, makeWorld: makeWorld)
        var failed = 0
        for lesson in lessons {
            let failures = tester.test(lesson)
            if failures.isEmpty {
                output("ok    \(lesson.id) (\(lesson.source.path), \(lesson.steps.count) step\(lesson.steps.count == 1 ? "" : "s"))\n")
            } else {
                failed += 1
                output("FAIL  \(lesson.id) (\(lesson.source.path))\n")
                for failure in failures { output(failure.description) }
            }
        }
        output("\(lessons.count - failed) of \(lessons.count) lesson\(lessons.count == 1 ? "" : "s") passed\n")
        return failed == 0 && errors.isEmpty && !lessons.isEmpty ? 0 : 1
    }

    /// `kubelab lesson new ID`: writes a scaffold into `directory`.
    public static func new(id: String, in directory: URL, output: (String) -> Void) -> Int32 {
        do {
            let url = try LessonScaffold.create(id: id, in: directory)
            output("Created \(url.path): edit it, then `kubelab lesson lint` and `kubelab lesson test` it.\n")
            return 0
        } catch {
            output("kubelab: \(error)\n")
            return 1
        }
    }

    /// The commands a world's learner can run: executables along the standard PATH and the
    /// shell's builtins (what `lint` accepts in solutions).
    public static func knownCommands(in world: World) -> Set<String> {
        var names = Set(world.shell.builtinNames)
        let fileSystem = world.workstation.fileSystem
        for directory in ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"] {
            for name in (try? fileSystem.listDirectory(directory)) ?? [] {
                if let status = try? fileSystem.status(Paths.join(directory, name)), status.kind == .file, status.isExecutable {
                    names.insert(name)
                }
            }
        }
        return names
    }
}
