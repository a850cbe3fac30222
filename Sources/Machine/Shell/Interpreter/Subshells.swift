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
