import Testing
import Machine
import Simulation
@testable import World

/// `kubectl port-forward` in the learner's world: into the pod's own network namespace, as a
/// background job a replay of the journal brings back, and ended by its node going down.
@Suite struct PortForwardWorldTests {
    /// Runs lines the way the REPL does, keeping the journal it would write.
    final class Session {
        let world: World
        let output = CollectingStream()
        var journal: [JournalEntry] = []

        init(seed: UInt64) throws {
            let output = self.output
            world = try World(seed: seed, setup: .standard()) { try? output.write($0) }
        }

        func run(_ line: String) {
            let execution = world.begin(line)
            execution.run(until: world.loop.now + .seconds(300))
            if !execution.isFinished { execution.interrupt() }
            execution.run(until: world.loop.now)
            journal.append(JournalEntry(.command(line: line, inputs: execution.inputs, nanoseconds: execution.elapsed.nanoseconds)))
            world.loop.advance(by: .seconds(1))
            journal.append(JournalEntry(.advance(nanoseconds: 1_000_000_000)))
        }
    }

    @Test func aBackgroundForwarderSurvivesAReplay() throws {
        let session = try Session(seed: 5)
        for line in ["minikube start", "kubectl run kubia --image=luksa/kubia --port=8080 --generator=run/v1", "sleep 40",
                     "kubectl port-forward $(kubectl get pods -o name | cut -d/ -f2) 8888:8080 :8080 &", "curl -s localhost:8888"] {
            session.run(line)
        }
        #expect(session.output.text.contains("Forwarding from 127.0.0.1:8888 -> 8080\n"))
        #expect(session.output.text.contains("Handling connection for 8888\nYou've hit kubia-"))

        let replayed = try Session(seed: 5)
        for entry in session.journal { replayed.world.apply(entry) }
        #expect(replayed.output.text == session.output.text)
        #expect(replayed.world.loop.now == session.world.loop.now)
        #expect(replayed.world.workstation.networkStack.listeningPorts == session.world.workstation.networkStack.listeningPorts)

        // Both worlds go on identically: the forwarder answers, then stops on `kill %1`.
        for each in [session, replayed] {
            each.output.removeAll()
            each.run("curl -s localhost:8888")
            each.run("kill %1")
            each.run("curl localhost:8888")
        }
        #expect(replayed.output.text == session.output.text)
        #expect(session.output.text.hasPrefix("Handling connection for 8888\nYou've hit kubia-"))
        #expect(session.output.text.contains("Terminated              kubectl port-forward"))
        #expect(session.output.text.hasSuffix("curl: (7) Failed to connect to localhost port 8888: Connection refused\n"))
        #expect(!session.world.workstation.networkStack.isListening(on: 8888))
    }

    @Test func stoppingThePodsNodeEndsTheForwarder() throws {
        let session = try Session(seed: 9)
        for line in ["gcloud container clusters create kubia --num-nodes 2",
                     "kubectl run kubia --image=luksa/kubia --port=8080 --generator=run/v1", "sleep 60",
                     "kubectl port-forward $(kubectl get pods -o name | cut -d/ -f2) 8888:8080 &",
                     "gcloud compute instances stop $(kubectl get pods -o jsonpath='{.items[0].spec.nodeName}')"] {
            session.run(line)
        }
        #expect(session.output.text.contains(" portforward.go:178] lost connection to pod\n"))
        #expect(!session.world.workstation.networkStack.isListening(on: 8888))
        session.output.removeAll()
        session.run("kubectl port-forward $(kubectl get pods -o name | cut -d/ -f2) 8888:8080")
        #expect(session.output.text.hasPrefix("error: error upgrading connection: error dialing backend: dial tcp 10.132.0."))
        #expect(session.output.text.hasSuffix(":10250: i/o timeout\n"))
    }

    @Test func reachesAServerBoundToThePodsLoopback() throws {
        let session = try Session(seed: 11)
        let script = "require('http').createServer(function (request, response) { response.end('only on the loopback\\n'); }).listen(9000, '127.0.0.1');"
        for line in ["minikube start", "kubectl run kubia --image=luksa/kubia --port=8080 --generator=run/v1", "sleep 60",
                     "POD=$(kubectl get pods -o name | cut -d/ -f2); IP=$(kubectl get pod $POD -o jsonpath='{.status.podIP}')",
                     "kubectl exec $POD -- sh -c \"echo \\\"\(script)\\\" > /local.js\"",
                     "kubectl exec $POD -- node /local.js &", "sleep 2"] {
            session.run(line)
        }
        session.output.removeAll()
        session.run("curl -s $IP:9000; echo status $?")
        session.run("kubectl port-forward $POD 9000 &")
        session.run("curl -s localhost:9000")
        // From outside the pod its loopback server is out of reach; through the forwarder it answers.
        #expect(session.output.text.hasPrefix("status 7\n"))
        #expect(session.output.text.hasSuffix("Handling connection for 9000\nonly on the loopback\n"))
    }
}
