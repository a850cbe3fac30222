/// Command substitution and subshells run in the shell's own process.
extension Shell {
    /// Runs `script` in a subshell and returns its output without trailing newlines.
    func captureOutput(of script: Script) async throws -> String {
        let output = CollectingStream()
        var captureIO = io
        captureIO.outputs[1] = output
        let subshell = Shell(subshellOf: self, process: process, io: captureIO)
        let status = try await subshell.runAsSubshell(script)
        lastStatus = status
        lastSubstitutionStatus = status
        var text = output.text
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Runs `script` for `<(…)` and returns the name of a file with its output, named as bash
    /// names the pipe it reads from (`/dev/fd/63`, then 62 …). The list runs to its end first,
    /// then the command reads the file; it goes away when the command that used it ends.
    func substituteProcess(_ script: Script) async throws -> String {
        let output = CollectingStream()
        var captureIO = io
        captureIO.outputs[1] = output
        let subshell = Shell(subshellOf: self, process: process, io: captureIO)
        _ = try await subshell.runAsSubshell(script)
        let path = "/dev/fd/\(63 - processSubstitutionFiles.count)"
        try? machine.fileSystem.createDirectory("/dev/fd", intermediates: true)
        try? machine.fileSystem.writeFile(path, output.bytes, mode: 0o444)
        processSubstitutionFiles.append(path)
        return path
    }

    /// Removes the files of process substitutions made since `mark`.
    func removeProcessSubstitutions(since mark: Int) {
        guard processSubstitutionFiles.count > mark else { return }
        for path in processSubstitutionFiles[mark...] { try? machine.fileSystem.remove(path) }
        processSubstitutionFiles.removeSubrange(mark...)
    }

    /// Runs `script` as a subshell's whole program: `exit` ends only the subshell. A kill of the
    /// process still unwinds.
    func runAsSubshell(_ script: Script) async throws -> Int32 {
        do {
            let status = try await runScript(script, io: io)
            await runExitTrap()
            return status
        } catch let terminated as ProcessTerminated {
            throw terminated
        } catch ShellControl.abortLine(let status) {
            throw ShellControl.abortLine(status)
        } catch {
            let status = settle(error)
            await runExitTrap()
            return status
        }
    }
}
