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

    @Test func theSyntaxSeesEveryCommandAndRedirection() {
        let syntax = ShellSyntax("A=1 kubectl get po -o 'jsonpath={.a b}' 2>&1 | grep \"x y\" > out.txt; echo $(ls -d /tmp)")
        #expect(syntax.commands.map(\.words) == [
            ["kubectl", "get", "po", "-o", "jsonpath={.a b}"], ["grep", "x y"], ["ls", "-d", "/tmp"], ["echo", "$(…)"],
        ])
        #expect(syntax.commands[0].redirections == [ShellSyntax.Redirection(operator: "2>&", target: "1")])
        #expect(syntax.commands[1].redirections.first?.writesFile == true)
        #expect(!syntax.isIncomplete)
    }
}
