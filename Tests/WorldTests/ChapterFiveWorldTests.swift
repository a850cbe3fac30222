import Testing
import Machine
import Simulation
@testable import World

/// Chapter 5 (5.1–5.3, 5.6, 5.7) end to end: every service manifest of the book's repository
/// creates as kubectl 1.8 creates it and behaves as the book describes, from the workstation,
/// from the nodes and from inside pods.
@Suite struct ChapterFiveWorldTests {
    /// A world with a cluster; `run` returns what one command printed and its status.
    /// Minikube (or the given cluster) with the chapter's manifests written to the workstation.
    static func session(seed: UInt64 = 5, cluster: String = "minikube start") throws -> WorldSession {
        let session = try WorldSession(seed: seed, cluster: cluster)
        for (name, text) in manifests { session.write(name, text) }
        return session
    }

    /// The files of Chapter05 (and the RC of Chapter04 they select), as the repository has them.
    static let manifests: [String: String] = [
        "kubia-rc.yaml": BookManifests.kubiaRC,
        "kubia-svc.yaml": """
            apiVersion: v1
            kind: Service
            metadata:
              name: kubia
            spec:
              ports:
              - port: 80
                targetPort: 8080
              selector:
                app: kubia

            """,
        "kubia-svc-client-ip-session-affinity.yaml": """
            apiVersion: v1
            kind: Service
            metadata:
              name: kubia
            spec:
              sessionAffinity: ClientIP
              ports:
              - port: 80
                targetPort: 8080
              selector:
                app: kubia

            """,
        "kubia-svc-named-ports.yaml": """
            apiVersion: v1
            kind: Service
            metadata:
              name: kubia
            spec:
              ports:
              - name: http
                port: 80
                targetPort: 8080
              - name: https
                port: 443
                targetPort: 8443
              selector:
                app: kubia

            """,
        "kubia-svc-nodeport.yaml": """
            apiVersion: v1
            kind: Service
            metadata:
              name: kubia-nodeport
            spec:
              type: NodePort
              ports:
              - port: 80
                targetPort: 8080
                nodePort: 30123
              selector:
                app: kubia

            """,
        "kubia-svc-nodeport-onlylocal.yaml": """
            apiVersion: v1
            kind: Service
            metadata:
              name: kubia-nodeport-onlylocal
            spec:
              type: NodePort
              externalTrafficPolicy: Local
              ports:
              - port: 80
                targetPort: 8080
                nodePort: 30124
              selector:
                app: kubia

            """,
        "kubia-svc-loadbalancer.yaml": """
            apiVersion: v1
            kind: Service
            metadata:
              name: kubia-loadbalancer
            spec:
              type: LoadBalancer
              ports:
              - port: 80
                targetPort: 8080
              selector:
                app: kubia

            """,
        "kubia-svc-headless.yaml": """
            apiVersion: v1
            kind: Service
            metadata:
              name: kubia-headless
            spec:
              clusterIP: None
              ports:
              - port: 80
                targetPort: 8080
              selector:
                app: kubia

            """,
        "kubia-svc-publish-not-ready.yaml": """
            apiVersion: v1
            kind: Service
            metadata:
              name: kubia-all
            spec:
              ports:
              - port: 80
                targetPort: 8080
              selector:
                app: kubia
              publishNotReadyEndpoints: true

            """,
        "external-service.yaml": """
            apiVersion: v1
            kind: Service
            metadata:
              name: external-service
            spec:
              ports:
              - port: 80

            """,
        "external-service-endpoints.yaml": """
            apiVersion: v1
            kind: Endpoints
            metadata:
              name: external-service
            subsets:
              - addresses:
                - ip: 11.11.11.11
                - ip: 22.22.22.22
                ports:
                - port: 80 

            """,
        "external-service-externalname.yaml": """
            apiVersion: v1
            kind: Service
            metadata:
              name: external-service
            spec:
              type: ExternalName
              externalName: api.somecompany.com
              ports:
              - port: 80

            """,
    ]

    /// One manifest: what `kubectl create -f` prints, then a command and what it must show.
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var created: String
        var status: Int32 = 0
        var probe: String
        var shows: String
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "kubia-svc.yaml", created: "service \"kubia\" created\n",
             probe: "kubectl exec $(kubectl get po -l app=kubia -o jsonpath='{.items[0].metadata.name}') -- curl -s http://kubia",
             shows: "You've hit kubia-"),
        Case(file: "kubia-svc-client-ip-session-affinity.yaml", created: "service \"kubia\" created\n",
             probe: "kubectl describe svc kubia", shows: "Session Affinity:  ClientIP\n"),
        Case(file: "kubia-svc-named-ports.yaml", created: "service \"kubia\" created\n",
             probe: "kubectl get svc kubia", shows: "80/TCP,443/TCP"),
        Case(file: "kubia-svc-nodeport.yaml", created: "service \"kubia-nodeport\" created\n",
             probe: "curl -s http://$(minikube ip):30123", shows: "You've hit kubia-"),
        Case(file: "kubia-svc-nodeport-onlylocal.yaml", created: "service \"kubia-nodeport-onlylocal\" created\n",
             probe: "kubectl describe svc kubia-nodeport-onlylocal", shows: "External Traffic Policy:  Local\n"),
        Case(file: "kubia-svc-loadbalancer.yaml", created: "service \"kubia-loadbalancer\" created\n",
             probe: "kubectl get svc kubia-loadbalancer", shows: "<pending>"),
        Case(file: "kubia-svc-headless.yaml", created: "service \"kubia-headless\" created\n",
             probe: "kubectl get svc kubia-headless -o jsonpath='{.spec.clusterIP}'", shows: "None"),
        Case(file: "kubia-svc-publish-not-ready.yaml",
             created: "error: error validating \"kubia-svc-publish-not-ready.yaml\": error validating data: ValidationError(Service.spec): unknown field \"publishNotReadyEndpoints\" in io.k8s.api.core.v1.ServiceSpec; if you choose to ignore these errors, turn validation off with --validate=false\n",
             status: 1, probe: "kubectl get svc kubia-all", shows: "Error from server (NotFound): services \"kubia-all\" not found"),
        Case(file: "external-service.yaml", created: "service \"external-service\" created\n",
             probe: "kubectl get endpoints external-service",
             // No selector: the endpoints controller makes no Endpoints object.
             shows: "Error from server (NotFound): endpoints \"external-service\" not found"),
        Case(file: "external-service-externalname.yaml", created: "service \"external-service\" created\n",
             probe: "kubectl get svc external-service", shows: "ExternalName   <none>       api.somecompany.com   80/TCP"),
    ]

    @Test(arguments: cases)
    func manifestCreatesAndBehaves(_ example: Case) throws {
        let session = try Self.session()
        session.startPods()
        let created = session.run("KUBELAB_MODERN_NOTES=off kubectl create -f \(example.file)")
        #expect(created.text == example.created)
        #expect(created.status == example.status)
        let probe = session.run(example.probe)
        #expect(probe.text.contains(example.shows), "\(probe.text)")
    }

    @Test func manualEndpointsBackAServiceWithoutSelector() throws {
        let session = try Self.session()
        session.run("kubectl create -f external-service.yaml")
        #expect(session.run("kubectl create -f external-service-endpoints.yaml").text == "endpoints \"external-service\" created\n")
        let endpoints = session.run("kubectl get endpoints external-service").text
        #expect(endpoints.contains("external-service   11.11.11.11:80,22.22.22.22:80"))
        #expect(session.run("kubectl describe svc external-service").text.contains("Endpoints:         11.11.11.11:80,22.22.22.22:80\n"))
    }

    @Test func externalNameIsDescribedWithItsName() throws {
        let session = try Self.session()
        session.run("kubectl create -f external-service-externalname.yaml")
        let described = session.run("kubectl describe svc external-service").text
        #expect(described.contains("Type:              ExternalName\nIP:                \nExternal Name:     api.somecompany.com\n"), "\(described)")
    }

    @Test func theServiceIPIsReachableInsideTheClusterOnlyAndOnlyOnItsPorts() throws {
        let session = try Self.session()
        session.startPods()
        session.run("kubectl create -f kubia-svc.yaml")
        let ip = session.run("kubectl get svc kubia -o jsonpath='{.spec.clusterIP}'").text
        let pod = session.firstPod
        // From the workstation nothing answers: curl gives up at its own limit.
        let outside = session.run("curl -m 5 http://\(ip)")
        #expect(outside.status == 28)
        #expect(outside.text.contains("curl: (28) Connection timed out after 50"), "\(outside.text)")
        // From a pod the service answers on its port, and not on the target port.
        #expect(session.run("kubectl exec \(pod) -- curl -s http://\(ip)").text.hasPrefix("You've hit kubia-"))
        let targetPort = session.run("kubectl exec \(pod) -- curl -s -m 3 http://\(ip):8080")
        #expect(targetPort.text == "command terminated with exit code 28\n", "\(targetPort.text)")
        // The service IP is a rule, not a machine: ping gets no answer.
        let ping = session.run("kubectl exec \(pod) -- ping -c 3 \(ip)")
        #expect(ping.text == "PING \(ip) (\(ip)): 56 data bytes\n--- \(ip) ping statistics ---\n3 packets transmitted, 0 packets received, 100% packet loss\ncommand terminated with exit code 1\n", "\(ping.text)")
        // A pod IP does answer.
        let podIP = session.run("kubectl get po \(pod) -o jsonpath='{.status.podIP}'").text
        let answered = session.run("kubectl exec \(pod) -- ping -c 2 \(podIP)")
        #expect(answered.text.contains("2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min/avg/max/stddev = "), "\(answered.text)")
    }

    @Test func podsSeeServicesInTheirEnvironmentAndThroughDNS() throws {
        let session = try Self.session()
        session.startPods()
        session.run("kubectl create -f kubia-svc.yaml")
        let ip = session.run("kubectl get svc kubia -o jsonpath='{.spec.clusterIP}'").text
        // Pods that started before the service do not have its variables; new ones do.
        #expect(!session.run("kubectl exec \(session.firstPod) -- env").text.contains("KUBIA_SERVICE_HOST"))
        session.run("kubectl delete po -l app=kubia")
        session.run("sleep 40")
        let pod = session.firstPod
        let environment = session.run("kubectl exec \(pod) -- env").text
        #expect(environment.contains("KUBIA_SERVICE_HOST=\(ip)\nKUBIA_SERVICE_PORT=80\n"), "\(environment)")
        let resolv = session.run("kubectl exec \(pod) -- cat /etc/resolv.conf").text
        #expect(resolv == "nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n")
        for name in ["kubia", "kubia.default", "kubia.default.svc.cluster.local"] {
            #expect(session.run("kubectl exec \(pod) -- curl -s http://\(name)").text.hasPrefix("You've hit kubia-"), "\(name)")
        }
        let ping = session.run("kubectl exec \(pod) -- ping -c 1 kubia").text
        #expect(ping.hasPrefix("PING kubia.default.svc.cluster.local (\(ip)): 56 data bytes\n"), "\(ping)")
    }

    @Test func headlessServiceAnswersWithEachReadyPod() throws {
        let session = try Self.session()
        session.startPods()
        session.run("kubectl create -f kubia-svc.yaml")
        session.run("kubectl create -f kubia-svc-headless.yaml")
        session.run("kubectl run dnsutils --image=tutum/dnsutils --generator=run-pod/v1 --command -- sleep infinity")
        session.run("sleep 40")
        let podIPs = session.run("kubectl get po -l app=kubia -o jsonpath='{.items[*].status.podIP}'").text
            .split(separator: " ").map(String.init).sorted()
        #expect(podIPs.count == 3)
        let lookup = session.run("kubectl exec dnsutils nslookup kubia-headless").text
        let expected = "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n"
            + podIPs.map { "Name:\tkubia-headless.default.svc.cluster.local\nAddress: \($0)\n" }.joined() + "\n"
        #expect(lookup == expected, "\(lookup)")
        let ip = session.run("kubectl get svc kubia -o jsonpath='{.spec.clusterIP}'").text
        #expect(session.run("kubectl exec dnsutils nslookup kubia").text.contains("Name:\tkubia.default.svc.cluster.local\nAddress: \(ip)\n"))
    }

    @Test func theTolerateUnreadyAnnotationPublishesEveryPod() throws {
        let session = try Self.session()
        session.write("kubia-all.yaml", """
            apiVersion: v1
            kind: Service
            metadata:
              name: kubia-all
              annotations:
                service.alpha.kubernetes.io/tolerate-unready-endpoints: "true"
            spec:
              ports:
              - port: 80
                targetPort: 8080
              selector:
                app: kubia

            """)
        #expect(session.run("kubectl create -f kubia-all.yaml").text == "service \"kubia-all\" created\n")
        session.run("kubectl create -f kubia-svc.yaml")
        // A pod whose container keeps exiting has an IP but is never ready.
        session.run("kubectl run crasher --image=busybox --generator=run-pod/v1 --labels=app=kubia --command -- sh -c 'sleep 2; exit 1'")
        session.run("sleep 40")
        let ip = session.run("kubectl get po crasher -o jsonpath='{.status.podIP}'").text
        #expect(!ip.isEmpty)
        #expect(session.run("kubectl get po crasher -o jsonpath='{.status.conditions[?(@.type==\"Ready\")].status}'").text == "False")
        #expect(session.run("kubectl get endpoints kubia-all -o jsonpath='{.subsets[*].addresses[*].ip}'").text == ip)
        #expect(session.run("kubectl get endpoints kubia -o jsonpath='{.subsets[*].addresses[*].ip}'").text.isEmpty)
        #expect(session.run("kubectl get endpoints kubia -o jsonpath='{.subsets[*].notReadyAddresses[*].ip}'").text == ip)
    }

    @Test func aSelectorThatMatchesNothingLeavesNoEndpointsAndRefusesConnections() throws {
        let session = try Self.session()
        session.startPods()
        session.write("wrong.yaml", """
            apiVersion: v1
            kind: Service
            metadata:
              name: wrong
            spec:
              ports:
              - port: 80
                targetPort: 8080
              selector:
                app: kubya

            """)
        session.run("kubectl create -f wrong.yaml")
        #expect(session.run("kubectl get endpoints wrong").text.contains("wrong     <none>"))
        let curl = session.run("kubectl exec \(session.firstPod) -- curl -s http://wrong")
        #expect(curl.text == "command terminated with exit code 7\n", "\(curl.text)")
    }

    @Test func aToolTheImageLacksFailsWithTheRuntimesMessage() throws {
        let session = try Self.session()
        session.startPods()
        // The kubia image has ping and curl, not nslookup.
        let lookup = session.run("kubectl exec \(session.firstPod) -- nslookup kubia")
        #expect(lookup.status == 126)
        #expect(lookup.text == "OCI runtime exec failed: exec failed: container_linux.go:296: starting container process caused \"exec: \\\"nslookup\\\": executable file not found in $PATH\": unknown\ncommand terminated with exit code 126\n", "\(lookup.text)")
    }

    @Test func gkeNodePortsAreClosedUntilAFirewallRuleOpensThem() throws {
        let session = try Self.session(cluster: "gcloud container clusters create kubia --num-nodes 3 --machine-type f1-micro")
        session.startPods()
        session.run("kubectl create -f kubia-svc-nodeport.yaml")
        let node = session.run("kubectl get nodes -o jsonpath='{.items[0].status.addresses[?(@.type==\"ExternalIP\")].address}'").text
        #expect(session.run("curl -s -m 5 http://\(node):30123").status == 28)
        let created = session.run("gcloud compute firewall-rules create kubia-svc-rule --allow=tcp:30123")
        #expect(created.status == 0)
        #expect(created.text.contains("Created [https://www.googleapis.com/compute/v1/projects/kubelab-project/global/firewalls/kubia-svc-rule].\n"))
        #expect(created.text.contains("NAME            NETWORK  DIRECTION  PRIORITY  ALLOW      DENY\nkubia-svc-rule  default  INGRESS    1000      tcp:30123\n"), "\(created.text)")
        #expect(session.run("curl -s -m 5 http://\(node):30123").text.hasPrefix("You've hit kubia-"))
        #expect(session.run("gcloud compute firewall-rules list").text.contains("kubia-svc-rule          default  INGRESS    1000      tcp:30123\n"))
        #expect(session.run("gcloud compute firewall-rules delete kubia-svc-rule -q").status == 0)
        #expect(session.run("curl -s -m 5 http://\(node):30123").status == 28)
        #expect(session.run("gcloud compute firewall-rules create bad --allow=30123").status == 1)
    }

    @Test func localTrafficPolicyAnswersOnlyOnNodesWithAPod() throws {
        let session = try Self.session(cluster: "gcloud container clusters create kubia --num-nodes 3 --machine-type f1-micro")
        session.startPods()
        session.run("kubectl scale rc kubia --replicas=1")
        session.run("sleep 40")
        session.run("kubectl create -f kubia-svc-nodeport-onlylocal.yaml")
        session.run("gcloud compute firewall-rules create kubia-local --allow=tcp:30124")
        let podNode = session.run("kubectl get po -l app=kubia -o jsonpath='{.items[0].spec.nodeName}'").text
        let nodes = session.run("kubectl get nodes -o jsonpath='{range .items[*]}{.metadata.name} {.status.addresses[?(@.type==\"ExternalIP\")].address}{\"\\n\"}{end}'").text
        var answered = 0
        for line in nodes.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count == 2 else { continue }
            let curl = session.run("curl -s -m 3 http://\(fields[1]):30124")
            if fields[0] == podNode {
                #expect(curl.text.hasPrefix("You've hit kubia-"))
                answered += 1
            } else {
                #expect(curl.status == 28, "\(fields[0])")
            }
        }
        #expect(answered == 1)
    }
}

extension WorldSession {
    /// Three kubia pods running behind the RC of chapter 4.
    func startPods() {
        run("kubectl create -f kubia-rc.yaml")
        run("sleep 40")
    }

    var firstPod: String { run("kubectl get po -l app=kubia -o jsonpath='{.items[0].metadata.name}'").text }
}
