import Testing
@testable import Lessons

@Suite struct ReadOnlyCommandsTests {
    @Test(arguments: [
        "kubectl get pods -o jsonpath='{.items[*].status.phase}'",
        "kubectl -n kube-system get pods",
        "kubectl --namespace default describe pod kubia",
        "kubectl logs kubia-x7k2p",
        "kubectl config view",
        "kubectl cluster-info",
        "kubectl explain pods",
        "docker images kubia -q",
        "docker ps -a --format '{{.Names}}'",
        "docker inspect -f '{{.State.Running}}' kubia-container",
        "docker port web 8080",
        "docker top web",
        "curl -s http://localhost:8080",
        "curl -X GET http://localhost:8080",
        "curl -sI http://$(minikube ip):30080",
        "cat app.js | grep -c listen",
        "ls -l && test -f Dockerfile",
        "test -f Dockerfile || echo missing",
        "docker ps 2>&1 | head -3",
        "kubectl get pods 2>/dev/null",
        "minikube status",
        "gcloud container clusters list",
        "gcloud compute instances describe node-1 --zone europe-west1-d",
        "[ -f app.js ]",
        "sed -n 1,3p app.js",
        "xargs echo",
    ])
    func readOnlyCommandsPass(line: String) {
        #expect(ReadOnlyCommands.problem(with: line) == nil)
    }

    @Test(arguments: [
        ("kubectl delete pod kubia", "`kubectl delete` changes the world"),
        ("kubectl -n default scale rc kubia --replicas=3", "`kubectl scale` changes the world"),
        ("kubectl get pods -w", "never ends"),
        ("kubectl config use-context x", "`kubectl config use-context` changes the world"),
        ("docker run busybox echo hi", "`docker run` changes the world"),
        ("docker image rm kubia", "`docker image` is not a docker command"),
        ("docker stats", "never ends"),
        ("docker search kubia", "`docker search` is not a docker command"),
        ("docker logs -f x", "never ends"),
        ("curl -X POST http://x", "`curl -X POST`"),
        ("curl -d a=b http://x", "sends data"),
        ("curl -o page.html http://x", "writes a file"),
        ("cat app.js > copy.js", "writes to a file"),
        ("docker images >> list.txt", "writes to a file"),
        ("kubectl get pods | xargs kubectl delete pod", "`kubectl delete` changes the world"),
        ("echo $(kubectl delete pods --all)", "`kubectl delete` changes the world"),
        ("echo `docker rm x`", "`docker rm` changes the world"),
        ("rm -rf /", "`rm` is not known to be read-only"),
        ("sed -i s/a/b/ app.js", "`sed -i` changes files"),
        ("find . -delete", "can change files"),
        ("minikube delete", "`minikube delete` changes the world"),
        ("gcloud container clusters create kubia", "changes the world"),
        ("echo 'unclosed", "unclosed quote"),
        ("test -f a; touch a", "`touch` is not known"),
    ])
    func commandsThatChangeTheWorldAreRefused(line: String, problem: String) {
        let found = ReadOnlyCommands.problem(with: line)
        #expect(found?.contains(problem) == true, "got \(found ?? "nil")")
    }

    @Test func theReadingSeesEveryCommandAndRedirection() {
        let reading = CommandLineReading("A=1 kubectl get po -o 'jsonpath={.a b}' 2>&1 | grep \"x y\" > out.txt; echo $(ls -d /tmp)")
        #expect(reading.commands.map(\.words) == [
            ["kubectl", "get", "po", "-o", "jsonpath={.a b}"], ["grep", "x y"], ["ls", "-d", "/tmp"], ["echo", "$(…)"],
        ])
        #expect(reading.commands[0].redirections == [CommandLineReading.Redirect(operator: "2>&", target: "1", writesFile: false)])
        #expect(reading.commands[1].redirections == [CommandLineReading.Redirect(operator: ">", target: "out.txt", writesFile: true)])
        #expect(reading.failure == nil)
    }

    /// Lines whose reading depends on the shell's real grammar: quoting, nested substitutions,
    /// the redirection operators, here-strings and here-documents, compound commands.
    @Test(arguments: [
        // Operators inside quotes are text, not syntax.
        "echo 'a > b'",
        "echo \"a | kubectl delete pod x\"",
        "grep -c 'x;y' app.js",
        "kubectl get pods -o jsonpath='{.items[*].metadata.name}' | grep -q \"kubia\"",
        "echo \"$(kubectl get pods -o name) > done\"",
        // Redirections that write no file.
        "kubectl get pods >/dev/null",
        "kubectl get pods > /dev/null 2>&1",
        "docker ps &>/dev/null",
        "kubectl get pods 2>/dev/null >&2",
        "cat <<< 'a > b'",
        "grep -q kubia <<< \"$(kubectl get pods)\"",
        "cat <<EOF\nline > not-a-file\nEOF",
        "test -f app.js < /dev/null",
        // Nested substitutions that only read.
        "echo $(echo $(kubectl get pods -o name))",
        "test \"$(kubectl get pods -o jsonpath='{.items[0].status.phase}')\" = Running",
        "curl -s $(minikube service kubia --url)",
        // Lists and compound commands whose every command reads.
        "kubectl get pods && kubectl get svc || echo none",
        "if kubectl get pod kubia; then echo yes; else echo no; fi",
        "for p in $(kubectl get pods -o name); do kubectl describe $p; done",
        "[[ $(docker ps -q | wc -l) -gt 0 ]]",
        "( kubectl get pods; docker ps ) | grep -c kubia",
        "{ docker images; } 2>&1 | head -1",
    ])
    func trickyLinesThatOnlyRead(line: String) {
        #expect(ReadOnlyCommands.problem(with: line) == nil, "got \(ReadOnlyCommands.problem(with: line) ?? "nil")")
    }

    @Test(arguments: [
        // Writes hidden in redirections.
        ("kubectl get pods 2> errors.txt", "`2> errors.txt`"),
        ("kubectl get pods >| out", "`>| out`"),
        ("kubectl get pods &> all.txt", "`&> all.txt`"),
        ("kubectl get pods >& all.txt", "`&> all.txt`"),
        ("docker ps &>> log", "`&>> log`"),
        ("cat <> file", "`<> file`"),
        ("cat <<EOF > copy\nx\nEOF", "`> copy`"),
        ("{ docker ps; } > out", "`> out`"),
        ("kubectl get pods >\"/tmp/x y\"", "`> /tmp/x y`"),
        // Commands hidden in substitutions, however deep, and in quotes that do not stop them.
        ("echo \"$(kubectl delete pod x)\"", "`kubectl delete` changes the world"),
        ("echo $(echo $(docker rm web))", "`docker rm` changes the world"),
        ("echo `kubectl scale rc kubia --replicas=0`", "`kubectl scale` changes the world"),
        ("cat <<< \"$(kubectl delete pods --all)\"", "`kubectl delete` changes the world"),
        ("cat <<EOF\n$(docker rmi kubia)\nEOF", "`docker rmi` changes the world"),
        ("echo ${X:-$(kubectl delete svc kubia)}", "`kubectl delete` changes the world"),
        ("diff <(kubectl get pods) <(docker kill web)", "`docker kill` changes the world"),
        // Every command of a list counts, whatever the connective.
        ("kubectl get pods; kubectl delete pod x", "`kubectl delete` changes the world"),
        ("kubectl get pods && docker stop web", "`docker stop` changes the world"),
        ("kubectl get pods || docker rm web", "`docker rm` changes the world"),
        ("kubectl get pods & docker rm web", "`docker rm` changes the world"),
        ("if true; then kubectl delete pod x; fi", "`kubectl delete` changes the world"),
        ("while false; do docker rm x; done", "`docker rm` changes the world"),
        ("f() { kubectl get pods; }; f", "defines a shell function"),
        // Lines the shell would not run.
        ("kubectl get pods |", "unfinished"),
        ("echo \"$(kubectl get pods", "unclosed"),
        ("kubectl get pods | | grep x", "syntax error"),
        ("cat <<EOF\nno end", "unclosed"),
    ])
    func trickyLinesThatWriteOrCannotRun(line: String, problem: String) {
        let found = ReadOnlyCommands.problem(with: line)
        #expect(found?.contains(problem) == true, "got \(found ?? "nil")")
    }

    /// Deeply nested or long garbage neither crashes nor hangs the reading.
    @Test func oddInputIsJudgedWithoutCrashing() {
        let nested = String(repeating: "$(", count: 400) + "ls" + String(repeating: ")", count: 400)
        #expect(ReadOnlyCommands.problem(with: "echo " + nested) != nil)
        // A fixed pseudo-random sequence (xorshift), so a failure names a line that fails again.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        let alphabet = Array("ab $()`'\"\\|&;<>{}[]#=\n\t")
        for _ in 0..<500 {
            let line = String((0..<next(40)).map { _ in alphabet[next(alphabet.count)] })
            _ = ReadOnlyCommands.problem(with: line)
        }
    }
}
