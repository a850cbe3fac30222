import Testing
import Machine
import Simulation
@testable import World

/// Chapter 5's networking details a learner meets on a real cluster: ExternalName's CNAME,
/// kubectl's global `-s`, Ctrl-C in `kubectl exec -it`, masqueraded client IPs and the Local
/// policy's health-check node port, node port clashes, and GCE's firewall rules.
@Suite struct ChapterFiveNetworkingTests {
    static let externalExample = """
        apiVersion: v1
        kind: Service
        metadata:
          name: external-service
        spec:
          type: ExternalName
          externalName: example.com
          ports:
          - port: 80

        """

    @Test func anExternalNameServiceIsACNAMEThePodsFollowToTheInternet() throws {
        let session = try ChapterFiveWorldTests.session()
        session.startPods()
        session.write("external-example.yaml", Self.externalExample)
        session.run("kubectl create -f external-example.yaml")
        session.run("kubectl run dnsutils --image=tutum/dnsutils --generator=run-pod/v1 --command -- sleep infinity")
        session.run("sleep 40")
        let lookup = session.run("kubectl exec dnsutils nslookup external-service").text
        #expect(lookup == "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n"
            + "external-service.default.svc.cluster.local\tcanonical name = example.com.\nName:\texample.com\nAddress: 93.184.216.34\n\n", "\(lookup)")
        let page = session.run("kubectl exec \(session.firstPod) -- curl -s http://external-service")
        #expect(page.text.contains("<title>Example Domain</title>"), "\(page.text)")
        // The name outside the cluster resolves from the workstation too, without kube-dns.
        #expect(session.run("curl -s http://example.com").text.contains("<h1>Example Domain</h1>"))
        #expect(session.run("kubectl exec dnsutils nslookup example.com").text.contains("Non-authoritative answer:\nName:\texample.com\nAddress: 93.184.216.34\n"))
        // The book's made-up host does not exist: the alias leads nowhere.
        session.run("kubectl delete svc external-service")
        session.run("kubectl create -f external-service-externalname.yaml")
        let alias = session.run("kubectl exec dnsutils nslookup external-service").text
        #expect(alias.hasSuffix("\nexternal-service.default.svc.cluster.local\tcanonical name = api.somecompany.com.\n\n"), "\(alias)")
        let unresolved = session.run("kubectl exec \(session.firstPod) -- curl -sS http://external-service")
        #expect(unresolved.text == "curl: (6) Could not resolve host: external-service\ncommand terminated with exit code 6\n", "\(unresolved.text)")
    }

    @Test func curlsDashSIsKubectlsServerFlagUnlessADoubleDashComesFirst() throws {
        let session = try ChapterFiveWorldTests.session()
        session.startPods()
        session.run("kubectl create -f kubia-svc.yaml")
        let ip = session.run("kubectl get svc kubia -o jsonpath='{.spec.clusterIP}'").text
        let pod = session.firstPod
        let before = session.world.loop.now
        let wrong = session.run("kubectl exec \(pod) curl -s http://\(ip)")
        #expect(wrong.status == 1)
        #expect(wrong.text == "Unable to connect to the server: dial tcp \(ip):80: i/o timeout\n", "\(wrong.text)")
        #expect(session.world.loop.now - before >= .seconds(30))
        #expect(session.run("kubectl exec \(pod) -- curl -s http://\(ip)").text.hasPrefix("You've hit kubia-"))
        // A name the workstation cannot resolve: Go's resolver names the DNS server it asked.
        let unknown = session.run("kubectl exec \(pod) curl -s http://kubia")
        #expect(unknown.text == "Unable to connect to the server: dial tcp: lookup kubia on 10.0.2.3:53: no such host\n", "\(unknown.text)")
        // A server that refuses says so; the URL's host is shown as it was given.
        let refused = session.run("kubectl -s http://127.0.0.1:9 get pods")
        #expect(refused.text == "The connection to the server 127.0.0.1:9 was refused - did you specify the right host or port?\n", "\(refused.text)")
        // The cluster's own address works as --server too.
        let server = session.run("kubectl config view -o jsonpath='{.clusters[0].cluster.server}'").text
        #expect(session.run("kubectl --server=\(server) get pods").text.hasPrefix("NAME"))
        #expect(session.run("kubectl options").text.contains("  -s, --server='': The address and port of the Kubernetes API server\n"))
    }

    @Test func ctrlCInAnInteractiveExecReachesTheRemoteCommand() throws {
        let session = try ChapterFiveWorldTests.session()
        session.startPods()
        let pod = session.firstPod
        let execution = session.world.begin("kubectl exec -it \(pod) bash")
        session.world.loop.advance(by: .seconds(1))
        execution.type("sleep 1000\n")
        session.world.loop.advance(by: .seconds(1))
        execution.interrupt()
        session.world.loop.advance(by: .seconds(1))
        // The sleep ended; the remote shell and the exec go on.
        #expect(!execution.isFinished)
        execution.type("echo still here\n")
        session.world.loop.advance(by: .seconds(1))
        execution.type("exit\n")
        session.world.loop.advance(by: .seconds(1))
        #expect(execution.isFinished)
        #expect(session.output.text.contains("still here"), "\(session.output.text)")
        // Without a terminal, Ctrl-C ends kubectl itself.
        let plain = session.world.begin("kubectl exec \(pod) -- sleep 1000")
        session.world.loop.advance(by: .seconds(1))
        plain.interrupt()
        session.world.loop.advance(by: .seconds(1))
        #expect(plain.isFinished)
    }

    @Test func theClusterPolicyHidesTheClientAddressAndLocalKeepsIt() throws {
        let session = try ChapterFiveWorldTests.session()
        session.run("kubectl run web --image=nginx:alpine --generator=run-pod/v1 --labels=app=web --port=80")
        session.run("sleep 40")
        session.run("kubectl expose po web --type=NodePort --name=web")
        let port = session.run("kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}'").text
        let node = session.run("minikube ip").text.trimmingCharacters(in: .whitespacesAndNewlines)
        let workstation = session.run("hostname -I").text.split(separator: " ").first.map(String.init) ?? ""
        #expect(session.run("curl -s -o /dev/null -w '%{http_code}' http://\(node):\(port)").text == "200")
        let masqueraded = session.run("kubectl logs web").text
        #expect(!masqueraded.contains(workstation), "\(masqueraded)")
        #expect(masqueraded.hasPrefix("10.244.0.1 - - ["), "\(masqueraded)")
        session.run("kubectl patch svc web -p '{\"spec\":{\"externalTrafficPolicy\":\"Local\"}}'")
        session.run("curl -s -o /dev/null http://\(node):\(port)")
        let kept = session.run("kubectl logs web --tail=1").text
        #expect(kept.hasPrefix(workstation + " - - ["), "\(kept) / \(workstation)")
    }

    @Test func aLocalLoadBalancerGetsAHealthCheckNodePortAndGCEFirewallRules() throws {
        let session = try ChapterFiveWorldTests.session(cluster: "gcloud container clusters create kubia --num-nodes 3 --machine-type f1-micro")
        session.write("lb-local.yaml", """
            apiVersion: v1
            kind: Service
            metadata:
              name: kubia-lb-local
            spec:
              type: LoadBalancer
              externalTrafficPolicy: Local
              ports:
              - port: 80
                targetPort: 8080
              selector:
                app: kubia

            """)
        session.run("kubectl create -f lb-local.yaml")
        session.run("sleep 60")
        let port = session.run("kubectl get svc kubia-lb-local -o jsonpath='{.spec.healthCheckNodePort}'").text
        #expect(Int(port).map { (30000...32767).contains($0) } == true, "\(port)")
        let described = session.run("kubectl describe svc kubia-lb-local").text
        #expect(described.contains("External Traffic Policy:  Local\nHealthCheck NodePort:     \(port)\n"), "\(described)")
        let uid = session.run("kubectl get svc kubia-lb-local -o jsonpath='{.metadata.uid}'").text
        let lb = String(("a" + uid).replacingOccurrences(of: "-", with: "").prefix(32))
        let rules = session.run("gcloud compute firewall-rules list").text
        #expect(rules.contains("k8s-fw-\(lb)"), "\(rules)")
        #expect(rules.contains("k8s-\(lb)-http-hc"))
        #expect(rules.range(of: #"gke-kubia-[0-9a-f]{8}-all"#, options: .regularExpression) != nil, "\(rules)")
        // Back to the Cluster policy: the health-check port goes away.
        session.run("kubectl patch svc kubia-lb-local -p '{\"spec\":{\"externalTrafficPolicy\":\"Cluster\"}}'")
        #expect(session.run("kubectl get svc kubia-lb-local -o jsonpath='{.spec.healthCheckNodePort}'").text.isEmpty)
        let refused = session.run("kubectl patch svc kubia-lb-local -p '{\"spec\":{\"healthCheckNodePort\":31000}}'")
        #expect(refused.text.contains("spec.healthCheckNodePort: Invalid value: 31000: HealthCheckNodePort can only be set on LoadBalancer service with ExternalTrafficPolicy=Local"), "\(refused.text)")
        session.run("kubectl delete svc kubia-lb-local")
        #expect(!session.run("gcloud compute firewall-rules list").text.contains("k8s-fw-\(lb)"))
    }

    @Test func aNodePortInUseIsRefused() throws {
        let session = try ChapterFiveWorldTests.session()
        session.run("kubectl create -f kubia-svc-nodeport.yaml")
        session.write("clash.yaml", ChapterFiveWorldTests.manifests["kubia-svc-nodeport.yaml", default: ""]
            .replacingOccurrences(of: "name: kubia-nodeport", with: "name: kubia-clash"))
        let clash = session.run("kubectl create -f clash.yaml")
        #expect(clash.status == 1)
        #expect(clash.text == "The Service \"kubia-clash\" is invalid: spec.ports[0].nodePort: Invalid value: 30123: provided port is already allocated\n", "\(clash.text)")
        // Freed with the service that held it.
        session.run("kubectl delete svc kubia-nodeport")
        #expect(session.run("kubectl create -f clash.yaml").text == "service \"kubia-clash\" created\n")
    }

    @Test func firewallSourceRangesLetOnlyTheirSourcesIn() throws {
        let session = try ChapterFiveWorldTests.session(cluster: "gcloud container clusters create kubia --num-nodes 3 --machine-type f1-micro")
        session.startPods()
        session.run("kubectl create -f kubia-svc-nodeport.yaml")
        let node = session.run("kubectl get nodes -o jsonpath='{.items[0].status.addresses[?(@.type==\"ExternalIP\")].address}'").text
        session.run("gcloud compute firewall-rules create elsewhere --allow=tcp:30123 --source-ranges=203.0.113.0/24")
        #expect(session.run("curl -s -m 5 http://\(node):30123").status == 28)
        let workstation = session.run("hostname -I").text.split(separator: " ").first.map(String.init) ?? ""
        session.run("gcloud compute firewall-rules create mine --allow=tcp:30123 --source-ranges=\(workstation)")
        #expect(session.run("curl -s -m 5 http://\(node):30123").text.hasPrefix("You've hit kubia-"))
        let bad = session.run("gcloud compute firewall-rules create bad --allow=tcp:1 --source-ranges=nowhere")
        #expect(bad.status == 1)
        #expect(bad.text.contains("Invalid value for field 'resource.sourceRanges[0]': 'nowhere'."), "\(bad.text)")
    }
}
