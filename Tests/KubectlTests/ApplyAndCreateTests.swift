import KubernetesAPI
import Testing

@testable import Kubectl

/// apply's created / unchanged / configured, and what create and replace send the server.
struct ApplyAndCreateTests {
    static let service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: kubia
          labels:
            app: kubia
        spec:
          type: NodePort
          ports:
          - port: 80
            targetPort: 8080
          selector:
            app: kubia

        """

    static let controller = """
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
                - containerPort: 8080

        """

    /// Each step: a command (or a manifest edit) and what apply then prints.
    @Test(arguments: [
        ("pod", PodManifests.kubiaManual, [
            ("", "pod \"kubia-manual\" created\n"),
            ("", "pod \"kubia-manual\" unchanged\n"),
            ("kubectl label pod kubia-manual extra=yes", "pod \"kubia-manual\" unchanged\n"),
            ("edit: name: kubia-manual|name: kubia-manual\n  labels:\n    env: test", "pod \"kubia-manual\" configured\n"),
            ("", "pod \"kubia-manual\" unchanged\n"),
        ]),
        ("svc", service, [
            ("", "service \"kubia\" created\n"),
            ("", "service \"kubia\" unchanged\n"),
            ("edit: targetPort: 8080|targetPort: 9090", "service \"kubia\" configured\n"),
            ("", "service \"kubia\" unchanged\n"),
        ]),
        ("rc", controller, [
            ("", "replicationcontroller \"kubia\" created\n"),
            ("kubectl scale rc kubia --replicas=5", "replicationcontroller \"kubia\" configured\n"),
            ("", "replicationcontroller \"kubia\" unchanged\n"),
        ]),
    ])
    func applyReportsWhatItDid(type: String, manifest: String, steps: [(String, String)]) throws {
        let harness = try KubectlHarness()
        var text = manifest
        for (action, expected) in steps {
            if action.hasPrefix("edit: ") {
                let parts = action.dropFirst(6).split(separator: "|", maxSplits: 1).map(String.init)
                text = text.replacingOccurrences(of: parts[0], with: parts[1])
            } else if !action.isEmpty {
                harness.run(action)
            }
            try harness.write("/root/manifest.yaml", text)
            let result = harness.run("kubectl apply -f manifest.yaml")
            #expect(result.output == expected, "\(type) after \(action)")
            #expect(result.error == "")
        }
    }

    @Test func applyingKeepsWhatTheServerAllocatedAndRemovesWhatTheManifestDropped() throws {
        let harness = try KubectlHarness()
        try harness.write("/root/svc.yaml", Self.service)
        harness.run("kubectl apply -f svc.yaml")
        let before = try harness.client.get(Service.self, namespace: "default", name: "kubia")
        try harness.write("/root/svc.yaml", Self.service.replacingOccurrences(of: "targetPort: 8080", with: "targetPort: 9090")
            .replacingOccurrences(of: "  labels:\n    app: kubia\n", with: ""))
        #expect(harness.run("kubectl apply -f svc.yaml").output == "service \"kubia\" configured\n")
        let after = try harness.client.get(Service.self, namespace: "default", name: "kubia")
        #expect(after.spec?.ports?.first?.nodePort == before.spec?.ports?.first?.nodePort)
        #expect(after.spec?.ports?.first?.targetPort == .int(9090))
        #expect(after.spec?.clusterIP == before.spec?.clusterIP)
        #expect(after.labels.isEmpty)
    }

    @Test func applyOnACreatedObjectWarnsAndRecordsTheConfiguration() throws {
        let harness = try KubectlHarness()
        try harness.write("/root/rc.yaml", Self.controller)
        harness.run("kubectl create -f rc.yaml")
        let result = harness.run("kubectl apply -f rc.yaml")
        #expect(result.error == "Warning: kubectl apply should be used on resource created by either kubectl create --save-config or kubectl apply\n")
        #expect(result.output == "replicationcontroller \"kubia\" configured\n")
        #expect(harness.run("kubectl apply -f rc.yaml").output == "replicationcontroller \"kubia\" unchanged\n")
        let nameOutput = harness.run("kubectl apply -f rc.yaml -o name")
        #expect(nameOutput.output == "replicationcontrollers/kubia\n")
    }

    @Test func createWithSaveConfigLetsApplyFollow() throws {
        let harness = try KubectlHarness()
        try harness.write("/root/rc.yaml", Self.controller)
        #expect(harness.run("kubectl create -f rc.yaml --save-config").output == "replicationcontroller \"kubia\" created\n")
        let result = harness.run("kubectl apply -f rc.yaml")
        #expect(result.error == "")
        #expect(result.output == "replicationcontroller \"kubia\" unchanged\n")
    }

    @Test(arguments: [
        ("  resourceVersion: \"1234\"\n", "Error from server: error when creating \"pod.yaml\": resourceVersion should not be set on objects to be created\n"),
        ("  resourceVersion: \"0\"\n", ""),
        ("  uid: 11111111-2222-3333-4444-555555555555\n", ""),
    ])
    func createRefusesWhatOnlyTheServerSets(metadataLine: String, expectedError: String) throws {
        let harness = try KubectlHarness()
        let manifest = PodManifests.kubiaManual.replacingOccurrences(of: "  name: kubia-manual\n", with: "  name: kubia-manual\n" + metadataLine)
        try harness.write("/root/pod.yaml", manifest + "status:\n  phase: Running\n  podIP: 10.0.0.9\n")
        let result = harness.run("kubectl create -f pod.yaml")
        #expect(result.error == expectedError)
        #expect(result.status == (expectedError.isEmpty ? 0 : 1))
        guard expectedError.isEmpty else { return }
        let pod = try harness.client.get(Pod.self, namespace: "default", name: "kubia-manual")
        #expect(pod.uid != "11111111-2222-3333-4444-555555555555")
        #expect(pod.status?.podIP != "10.0.0.9", "status is the server's, not the file's")
    }

    @Test func createRefusesAnExistingObjectsVersionBeforeItsName() throws {
        let harness = try KubectlHarness()
        try harness.write("/root/pod.yaml", PodManifests.kubiaManual)
        harness.run("kubectl create -f pod.yaml")
        try harness.write("/root/pod.yaml", harness.run("kubectl get pod kubia-manual -o yaml").output)
        #expect(harness.run("kubectl create -f pod.yaml").error == "Error from server: error when creating \"pod.yaml\": resourceVersion should not be set on objects to be created\n")
    }

    @Test func replaceUsesTheCurrentVersionAndConflictsOnAStaleOne() throws {
        let harness = try KubectlHarness()
        try harness.write("/root/rc.yaml", Self.controller)
        #expect(harness.run("kubectl replace -f rc.yaml").error == "Error from server (NotFound): error when replacing \"rc.yaml\": replicationcontrollers \"kubia\" not found\n")
        harness.run("kubectl create -f rc.yaml")
        try harness.write("/root/rc.yaml", Self.controller.replacingOccurrences(of: "replicas: 3", with: "replicas: 2"))
        #expect(harness.run("kubectl replace -f rc.yaml").output == "replicationcontroller \"kubia\" replaced\n")
        #expect(try harness.client.get(ReplicationController.self, namespace: "default", name: "kubia").spec?.replicas == 2)
        try harness.write("/root/stale.yaml", harness.run("kubectl get rc kubia -o yaml").output)
        harness.run("kubectl scale rc kubia --replicas=4")
        #expect(harness.run("kubectl replace -f stale.yaml").error == "Error from server (Conflict): error when replacing \"stale.yaml\": Operation cannot be fulfilled on replicationcontrollers \"kubia\": the object has been modified; please apply your changes to the latest version and try again\n")
    }

    @Test func exportStripsWhatBelongsToTheCluster() throws {
        let harness = try KubectlHarness()
        try harness.write("/root/svc.yaml", Self.service)
        harness.run("kubectl create -f svc.yaml")
        let exported = harness.run("kubectl get svc kubia -o yaml --export").output
        #expect(exported == """
            apiVersion: v1
            kind: Service
            metadata:
              creationTimestamp: null
              labels:
                app: kubia
              name: kubia
              selfLink: /api/v1/namespaces//services/kubia
            spec:
              externalTrafficPolicy: Cluster
              ports:
              - port: 80
                protocol: TCP
                targetPort: 8080
              selector:
                app: kubia
              sessionAffinity: None
              type: NodePort
            status:
              loadBalancer: {}

            """)
    }
}
