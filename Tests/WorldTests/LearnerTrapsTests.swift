import Foundation
import Simulation
import Testing
@testable import World

/// What a learner of chapters 1–2 trips over (issue #16), on the full workstation.
@Suite struct LearnerTrapsTests {
    func world() throws -> World {
        try World(seed: 1, setup: .standard())
    }

    func run(_ world: World, _ line: String) -> (status: Int32, output: String) {
        world.runSilently(line)
    }

    /// A GKE cluster with the book's app running and exposed.
    func clusterWithApp() throws -> World {
        let world = try world()
        #expect(run(world, "gcloud container clusters create kubia --num-nodes 3 --machine-type f1-micro").status == 0)
        #expect(run(world, "kubectl run kubia --image=luksa/kubia --port=8080 --generator=run/v1").status == 0)
        #expect(run(world, "kubectl expose rc kubia --type=LoadBalancer --name kubia-http").status == 0)
        world.loop.advance(by: .seconds(90))
        return world
    }

    @Test func deletingAControllerWhosePodNeverStartedDeletesThePod() throws {
        let world = try world()
        #expect(run(world, "gcloud container clusters create kubia --num-nodes 3").status == 0)
        #expect(run(world, "kubectl run kubia --image=wangwu/kubia --port=8080 --generator=run/v1").status == 0)
        world.loop.advance(by: .seconds(60))
        #expect(run(world, "kubectl get pods").output.contains("ImagePullBackOff"))
        let deleted = run(world, "kubectl delete rc kubia")
        #expect(deleted.status == 0)
        #expect(deleted.output == "replicationcontroller \"kubia\" deleted\n")
        world.loop.advance(by: .seconds(5))
        #expect(run(world, "kubectl get pods").output == "No resources found.\n")
        // A new controller of the same name does not adopt a leftover: its pod runs.
        #expect(run(world, "kubectl run kubia --image=luksa/kubia --port=8080 --generator=run/v1").status == 0)
        world.loop.advance(by: .seconds(30))
        let pods = run(world, "kubectl get pods -o jsonpath='{.items[*].status.phase}'").output
        #expect(pods == "Running")
    }

    @Test(arguments: ["kubectl delete rc --all", "kubectl delete rc kubia --cascade=true"])
    func everyCascadingDeleteReapsThePods(line: String) throws {
        let world = try world()
        #expect(run(world, "gcloud container clusters create kubia --num-nodes 3").status == 0)
        #expect(run(world, "kubectl run kubia --image=wangwu/kubia --port=8080 --generator=run/v1").status == 0)
        world.loop.advance(by: .seconds(60))
        #expect(run(world, line).status == 0)
        world.loop.advance(by: .seconds(5))
        #expect(run(world, "kubectl get pods").output == "No resources found.\n")
    }

    @Test func anOrphaningDeleteLeavesThePods() throws {
        let world = try clusterWithApp()
        #expect(run(world, "kubectl delete rc kubia --cascade=false").status == 0)
        world.loop.advance(by: .seconds(40))
        #expect(run(world, "kubectl get pods -o jsonpath='{.items[*].status.phase}'").output == "Running")
    }

    @Test func clusterAndPodAddressesTimeOutFromTheWorkstation() throws {
        let world = try clusterWithApp()
        let clusterIP = run(world, "kubectl get svc kubia-http -o jsonpath='{.spec.clusterIP}'").output
        let podIP = run(world, "kubectl get pods -o jsonpath='{.items[0].status.podIP}'").output
        #expect(clusterIP.hasPrefix("10."))
        let start = world.loop.now
        let plain = run(world, "curl \(clusterIP):8080")
        #expect(plain.status == 7)
        #expect(plain.output == "curl: (7) Failed to connect to \(clusterIP) port 8080: Connection timed out\n")
        #expect(world.loop.now - start >= .seconds(127))
        let limited = run(world, "curl -m 5 \(podIP):8080")
        #expect(limited.status == 28)
        #expect(limited.output == "curl: (28) Connection timed out after 5001 milliseconds\n")
        let connect = run(world, "curl -s --connect-timeout 2 \(clusterIP):8080")
        #expect(connect.status == 28)
        #expect(connect.output == "")
        // The load balancer's address is the way in.
        let external = run(world, "kubectl get svc kubia-http -o jsonpath='{.status.loadBalancer.ingress[0].ip}'").output
        #expect(run(world, "curl -s \(external):8080").output.hasPrefix("You've hit kubia-"))
    }

    @Test func clusterAndPodAddressesAnswerInsideTheCluster() throws {
        let world = try clusterWithApp()
        let clusterIP = run(world, "kubectl get svc kubia-http -o jsonpath='{.spec.clusterIP}'").output
        let pod = run(world, "kubectl get pods -o jsonpath='{.items[0].metadata.name}'").output
        let podIP = run(world, "kubectl get pods -o jsonpath='{.items[0].status.podIP}'").output
        // From a pod (the node:7 image has curl) and from a node.
        #expect(run(world, "kubectl exec \(pod) -- curl -s \(clusterIP):8080").output.hasPrefix("You've hit kubia-"))
        let node = run(world, "kubectl get pods -o jsonpath='{.items[0].spec.nodeName}'").output
        let fromNode = run(world, "gcloud compute ssh \(node) --command 'curl -s \(podIP):8080'")
        #expect(fromNode.output.contains("You've hit \(pod)"), "\(fromNode.output)")
    }

    @Test func aPublishedPortWithNothingListeningResetsTheConnection() throws {
        let world = try world()
        #expect(run(world, "docker run -d --name quiet -p 8080:8081 busybox sleep 3600").status == 0)
        let answer = run(world, "curl localhost:8080")
        #expect(answer.status == 56)
        #expect(answer.output == "curl: (56) Recv failure: Connection reset by peer\n")
        // Nothing published at all: refused.
        #expect(run(world, "curl localhost:9090").output == "curl: (7) Failed to connect to localhost port 9090: Connection refused\n")
    }

    @Test func getCredentialsPointsKubectlAtTheCluster() throws {
        let world = try world()
        #expect(run(world, "gcloud container clusters create kubia --num-nodes 3").status == 0)
        #expect(run(world, "rm ~/.kube/config").status == 0)
        let fetched = run(world, "gcloud container clusters get-credentials kubia")
        #expect(fetched.status == 0)
        #expect(fetched.output == "Fetching cluster endpoint and auth data.\nkubeconfig entry generated for kubia.\n")
        #expect(run(world, "kubectl get nodes").output.contains("Ready"))
        #expect(run(world, "gcloud container clusters get-credentials other").status == 1)
    }

    @Test func dockerStopInterruptedStillStopsTheContainer() throws {
        let world = try world()
        #expect(run(world, "docker run -d --name web luksa/kubia").status == 0)
        let execution = world.begin("docker stop web")
        _ = execution.run(until: world.loop.now + .seconds(2))
        execution.interrupt()
        _ = execution.run(until: world.loop.now + .seconds(1))
        #expect(execution.isFinished)
        world.loop.advance(by: .seconds(15))
        #expect(run(world, "docker ps -q").output == "")
    }

    @Test func grepPrintsContextLines() throws {
        let world = try world()
        #expect(run(world, "printf 'a\\nb\\nc\\nd\\ne\\nf\\n' > letters").status == 0)
        #expect(run(world, "grep -A1 b letters").output == "b\nc\n")
        #expect(run(world, "grep -n -B1 e letters").output == "4-d\n5:e\n")
        #expect(run(world, "grep -C1 -e b -e f letters").output == "a\nb\nc\n--\ne\nf\n")
        #expect(run(world, "grep -H --context=0 d letters").output == "letters:d\n")
        #expect(run(world, "grep -A x d letters").output == "grep: x: invalid context length argument\n")
    }

    @Test func theToolsSayTheirVersions() throws {
        let world = try world()
        #expect(run(world, "minikube version").output == "minikube version: v0.23.0\n")
        #expect(run(world, "gcloud version").output.hasPrefix("Google Cloud SDK 181.0.0\n"))
    }
}
