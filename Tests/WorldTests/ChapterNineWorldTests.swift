import Testing
import Machine
import Simulation
@testable import World

/// Every manifest of the book's Chapter09 folder (as the 1.8-era repository had them), made
/// on GKE and checked for what the chapter says each one does, with the images it names.
@Suite struct ChapterNineWorldTests {
    typealias Session = WorldSession

    static let service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: kubia
        spec:
          type: LoadBalancer
          selector:
            app: kubia
          ports:
          - port: 80
            targetPort: 8080

        """

    static func workload(_ kind: String, _ apiVersion: String, name: String, replicas: Int?, image: String, extra: String = "", probe: Bool = false) -> String {
        var text = "apiVersion: \(apiVersion)\nkind: \(kind)\nmetadata:\n  name: \(name)\nspec:\n"
        if let replicas { text += "  replicas: \(replicas)\n" }
        text += extra
        text += "  template:\n    metadata:\n      name: kubia\n      labels:\n        app: kubia\n    spec:\n      containers:\n      - image: \(image)\n        name: nodejs\n"
        if probe { text += "        readinessProbe:\n          periodSeconds: 1\n          httpGet:\n            path: /\n            port: 8080\n" }
        return text
    }

    /// The files, by name, as the 1.8-era repository had them (before selectors were added for apps/v1).
    static let manifests: [String: String] = [
        "kubia-rc-and-service-v1.yaml": workload("ReplicationController", "v1", name: "kubia-v1", replicas: 3, image: "luksa/kubia:v1") + "---\n" + service,
        "kubia-deployment-and-service-v1.yaml": workload("Deployment", "apps/v1beta1", name: "kubia", replicas: 3, image: "luksa/kubia:v1") + "---\n" + service,
        "kubia-deployment-v1.yaml": workload("Deployment", "apps/v1beta1", name: "kubia", replicas: 3, image: "luksa/kubia:v1"),
        "kubia-deployment-v2.yaml": workload("Deployment", "apps/v1beta1", name: "kubia", replicas: nil, image: "luksa/kubia:v2"),
        "kubia-deployment-v3.yaml": workload("Deployment", "apps/v1beta1", name: "kubia", replicas: 3, image: "luksa/kubia:v3", extra: "  minReadySeconds: 10\n"),
        "kubia-deployment-v3-with-readinesscheck.yaml": workload(
            "Deployment", "apps/v1beta1", name: "kubia", replicas: 3, image: "luksa/kubia:v3",
            extra: "  minReadySeconds: 10\n  strategy:\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n    type: RollingUpdate\n", probe: true),
    ]

    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        /// Files created before it (the service, an earlier version).
        let before: [String]
        let created: String
        let check: @Sendable (Session) throws -> Void
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "kubia-rc-and-service-v1.yaml", before: [], created: "replicationcontroller \"kubia-v1\" created\nservice \"kubia\" created\n") { session in
            #expect(session.run("kubectl get rc kubia-v1 -o jsonpath='{.spec.selector}'").text == "map[app:kubia]")
            let answers = session.answers(6)
            #expect(answers.count == 6 && answers.allSatisfy { $0.hasPrefix("This is v1 running in pod kubia-v1-") })
        },
        Case(file: "kubia-deployment-and-service-v1.yaml", before: [], created: "deployment \"kubia\" created\nservice \"kubia\" created\n") { session in
            #expect(session.run("kubectl get deploy kubia -o jsonpath='{.spec.selector.matchLabels}'").text == "map[app:kubia]")
            let answers = session.answers(6)
            #expect(answers.count == 6 && answers.allSatisfy { $0.hasPrefix("This is v1 running in pod kubia-") })
            #expect(session.run("kubectl get rs -o name").text.split(separator: "\n").count == 1)
        },
        Case(file: "kubia-deployment-v1.yaml", before: ["service"], created: "deployment \"kubia\" created\n") { session in
            #expect(session.run("kubectl get po -o name").text.split(separator: "\n").count == 3)
            #expect(session.answers(3).allSatisfy { $0.hasPrefix("This is v1 ") })
        },
        // No replicas in the file: one pod, by default.
        Case(file: "kubia-deployment-v2.yaml", before: ["service"], created: "deployment \"kubia\" created\n") { session in
            #expect(session.run("kubectl get deploy kubia -o jsonpath='{.spec.replicas}'").text == "1")
            #expect(session.answers(3).allSatisfy { $0.hasPrefix("This is v2 running in pod kubia-") })
        },
        // Each v3 pod answers four requests, then only errors.
        Case(file: "kubia-deployment-v3.yaml", before: ["service"], created: "deployment \"kubia\" created\n") { session in
            #expect(session.run("kubectl get deploy kubia -o jsonpath='{.spec.minReadySeconds}'").text == "10")
            let answers = session.answers(20)
            #expect(answers.filter { $0.hasPrefix("This is v3 running in pod ") }.count == 12)
            #expect(answers.filter { $0.hasPrefix("Some internal error has occurred! This is pod ") }.count == 8)
        },
        // Over v2, the probe keeps v3 out: one new pod, never ready; v2 keeps serving.
        Case(file: "kubia-deployment-v3-with-readinesscheck.yaml", before: ["service", "kubia-deployment-v2.yaml"], created: "deployment \"kubia\" configured\n") { session in
            session.wait(.seconds(60))
            #expect(session.run("kubectl get deploy kubia -o jsonpath='{.status.updatedReplicas} {.status.availableReplicas}'").text == "1 3")
            #expect(session.answers(8).allSatisfy { $0.hasPrefix("This is v2 ") })
            session.wait(.seconds(600))
            #expect(session.run("kubectl get deploy kubia -o jsonpath='{.status.conditions[?(@.type==\"Progressing\")].reason}'").text == "ProgressDeadlineExceeded")
        },
    ]

    @Test(arguments: cases)
    func manifestBehavesAsTheChapterSays(_ testCase: Case) throws {
        let session = try Session(seed: 9, cluster: "gcloud container clusters create kubia --num-nodes 3")
        for earlier in testCase.before {
            if earlier == "service" {
                session.write("kubia-service.yaml", Self.service)
                #expect(session.run("kubectl create -f kubia-service.yaml").status == 0)
            } else {
                session.write(earlier, Self.manifests[earlier] ?? "")
                #expect(session.run("kubectl create -f \(earlier)").status == 0)
                // v2's single replica scaled to three, as the chapter's deployment ran.
                session.run("kubectl scale deploy kubia --replicas=3")
            }
            session.wait(.seconds(60))
        }
        session.write(testCase.file, Self.manifests[testCase.file] ?? "")
        let verb = testCase.before.count > 1 ? "apply" : "create"
        let created = session.run("kubectl \(verb) -f \(testCase.file) 2>/dev/null")
        #expect(created.text == testCase.created)
        session.wait(.seconds(60))
        try testCase.check(session)
    }

    /// Recreate: every old pod is gone (after its grace period) before the first new one starts.
    @Test func recreateStartsNewPodsOnceTheOldOnesAreGone() throws {
        let session = try Session(seed: 9, cluster: "gcloud container clusters create kubia --num-nodes 3")
        session.write("kubia.yaml", Self.manifests["kubia-deployment-v1.yaml"] ?? "")
        #expect(session.run("kubectl create -f kubia.yaml").status == 0)
        session.wait(.seconds(60))
        session.run(#"kubectl patch deploy kubia -p '{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}'"#)
        #expect(session.run("kubectl set image deploy kubia nodejs=luksa/kubia:v2").text == "deployment \"kubia\" image updated\n")
        session.wait(.seconds(5))
        #expect(session.run("kubectl get rs -o jsonpath='{range .items[*]}{.spec.template.spec.containers[0].image}={.spec.replicas} {end}'").text
            == "luksa/kubia:v1=0 ")
        session.wait(.seconds(90))
        let images = session.run("kubectl get po -o jsonpath='{.items[*].spec.containers[0].image} {.items[*].status.phase}'").text
        #expect(images == "luksa/kubia:v2 luksa/kubia:v2 luksa/kubia:v2 Running Running Running")
    }
}

private extension WorldSession {
    /// Answers of `count` requests through the service's load balancer.
    func answers(_ count: Int) -> [String] {
        run("IP=$(kubectl get svc kubia -o jsonpath='{.status.loadBalancer.ingress[0].ip}')")
        return run("for i in $(seq 1 \(count)); do curl -s http://$IP; done").text.split(separator: "\n").map(String.init)
    }
}
