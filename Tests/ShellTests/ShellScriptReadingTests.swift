@testable import Kernel
@testable import Shell
import Simulation
import Testing

/// How bash 4.4 finds and reads scripts: `#!` scripts along `PATH` get the path execve(2) was
/// given; a script is parsed and run one command at a time; input that is not a terminal
/// makes a non-interactive shell; brace expansion sees quotes and expansions as text; a
/// here-document's body starts after the line its command ends on.
@Suite struct ShellScriptReadingTests {
    @Test func scriptsAlongPathRunWithTheirInterpreter() throws {
        let machine = try makeShellMachine()
        try machine.fileSystem.createDirectory("/root/bin", intermediates: true)
        try machine.fileSystem.writeFile("/root/bin/s.sh", Array("#!/bin/bash\necho \"$0 $1\"\n".utf8), mode: 0o755)
        let run = try runShell("PATH=$PATH:/root/bin; s.sh arg; PATH=/bin:bin; s.sh rel; PATH=/bin:; cd bin; s.sh here", on: machine)
        #expect(run.output == "/root/bin/s.sh arg\nbin/s.sh rel\n./s.sh here\n")
        #expect(run.errors == "")
    }

    @Test func aScriptRunsUpToItsSyntaxError() throws {
        let machine = try makeShellMachine()
        try machine.fileSystem.writeFile("/root/e.sh", Array("echo one\nif then\necho two\n".utf8))
        #expect(try runShell("", arguments: ["bash", "/root/e.sh"], on: machine) == ShellRun(
            output: "one\n", errors: "/root/e.sh: line 2: syntax error near unexpected token `then'\n/root/e.sh: line 2: `if then'\n", status: 2))
        try machine.fileSystem.writeFile("/root/u.sh", Array("echo one\necho \"open\n".utf8))
        let unterminated = try runShell("", arguments: ["bash", "/root/u.sh"], on: machine)
        #expect(unterminated.output == "one\n")
        #expect(unterminated.errors.contains(": unexpected EOF while looking for matching `\"'\n"))
        #expect(unterminated.errors.hasSuffix("/root/u.sh: line 3: syntax error: unexpected end of file\n"))
        #expect(unterminated.status == 2)
    }

    @Test func aBadSubstitutionFailsOnlyItsCommand() throws {
        let machine = try makeShellMachine()
        try machine.fileSystem.writeFile("/root/g.sh", Array("echo a\necho ${x!}\necho b\n".utf8))
        #expect(try runShell("", arguments: ["bash", "/root/g.sh"], on: machine)
                == ShellRun(output: "a\nb\n", errors: "/root/g.sh: line 2: ${x!}: bad substitution\n", status: 0))
    }

    @Test func inputThatIsNoTerminalIsReadWithoutPrompts() throws {
        let machine = try makeShellMachine()
        let output = CollectingStream()
        let errors = CollectingStream()
        // `bash < file` on a terminal session: the shell made the file's reader.
        let process = try machine.start(["bash"], environment: ["PATH": "/bin", "HOME": "/root"], workingDirectory: "/root", user: .root,
                                        stdin: PushbackReader(BytesReader("echo hi\nexit 3\n")), stdout: output, stderr: errors)
        process.terminal = "pts/0"
        machine.loop.run(until: { !process.isRunning }, limit: machine.loop.now + .seconds(60))
        #expect(output.text == "hi\n")
        #expect(errors.text == "")
        #expect(process.exitStatus == 3)
    }

    @Test(arguments: [
        ("a=p; echo {$a,b} x{\"1 2\",3}y; echo {$a..3} {'a,b'}", "p b x1 2y x3y\n{p..3} {a,b}\n"),
        ("cat <<EOF; echo \"x\ny\"\nbody\nEOF\necho after", "body\nx\ny\nafter\n"),
        ("cat <<EOF; echo 'it''s\nok' # a 'comment\nbody\nEOF", "body\nits\nok\n"),
        // Unsetting a temporary binding inside the function uncovers the outer value.
        ("x=outer; f() { unset x; echo \"[$x]\"; }; x=temp f; echo $x; g() { echo $y; }; y=1 g; echo \"[$y]\"", "[outer]\nouter\n1\n[]\n"),
    ])
    func readsAsBash(_ example: (String, String)) throws {
        let run = try runShell(example.0)
        #expect(run.output == example.1)
        #expect(run.errors == "")
    }

    /// `set -o` prints bash 4.4's whole option list as `%-15s\t%s`; `set +o` as commands.
    @Test func setOListsEveryOption() throws {
        let run = try runShell("set -o pipefail; set -o; set -e; set +o")
        let names = ["allexport", "braceexpand", "emacs", "errexit", "errtrace", "functrace", "hashall", "histexpand", "history",
                     "ignoreeof", "interactive-comments", "keyword", "monitor", "noclobber", "noexec", "noglob", "nolog", "notify",
                     "nounset", "onecmd", "physical", "pipefail", "posix", "privileged", "verbose", "vi", "xtrace"]
        let on: Set<String> = ["braceexpand", "hashall", "interactive-comments", "pipefail"]
        let listing = names.map { name in
            name + String(repeating: " ", count: max(0, 15 - name.count)) + "\t" + (on.contains(name) ? "on" : "off") + "\n"
        }.joined()
        let commands = names.map { name in
            "set " + (on.contains(name) || name == "errexit" ? "-" : "+") + "o " + name + "\n"
        }.joined()
        #expect(run.output == listing + commands)
        #expect(run.output.contains("interactive-comments\ton\n"))
    }

    /// printf's `\NNN` and `\xHH` are bytes: UTF-8 sequences written that way print their character.
    @Test func printfByteEscapesAreBytes() throws {
        let run = try runShell("printf '\\303\\251|\\xc3\\xa9|%b|\\101\\n' '\\0303\\0251'")
        #expect(run.output == "é|é|é|A\n")
        #expect(run.errors == "")
    }
}
