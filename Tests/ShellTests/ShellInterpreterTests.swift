@testable import Kernel
@testable import Shell
import Simulation
import Testing

@Suite struct ShellExpansionTests {
    static let cases: [(String, String)] = [
        ("echo hello   world", "hello world\n"),
        ("x=5; echo $x ${x}x", "5 5x\n"),
        ("echo 'a  b' \"c  d\" e\\ \\ f", "a  b c  d e  f\n"),
        ("x='a  b'; args $x \"$x\"", "<a> <b> <a  b>\n"),
        ("x=''; args $x \"$x\" ''", "<> <>\n"),
        ("set -- a 'b c'; args \"$@\"; args $@; args \"$*\"; echo $# $1", "<a> <b c>\n<a> <b> <c>\n<a b c>\n2 a\n"),
        ("set --; args \"$@\" end", "<end>\n"),
        ("set -- a b c; shift; echo $@; shift 2; echo $#", "b c\n0\n"),
        ("echo ${u:-def} ${u:=set} $u ${#u} ${u:+alt} ${nothing:+alt}.", "def set set 3 alt .\n"),
        ("f=/a/b/c.txt; echo ${f##*/} ${f%.txt} ${f#*/} ${f%%/*}x ${f/b/B}", "c.txt /a/b/c a/b/c.txt x /a/B/c.txt\n"),
        ("s=hello; echo ${s:1:3} ${s: -2}", "ell lo\n"),
        ("i=3; echo $((i * 2 + 1)) $((10 / 3)) $(( (1 + 2) * 3 ))", "7 3 9\n"),
        ("echo \"[$(echo hi; echo there)]\"", "[hi\nthere]\n"),
        ("echo `echo a \\`echo b\\``", "a b\n"),
        ("x=$(printf 'a\\n\\n\\n'); echo \"<$x>\"", "<a>\n"),
        ("echo ~ ~/x \"~\"", "/root /root/x ~\n"),
        ("echo $'tab\\there'", "tab\there\n"),
        ("X=1 getenv X; getenv X; export Y=2; getenv Y", "1\nunset\n2\n"),
        ("echo $?; false; echo $?; status 7; echo $?", "0\n1\n7\n"),
        ("x=a; x+=b; echo $x", "ab\n"),
        ("a=1 b=2; echo $a$b", "12\n"),
    ]

    @Test(arguments: cases)
    func expands(script: String, expected: String) throws {
        let run = try runShell(script)
        #expect(run.output == expected)
        #expect(run.errors == "")
    }

    @Test func globsAgainstTheFileSystem() throws {
        let machine = try makeShellMachine()
        for name in ["b.txt", "a.txt", "c.log", ".hidden.txt"] {
            try machine.fileSystem.writeFile("/tmp/\(name)", [])
        }
        try machine.fileSystem.createDirectory("/tmp/dir")
        let run = try runShell("cd /tmp; echo *.txt; echo *.none; echo '*.txt' \"*\"; echo /tmp/?.log; echo */; echo [ab].*", on: machine)
        #expect(run.output == "a.txt b.txt\n*.none\n*.txt *\n/tmp/c.log\ndir/\na.txt b.txt\n")
    }
}

@Suite struct ShellControlFlowTests {
    static let cases: [(String, String)] = [
        ("if false; then echo a; elif true; then echo b; else echo c; fi", "b\n"),
        ("for x in 1 2 3; do echo $x; done", "1\n2\n3\n"),
        ("set -- p q; for x; do echo $x; done", "p\nq\n"),
        ("i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i", "3\n"),
        ("i=0; until [ $i -ge 2 ]; do i=$((i+1)); echo $i; done", "1\n2\n"),
        ("for i in 1 2 3 4; do if [ $i = 2 ]; then continue; fi; if [ $i = 4 ]; then break; fi; echo $i; done", "1\n3\n"),
        ("for i in a b; do for j in 1 2; do break 2; done; echo never; done; echo out", "out\n"),
        ("case kubia-x in kub*) echo yes;; *) echo no;; esac", "yes\n"),
        ("case b in a|b) echo ab;; esac; case z in a) echo a;; esac", "ab\n"),
        ("false && echo no || echo yes", "yes\n"),
        ("true || echo no; echo $?", "0\n"),
        ("! true; echo $?; ! false; echo $?", "1\n0\n"),
        ("greet() { echo \"hi $1 ($#)\"; return 3; }; greet you there; echo $?", "hi you (2)\n3\n"),
        ("function f { local x=inner; echo $x; }; x=outer; f; echo $x", "inner\nouter\n"),
        ("f() { echo $1; }; set -- outer; f inner; echo $1", "inner\nouter\n"),
        ("{ echo a; echo b; } | sort", "a\nb\n"),
        ("(cd /tmp; pwd); pwd", "/tmp\n/root\n"),
        ("(exit 4); echo $?", "4\n"),
        ("x=1; (x=2); echo $x", "1\n"),
        ("[[ kubia-1 == kubia-* ]] && echo match; [[ -n '' || 2 -gt 1 ]] && echo or", "match\nor\n"),
        ("(( 3 > 2 )) && echo bigger; let 'y = 2 * 4'; echo $y", "bigger\n8\n"),
        ("eval 'x=5; echo $x'", "5\n"),
        ("alias k=echo; type k cd if true", "k is aliased to `echo'\ncd is a shell builtin\nif is a shell keyword\ntrue is a shell builtin\n"),
        ("type sort", "sort is /bin/sort\n"),
        ("printf '%s-%s\\n' a b c", "a-b\nc-\n"),
        ("echo -n a; echo -e 'b\\tc'; echo -e 'x\\c'; echo", "ab\tc\nx\n"),
        ("cd /tmp; cd /; cd -; pwd-of", "/tmp\n/tmp\n"),
        ("[ -d /tmp ] && echo dir; [ -f /tmp ] || echo notfile; [ a = b ]; echo $?", "dir\nnotfile\n1\n"),
    ]

    @Test(arguments: cases)
    func runs(script: String, expected: String) throws {
        let run = try runShell(script)
        #expect(run.output == expected)
        #expect(run.errors == "")
    }

    @Test func exitStatusAndSetE() throws {
        #expect(try runShell("echo a; exit 3; echo b") == ShellRun(output: "a\n", errors: "", status: 3))
        #expect(try runShell("set -e; echo a; false; echo b") == ShellRun(output: "a\n", errors: "", status: 1))
        #expect(try runShell("set -e; if false; then :; fi; false || true; ! true; false && true; echo ok").output == "ok\n")
        #expect(try runShell("echo \"$(exit 5)\" $?").output == " 5\n")
        #expect(try runShell("false").status == 1)
        #expect(try runShell("f() { exit 9; }; f; echo no").status == 9)
    }
}

@Suite struct ShellIOTests {
    @Test func pipesAndRedirections() throws {
        let machine = try makeShellMachine()
        let run = try runShell("""
            printf 'b\\na\\n' | sort
            echo hi > /tmp/f; echo more >> /tmp/f; cat < /tmp/f
            echo err >&2
            { echo out; echo fail >&2; } > /tmp/both 2>&1; cat < /tmp/both
            nosuch 2>/dev/null; echo $?
            echo gone > /dev/null
            echo x | cat | cat
            printf '1\\n2\\n3\\n' | firstline
            """, on: machine)
        #expect(run.output == "a\nb\nhi\nmore\nout\nfail\n127\nx\n1\n")
        #expect(run.errors == "err\n")
        #expect(try machine.fileSystem.readFile("/tmp/f") == Array("hi\nmore\n".utf8))
    }

    @Test func hereDocumentsAndStrings() throws {
        let run = try runShell("x=world\ncat <<EOF\nhello $x\nEOF\ncat <<'EOF'\nkeep $x\nEOF\ncat <<-EOF\n\t\tstripped\n\tEOF\ncat <<< \"here $x\"")
        #expect(run.output == "hello world\nkeep $x\nstripped\nhere world\n")
    }

    @Test func readsLines() throws {
        let run = try runShell("read x y; echo \"$y|$x\"; read -r z; echo \"$z\"; while read l; do echo \"<$l>\"; done",
                               input: "a b c\nback\\slash\nl1\nl2\nunterminated")
        #expect(run.output == "b c|a\nback\\slash\n<l1>\n<l2>\n")
    }

    @Test func readsFromARedirectedLoop() throws {
        let machine = try makeShellMachine()
        try machine.fileSystem.writeFile("/tmp/list", Array("one\ntwo\n".utf8))
        let run = try runShell("while read line; do echo \"got $line\"; done < /tmp/list; cat < /tmp/list | while read l; do echo $l; done", on: machine)
        #expect(run.output == "got one\ngot two\none\ntwo\n")
    }

    @Test func runsScriptFiles() throws {
        let machine = try makeShellMachine()
        try machine.fileSystem.writeFile("/tmp/s.sh", Array("#!/bin/sh\necho \"args: $1 $#\"\nexit 7\n".utf8), mode: 0o755)
        try machine.fileSystem.writeFile("/tmp/plain", Array("echo plain $1\n".utf8), mode: 0o755)
        try machine.fileSystem.writeFile("/tmp/lib.sh", Array("greeting=hello\nreturn 4\necho never\n".utf8))
        #expect(try runShell("/tmp/s.sh a b", on: machine) == ShellRun(output: "args: a 2\n", errors: "", status: 7))
        #expect(try runShell("", arguments: ["sh", "/tmp/s.sh", "x"], on: machine).output == "args: x 1\n")
        #expect(try runShell("/tmp/plain p", on: machine).output == "plain p\n")
        #expect(try runShell(". /tmp/lib.sh; echo $? $greeting", on: machine).output == "4 hello\n")
        #expect(try runShell("", arguments: ["bash", "/tmp/missing.sh"], on: machine)
                == ShellRun(output: "", errors: "bash: /tmp/missing.sh: No such file or directory\n", status: 127))
    }
}

@Suite struct ShellErrorTests {
    static let cases: [(String, String, Int32)] = [
        ("nosuch", "bash: nosuch: command not found\n", 127),
        ("./nothere", "bash: ./nothere: No such file or directory\n", 127),
        ("/tmp/notexec", "bash: /tmp/notexec: Permission denied\n", 126),
        ("/tmp", "bash: /tmp: Is a directory\n", 126),
        ("cd /nope", "bash: cd: /nope: No such file or directory\n", 1),
        ("cd /tmp/notexec", "bash: cd: /tmp/notexec: Not a directory\n", 1),
        ("echo > /nodir/x", "bash: /nodir/x: No such file or directory\n", 1),
        ("cat < /nofile", "bash: /nofile: No such file or directory\n", 1),
        ("[ abc -eq 1 ]", "bash: [: abc: integer expression expected\n", 2),
        ("[ a = a", "bash: [: missing `]'\n", 2),
        ("set -u; echo $nope", "bash: nope: unbound variable\n", 1),
        ("echo ${x:?must be set}", "bash: x: must be set\n", 1),
        ("echo $((1/0))", "bash: 1/0: division by 0 (error token is \"0\")\n", 1),
        ("exit abc", "bash: exit: abc: numeric argument required\n", 2),
        ("return", "bash: return: can only `return' from a function or sourced script\n", 1),
        ("echo hi >&3", "bash: 3: Bad file descriptor\n", 1),
        ("fg", "bash: fg: no job control\n", 1),
        ("unalias nope", "bash: unalias: nope: not found\n", 1),
        ("type nope", "bash: type: nope: not found\n", 1),
        ("export 1x=2", "bash: export: `1x=2': not a valid identifier\n", 1),
        ("kill 4242", "bash: kill: (4242) - No such process\n", 1),
        ("if", "bash: -c: line 1: syntax error: unexpected end of file\n", 2),
        ("echo a; fi", "bash: -c: line 1: syntax error near unexpected token `fi'\nbash: -c: line 1: `echo a; fi'\n", 2),
        ("echo 'open", "bash: -c: line 1: unexpected EOF while looking for matching `''\nbash: -c: line 1: syntax error: unexpected end of file\n", 2),
    ]

    @Test(arguments: cases)
    func reportsAsBash(script: String, errors: String, status: Int32) throws {
        let machine = try makeShellMachine()
        try machine.fileSystem.writeFile("/tmp/notexec", Array("echo hi\n".utf8))
        let run = try runShell(script, on: machine)
        #expect(run.errors == errors)
        #expect(run.status == status)
    }

    @Test func tracesCommands() throws {
        let run = try runShell("set -x; echo a \"b c\"; x=1")
        #expect(run.output == "a b c\n")
        #expect(run.errors == "+ echo a 'b c'\n+ x=1\n")
    }
}
