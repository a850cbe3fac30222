import Kernel

/// Command substitution and subshells run in the shell's own process.
extension Shell {
    /// Runs `script` in a subshell and returns its output without trailing newlines.
    func captureOutput(of script: Script) async throws -> String {
        if let redirection = Self.fileReadingRedirection(script) {
            return try await readForSubstitution(redirection)
        }
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

extension Shell {
    /// `$(< file)`: a substitution that is only an input redirection (bash reads the file
    /// itself rather than running a command).
    static func fileReadingRedirection(_ script: Script) -> Redirection? {
        guard script.items.count == 1, let item = script.items.first, !item.isBackground, item.list.rest.isEmpty,
              !item.list.first.isNegated, item.list.first.commands.count == 1,
              case .simple(let command) = item.list.first.commands[0],
              command.words.isEmpty, command.assignments.isEmpty, command.redirections.count == 1,
              command.redirections[0].kind == .input, command.redirections[0].effectiveDescriptor == 0 else { return nil }
        return command.redirections[0]
    }

    private func readForSubstitution(_ redirection: Redirection) async throws -> String {
        let path = try await expandToString(redirection.target)
        let absolute = Paths.normalize(path, relativeTo: workingDirectory)
        do {
            let bytes = try machine.fileSystem.readFile(absolute, as: user)
            lastStatus = 0
            lastSubstitutionStatus = 0
            var text = String(decoding: bytes, as: UTF8.self)
            while text.hasSuffix("\n") { text.removeLast() }
            return text
        } catch {
            report("\(path): \(error.code.message)", io: io)
            lastStatus = 1
            lastSubstitutionStatus = 1
            return ""
        }
    }
}
