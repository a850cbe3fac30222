@testable import Kernel
@testable import Shell
import Simulation
import Testing

/// Indexed arrays and list expansions as the bash 4.4 manual describes them ("Arrays",
/// "Shell Parameter Expansion", `declare`, `read -a`, `mapfile`, `readonly`).
@Suite struct ShellArrayTests {
    @Test(arguments: [
        // name=(value …); ${name[subscript]}; ${name} is element 0; ${#name[@]} counts.
        ("a=(x y z); echo ${a[0]} ${a[2]} ${#a[@]}; echo \"${a[@]}\"; echo $a", "x z 3\nx y z\nx\n", ""),
        // "${a[@]}" is one word per element, "${a[*]}" one word joined by IFS's first character.
        ("a=(one \"two words\" three); args \"${a[@]}\"; args ${a[@]}; args \"${a[*]}\"; IFS=,; args \"${a[*]}\"",
         "<one> <two words> <three>\n<one> <two> <words> <three>\n<one two words three>\n<one,two words,three>\n", ""),
        // += appends after the highest index; name[i]= sets one element; ${!a[@]} lists indices.
        ("a=(x); a+=(y z); a[5]=w; echo ${#a[@]} ${!a[@]}; echo \"${a[@]}\"", "4 0 1 2 5\nx y z w\n", ""),
        ("a=(x y z); unset 'a[1]'; echo ${#a[@]} ${!a[@]} \"${a[@]}\"; unset a; echo ${#a[@]}", "2 0 2 x z\n0\n", ""),
        // Negative subscripts count back from the highest index plus one.
        ("a=(x y z); echo ${a[-1]} ${a[@]: -2}; a[-1]=Z; echo ${a[2]}", "z y z\nZ\n", ""),
        ("a=(x); echo ${a[-5]}", "", "bash: a: bad array subscript\n"),
        // [i]=value inside the parentheses; later words go on from there.
        ("a=([3]=c [1]=a b); echo ${!a[@]} ${a[@]}", "1 2 3 a b c\n", ""),
        // Subscripts are arithmetic; so are array references inside arithmetic.
        ("a=(1 2 3); i=1; echo ${a[i+1]} ${a[$i]} $(( a[i] + a[2] )); (( a[0] += 5 )); echo ${a[0]}", "3 2 5\n6\n", ""),
        // Lengths: ${#a} is element 0's, ${#a[1]} an element's, ${#a[*]} the count.
        ("a=(abc de); echo ${#a} ${#a[1]} ${#a[*]}", "3 2 2\n", ""),
        // An empty array expands to no word at all when quoted with @.
        ("a=(); args \"${a[@]}\" x; echo ${#a[@]}; args \"${a[*]}\"", "<x>\n0\n<>\n", ""),
        // A scalar is an array of one element; assigning a scalar sets element 0.
        ("s=hi; echo ${s[0]} ${#s[@]} ${s[@]}; s[1]=there; echo ${s[@]}; s=new; echo ${s[@]}", "hi 1 hi\nhi there\nnew there\n", ""),
        // The operations apply to each element.
        ("a=(foo.txt bar.txt); echo ${a[@]%.txt} ${a[@]/o/0} ${a[@]^}; echo ${a[@]:1:1}", "foo bar f0o.txt bar.txt Foo.txt Bar.txt\nbar.txt\n", ""),
        // Elements, words of a for loop; comments and newlines inside the parentheses.
        ("a=(1 \"2 3\"); for i in \"${a[@]}\"; do echo \"[$i]\"; done", "[1]\n[2 3]\n", ""),
        ("a=(one\n  two # a comment\n  three)\necho ${a[@]} ${#a[@]}", "one two three 3\n", ""),
        // Unquoted elements are split and globbed as they are assigned.
        ("v='p q'; a=($v \"$v\"); echo ${#a[@]}", "3\n", ""),
        // declare -p prints arrays as bash 4.4 does; declare -a makes an array.
        ("a=(x \"y z\"); declare -p a; declare -a b; b[2]=c; declare -p b", "declare -a a=([0]=\"x\" [1]=\"y z\")\ndeclare -a b=([2]=\"c\")\n", ""),
        ("declare -p nothing; echo $?", "1\n", "bash: declare: nothing: not found\n"),
        // Not simulated: said so rather than storing m[key] as element 0.
        ("declare -A m; echo $?", "2\n", "bash: declare: -A: associative arrays are not simulated (indexed arrays are)\n"),
        // read -a splits a line on IFS into an array.
        ("read -a w <<< '  one two  three '; echo ${#w[@]} ${w[2]}; IFS=: read -a p <<< 'a::b'; echo ${#p[@]} \"${p[1]}\"", "3 three\n3 \n", ""),
        // mapfile (readarray) reads lines, -t drops their newlines.
        ("printf 'a\\nb\\n' | { mapfile -t l; echo ${#l[@]} ${l[1]}; }; printf 'x\\n' | { readarray; args \"${MAPFILE[0]}\"; }", "2 b\n<x\n>\n", ""),
        // local -a gives the function its own array; the caller's comes back.
        ("f() { local -a a; a=(1 2 3); echo ${#a[@]}; }; a=(x y); f; echo ${#a[@]} ${a[1]}", "3\n2 y\n", ""),
        // ${!name} is indirect, also through name[i].
        ("v=x; x=hello; echo ${!v}; a=(p q); r='a[1]'; echo ${!r}; a=(x y); args \"${!a[*]}\" \"${!a[@]}\"", "hello\nq\n<0 1> <0> <1>\n", ""),
        // Subshells get a copy.
        ("a=(1 2); (a+=(3); echo ${#a[@]}); echo ${#a[@]}", "3\n2\n", ""),
    ])
    func arraysBehaveAsBash(_ example: (String, String, String)) throws {
        let run = try runShell(example.0)
        #expect(run.output == example.1)
        #expect(run.errors == example.2)
    }

    @Test(arguments: [
        // $@ and $* take the trimming and substitution operators element by element.
        ("set -- a.c b.c; echo ${@%.c} ${*#?} \"${@/./-}\"; args \"${@%.c}\"", "a b .c .c a-c b-c\n<a> <b>\n", ""),
        ("set -- a b c; echo ${@:2} ${@:1:2} ${@: -1}; args \"${@:2}\"", "b c a b c\n<b> <c>\n", ""),
        // ${@-word} and ${@+word} test whether there are positional parameters.
        ("set --; echo ${@-none} ${@+some}; set -- a; echo ${@-none} ${@+some}; set -- ''; args \"${@:-empty}\"",
         "none\na some\n<empty>\n", ""),
        // The word of ${v:-word} keeps its own quoting when the expansion is unquoted.
        ("args ${u:-\"a b\" c}; args \"${u:-\"a b\" c}\"; args ${u:+x} ${u-\"\"} end; v=1; args ${v:+\"p q\"}",
         "<a b> <c>\n<a b c>\n<> <end>\n<p q>\n", ""),
        // Quoted pattern characters match themselves, inside double quotes too.
        ("v='a*b'; echo \"${v#\"a*\"}\" ${v#\"a*\"} ${v%\\*b} \"${v/\"*\"/-}\"; x='*'; [[ abc == \"$x\" ]] || echo literal; [[ '*' == \"$x\" ]] && echo star",
         "b b a a-b\nliteral\nstar\n", ""),
        // set -u applies to every expansion of an unset variable, arithmetic too, not to $@.
        ("set -u; echo ${u#x}", "", "bash: u: unbound variable\n"),
        ("set -u; echo ${u/x/y}", "", "bash: u: unbound variable\n"),
        ("set -u; echo $(( u + 1 ))", "", "bash: u: unbound variable\n"),
        ("set -u; a=(x); echo ${a[3]}", "", "bash: a[3]: unbound variable\n"),
        ("set -u; set --; args \"$@\" ${u-default} ${#@}; a=(); args \"${a[@]}\" end", "<default> <0>\n<end>\n", ""),
    ])
    func listExpansionsBehaveAsBash(_ example: (String, String, String)) throws {
        let run = try runShell(example.0)
        #expect(run.output == example.1)
        #expect(run.errors == example.2)
    }

    @Test(arguments: [
        ("readonly r=1; r=2; echo $? $r", "1 1\n", "bash: r: readonly variable\n"),
        ("readonly r=1; r=2 args x; echo $?", "1\n", "bash: r: readonly variable\n"),
        ("readonly r=1; unset r; echo $? $r", "1 1\n", "bash: unset: r: cannot unset: readonly variable\n"),
        ("readonly r=1; declare -p r; export r; declare -p r; readonly", "declare -r r=\"1\"\ndeclare -rx r=\"1\"\ndeclare -rx r=\"1\"\n", ""),
        ("declare -r d=1; declare d=2; echo $?; export d=3; echo $? $d", "1\n1 1\n",
         "bash: declare: d: readonly variable\nbash: d: readonly variable\n"),
        ("readonly a; a=(1); echo $?; readonly -x", "1\n", "bash: a: readonly variable\nbash: readonly: -x: invalid option\n"
            + "readonly: usage: readonly [-aAf] [name[=value] ...] or readonly -p\n"),
        ("readonly r=1; read r <<< x; echo $?; (( r = 5 )); echo $r", "1\n1\n", "bash: r: readonly variable\nbash: r: readonly variable\n"),
        ("f() { readonly r=1; }; f; echo $r; r=2", "1\n", "bash: r: readonly variable\n"),
    ])
    func readonlyBehavesAsBash(_ example: (String, String, String)) throws {
        let run = try runShell(example.0)
        #expect(run.output == example.1)
        #expect(run.errors == example.2)
    }

    @Test func selfReferentialSubscriptsEnd() throws {
        let run = try runShell("x='a[x]'; echo $(( x )) done")
        #expect(run.output.hasSuffix("done\n"))
        #expect(run.errors.contains("recursion"))
    }

    @Test func arrayAssignmentsPrintBack() throws {
        let run = try runShell("f() { a=(x [2]=\"y z\"); b[1]+=w; }; type f")
        #expect(run.output.contains("a=(x [2]=\"y z\")"))
        #expect(run.output.contains("b[1]+=w"))
    }

    @Test func arrayParsingErrorsAreBashs() throws {
        let run = try runShell("a= (x)")
        #expect(run.errors.contains("syntax error near unexpected token `('"))
        let unclosed = try runShell("echo ${a[1}")
        #expect(!unclosed.errors.isEmpty)
    }
}
