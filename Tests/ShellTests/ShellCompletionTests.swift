@testable import Kernel
@testable import Shell
import Simulation
import Testing

/// Process substitution and the programmable-completion builtins `complete` and `compgen`.
@Suite struct ShellCompletionTests {
    @Test(arguments: [
        ("read a < <(echo hi); read b < <(echo there); echo $a $b", "hi there\n"),
        ("args <(echo hi) x<(true)", "</dev/fd/63> <x/dev/fd/62>\n"),
        ("echo <(true) <(true)", "/dev/fd/63 /dev/fd/62\n"),
        ("while read x; do echo \"<$x>\"; done < <(printf 'a\\nb\\n')", "<a>\n<b>\n"),
        ("source <(echo 'f() { echo from-f; }'); f", "from-f\n"),
        ("args <(echo hi); { read x < /dev/fd/63; } 2>/dev/null || echo gone", "</dev/fd/63>\ngone\n"),
        ("f() { read x < <(echo \"$1\"); echo $x; }; f inner", "inner\n"),
    ])
    func processSubstitution(script: String, expected: String) throws {
        let run = try runShell(script)
        #expect(run.output == expected)
        #expect(run.errors == "")
    }

    @Test(arguments: [
        ("complete -F _f kubectl; complete -p", "complete -F _f kubectl\n"),
        ("complete -o nospace -o default -W 'a b' -F _f k; complete -p k", "complete -o default -o nospace -W 'a b' -F _f k\n"),
        ("complete -fd x; complete -A hostname -G '*.c' y; complete", "complete -d -f x\ncomplete -A hostname -G '*.c' y\n"),
        ("complete -F _f a b; complete -r a; complete -p", "complete -F _f b\n"),
        ("complete -F _f a; complete -r; complete -p; echo done", "done\n"),
        ("compgen -W 'get describe delete' -- de", "describe\ndelete\n"),
        ("compgen -W 'alpha beta' -P '<' -S '>' a", "<alpha>\n"),
        ("compgen -W 'a.c b.h c.c' -X '*.c'", "b.h\n"),
        ("compgen -W 'a.c b.h c.c' -X '!*.c'", "a.c\nc.c\n"),
        ("compgen -W 'x y' z; echo $?", "1\n"),
        ("alias kk=kubectl; compgen -a k", "kk\n"),
        ("compgen -b comp", "compgen\ncomplete\n"),
    ])
    func completionBuiltins(script: String, expected: String) throws {
        let run = try runShell(script)
        #expect(run.output == expected)
        #expect(run.errors == "")
    }

    @Test(arguments: [
        ("complete -p nothing", "bash: complete: nothing: no completion specification\n", 1 as Int32),
        ("complete -r nothing", "bash: complete: nothing: no completion specification\n", 1),
        ("complete -o bogus x", "bash: complete: bogus: invalid option name\n", 2),
        ("complete -A bogus x", "bash: complete: bogus: invalid action name\n", 2),
        ("complete -Z x", "bash: complete: -Z: invalid option\n" + Shell.completeUsage + "\n", 2),
        ("complete -F", "bash: complete: -F: option requires an argument\n" + Shell.completeUsage + "\n", 2),
        ("compgen -p", "bash: compgen: -p: invalid option\n" + Shell.compgenUsage + "\n", 2),
    ])
    func completionErrors(script: String, errors: String, status: Int32) throws {
        let run = try runShell(script)
        #expect(run.errors == errors)
        #expect(run.status == status)
    }

    @Test func subshellsInheritCompletions() throws {
        let run = try runShell("complete -F _f k; (complete -p k)")
        #expect(run.output == "complete -F _f k\n")
    }
}

