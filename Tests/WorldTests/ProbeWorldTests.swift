import Testing
import Machine
import Simulation
@testable import World

/// Sections 4.1 and 5.5 of the book in a learner's world: the Hub's `luksa/kubia-unhealthy`
/// killed by its liveness probe, and readiness probes deciding which pods a service sends to.
@Suite struct ProbeWorldTests {
    typealias Session = WorldSession

    static let livenessPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: kubia-liveness
        spec:
          containers:
          - image: luksa/kubia-unhealthy
            name: kubia
            livenessProbe:
              httpGet:
                path: /
                port: 8080

        """

    @Test func theUnhealthyImageIsKilledRestartedAndItsPreviousLogKept() throws {
        let session = try Session(cluster: nil)
        session.run("minikube start")
        session.write("kubia-liveness-probe.yaml", Self.livenessPod)
        #expect(session.run("kubectl create -f kubia-liveness-probe.yaml").text == "pod \"kubia-liveness\" created\n")
        let none = session.run("kubectl logs kubia-liveness -p")
        #expect(none.status == 1)
        #expect(none.text == "Error from server (BadRequest): previous terminated container \"kubia\" in pod \"kubia-liveness\" not found\n")
        session.run("sleep 150")
        let restarts = session.run("kubectl get po kubia-liveness -o jsonpath='{.status.containerStatuses[0].restartCount}'").text
        #expect(restarts == "1")
        // The killed container served five requests, then three 500s to the probe, which gave up.
        let previous = session.run("kubectl logs kubia-liveness --previous").text.split(separator: "\n")
        #expect(previous.first == "Kubia server starting...")
        #expect(previous.dropFirst().count == 8)
        #expect(previous.dropFirst().allSatisfy { $0.hasPrefix("Received request from ") })
        let described = session.run("kubectl describe po kubia-liveness").text
        #expect(described.contains("""
                Last State:     Terminated
                  Reason:       Error
                  Exit Code:    137

            """))
        #expect(described.contains("    Liveness:       http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3\n"))
        #expect(described.contains("Warning   Unhealthy  Liveness probe failed: HTTP probe failed with statuscode: 500\n"))
        #expect(described.contains("Normal    Killing    Killing container with id docker://kubia:Container failed liveness probe.. Container will be killed and recreated.\n"))
        // Node ignores SIGTERM, so the deleted pod keeps its name for the 30 s grace period.
        session.run("kubectl delete po kubia-liveness")
        let again = session.run("kubectl create -f kubia-liveness-probe.yaml")
        #expect(again.text == "Error from server (AlreadyExists): error when creating \"kubia-liveness-probe.yaml\": object is being deleted: pods \"kubia-liveness\" already exists\n")
        session.run("sleep 30")
        #expect(session.run("kubectl create -f kubia-liveness-probe.yaml").text == "pod \"kubia-liveness\" created\n")
    }

    @Test func aLearnerBuiltImageFromTheSameFilesBehavesTheSame() throws {
        let session = try Session(cluster: nil)
        session.run("docker run -d -p 8080:8080 luksa/kubia-unhealthy")
        let hub = (1...6).map { _ in session.run("curl -s -o /dev/null -w '%{http_code}' localhost:8080").text }
        #expect(hub == ["200", "200", "200", "200", "200", "500"])
        session.write("app.js", """
            const http = require('http');
            var served = 0;
            http.createServer(function (request, response) {
              served++;
              response.writeHead(served > 5 ? 500 : 200);
              response.end("ok\\n");
            }).listen(8080);

            """)
        session.write("Dockerfile", "FROM node:7\nADD app.js /app.js\nENTRYPOINT [\"node\", \"app.js\"]\n")
        #expect(session.run("docker build -t unhealthy .").status == 0)
        session.run("docker run -d -p 8081:8080 unhealthy")
        let built = (1...6).map { _ in session.run("curl -s -o /dev/null -w '%{http_code}' localhost:8081").text }
        #expect(built == hub)
    }

    static let readinessRC = """
        apiVersion: v1
        kind: ReplicationController
        metadata:
          name: kubia
        spec:
          replicas: 3
          selector:
            app: kubia
          template:
            metadata:
              labels:
                app: kubia
            spec:
              containers:
              - name: kubia
                image: luksa/kubia
                ports:
                - name: http
                  containerPort: 8080
                readinessProbe:
                  exec:
                    command:
                    - ls
                    - /var/ready

        """

    @Test func onlyReadyPodsAreEndpointsAndATouchedFileMakesOneReady() throws {
        let session = try Session(cluster: nil)
        session.run("minikube start")
        session.write("kubia-rc-readinessprobe.yaml", Self.readinessRC)
        session.run("sed '/readinessProbe/,$d' kubia-rc-readinessprobe.yaml > kubia-rc.yaml")
        #expect(session.run("kubectl create -f kubia-rc.yaml").status == 0)
        session.run("kubectl expose rc kubia --port=80 --target-port=8080")
        session.run("sleep 60")
        let old = session.run("kubectl get po -o jsonpath='{.items[*].metadata.name}'").text
        // Replacing the template (as `kubectl edit rc` does) leaves the running pods alone.
        #expect(session.run("kubectl replace -f kubia-rc-readinessprobe.yaml").status == 0)
        session.run("sleep 30")
        #expect(session.run("kubectl get po -o jsonpath='{.items[*].metadata.name}'").text == old)
        #expect(session.run("kubectl get po -o jsonpath='{.items[*].status.containerStatuses[0].ready}'").text == "true true true")
        session.run("kubectl delete po --all")
        session.run("sleep 60")
        let pods = session.run("kubectl get po -o jsonpath='{.items[*].metadata.name}'").text.split(separator: " ").map(String.init)
        #expect(pods.count == 3)
        #expect(session.run("kubectl get po -o jsonpath='{.items[*].status.containerStatuses[0].ready}'").text == "false false false")
        #expect(session.run("kubectl get endpoints kubia").text.contains("kubia     <none>"))
        #expect(session.run("kubectl exec \(pods[0]) -- touch /var/ready").status == 0)
        session.run("sleep 10")
        let ready = session.run("kubectl get po \(pods[0]) -o jsonpath='{.status.podIP}:8080'").text
        #expect(session.run("kubectl get endpoints kubia -o jsonpath='{.subsets[0].addresses[*].ip}:8080'").text == ready)
        #expect(session.run("kubectl get po").text.contains("\(pods[0])   1/1       Running"))
        // Every request through the service reaches the one ready pod.
        for _ in 1...4 {
            #expect(session.run("kubectl exec \(pods[1]) -- curl -s http://kubia").text == "You've hit \(pods[0])\n")
        }
        let unready = session.run("kubectl describe po \(pods[1])").text
        #expect(unready.contains("    Readiness:      exec [ls /var/ready] delay=0s timeout=1s period=10s #success=1 #failure=3\n"))
        #expect(unready.contains("Readiness probe failed: ls: cannot access"))
    }

    /// 1.8's `describeProbe`: the exec command as Go prints a slice, a URL for HTTP, `host:port` for TCP.
    @Test func describeWritesEachProbeAs18Did() throws {
        let session = try Session(cluster: nil)
        session.run("minikube start")
        session.write("probes.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: probes
            spec:
              containers:
              - name: a
                image: luksa/kubia
                livenessProbe:
                  exec:
                    command: [ls, /var/ready]
                  initialDelaySeconds: 5
                readinessProbe:
                  tcpSocket:
                    port: 8080
              - name: b
                image: luksa/kubia
                ports:
                - name: http
                  containerPort: 8080
                livenessProbe:
                  httpGet:
                    host: example.com
                    scheme: HTTPS
                    path: healthz
                    port: http
                  periodSeconds: 3
                  failureThreshold: 1
                readinessProbe:
                  tcpSocket:
                    host: 10.0.0.1
                    port: 80
                  successThreshold: 2

            """)
        #expect(session.run("kubectl create -f probes.yaml").status == 0)
        let lines = session.run("kubectl describe po probes").text.split(separator: "\n").filter { $0.contains("Liveness:") || $0.contains("Readiness:") }
        #expect(lines == [
            "    Liveness:       exec [ls /var/ready] delay=5s timeout=1s period=10s #success=1 #failure=3",
            "    Readiness:      tcp-socket :8080 delay=0s timeout=1s period=10s #success=1 #failure=3",
            "    Liveness:       http-get https://example.com:http/healthz delay=0s timeout=1s period=3s #success=1 #failure=1",
            "    Readiness:      tcp-socket 10.0.0.1:80 delay=0s timeout=1s period=10s #success=2 #failure=3",
        ])
    }
}
