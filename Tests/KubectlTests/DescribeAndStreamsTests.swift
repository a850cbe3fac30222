@testable import Kubectl
import KubernetesAPI
import Testing

/// describe layouts, logs and exec through the kubelet seam, version and config.
@Suite struct DescribeAndStreamsTests {
    @Test func describePodLayout() throws {
        let harness = try KubectlHarness()
        try harness.write("/root/kubia-manual.yaml", PodManifests.kubiaManual)
        harness.run("kubectl create -f kubia-manual.yaml")
        harness.settle { (try? harness.client.get(Pod.self, namespace: "default", name: "kubia-manual"))?.status?.phase == .running }
        harness.advance(.seconds(120))
        let output = harness.run("kubectl describe pod kubia-manual").output
        #expect(output == """
            Name:         kubia-manual
            Namespace:    default
            Node:         minikube/192.168.99.100
            Start Time:   Tue, 06 Mar 2018 09:00:01 +0000
            Labels:       <none>
            Annotations:  <none>
            Status:       Running
            IP:           172.17.0.4
            Containers:
              kubia:
                Container ID:   docker://0123456789abcdef
                Image:          luksa/kubia
                Image ID:       docker-pullable://luksa/kubia
                Port:           8080/TCP
                State:          Running
                  Started:      Tue, 06 Mar 2018 09:00:01 +0000
                Ready:          True
                Restart Count:  0
                Environment:    <none>
                Mounts:
                  /var/run/secrets/kubernetes.io/serviceaccount from default-token-r98rl (ro)
            Conditions:
              Type           Status
              PodScheduled   True 
              Initialized    True 
              Ready          True 
            Volumes:
              default-token-r98rl:
                Type:        Secret (a volume populated by a Secret)
                SecretName:  default-token-r98rl
                Optional:    false
            QoS Class:       BestEffort
            Node-Selectors:  <none>
            Tolerations:     <none>
            Events:
              FirstSeen  LastSeen  Count  From               SubObjectPath  Type      Reason     Message
              ---------  --------  -----  ----               -------------  --------  ------     -------
              2m         2m        1      default-scheduler                 Normal    Scheduled  Successfully assigned kubia-manual to minikube

            """)
    }

    @Test func describeShowsNoEventsForAQuietObject() throws {
        let harness = try KubectlHarness()
        let output = harness.run("kubectl describe ns default").output
        #expect(output == "Name:         default\nLabels:       <none>\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo resource limits.\n")
    }

    @Test func describeNodeAndServiceMention() throws {
        let harness = try KubectlHarness()
        let node = harness.run("kubectl describe node minikube").output
        #expect(node.hasPrefix("Name:               minikube\nRoles:              <none>\n"))
        #expect(node.contains("Kubelet Version:            v1.8.0"))
        let service = harness.run("kubectl describe svc kubernetes").output
        #expect(service.contains("Port:              https  443/TCP\n"))
        #expect(service.contains("Endpoints:         192.168.99.100:8443\n"))
    }

    @Test func logsComeFromTheKubelet() throws {
        let harness = try KubectlHarness()
        try harness.write("/root/kubia-manual.yaml", PodManifests.kubiaManual)
        harness.run("kubectl create -f kubia-manual.yaml")
        let early = harness.run("kubectl logs kubia-manual")
        #expect(early.error == "Error from server (BadRequest): container \"kubia\" in pod \"kubia-manual\" is waiting to start: ContainerCreating\n")
        harness.settle { (try? harness.client.get(Pod.self, namespace: "default", name: "kubia-manual"))?.status?.phase == .running }
        #expect(harness.run("kubectl logs kubia-manual").output == "Kubia server starting...\n")
        #expect(harness.run("kubectl logs kubia-manual -c other").error == "Error from server (BadRequest): container other is not valid for pod kubia-manual\n")
    }

    @Test func execRunsTheCommandAfterTheDashes() throws {
        let harness = try KubectlHarness()
        try harness.write("/root/kubia-manual.yaml", PodManifests.kubiaManual)
        harness.run("kubectl create -f kubia-manual.yaml")
        harness.settle { (try? harness.client.get(Pod.self, namespace: "default", name: "kubia-manual"))?.status?.phase == .running }
        #expect(harness.run("kubectl exec kubia-manual -- curl -s http://localhost:8080").output == "curl -s http://localhost:8080 in kubia-manual/kubia\n")
        #expect(harness.run("kubectl exec kubia-manual").error == "error: you must specify at least one command for the container\nSee 'kubectl exec -h' for help and examples.\n")
    }

    @Test func versionAndConfig() throws {
        let harness = try KubectlHarness()
        #expect(harness.run("kubectl version --short").output == "Client Version: v1.8.0\nServer Version: v1.8.0\n")
        #expect(harness.run("kubectl config current-context").output == "minikube\n")
        #expect(harness.run("kubectl config get-contexts").output == """
            CURRENT   NAME       CLUSTER    AUTHINFO   NAMESPACE
            *         minikube   minikube   minikube   

            """)
        #expect(harness.run("kubectl config use-context gke").error == "error: no context exists with the name: \"gke\".\n")
        #expect(harness.run("kubectl cluster-info").output == "Kubernetes master is running at https://192.168.99.100:8443\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n")
    }

    @Test func helpHasTheEraLayout() throws {
        let harness = try KubectlHarness()
        let help = harness.run("kubectl run --help").output
        #expect(help.hasPrefix("Create and run a particular image, possibly replicated."))
        #expect(help.contains("\n\nExamples:\n  # Start a single instance of nginx.\n"))
        // 1.8's run adds the printer flags, which sort first.
        #expect(help.contains("\nOptions:\n      --allow-missing-template-keys=true: "))
        #expect(help.contains("\n      --command=false: "))
        #expect(help.contains("  -r, --replicas=1: "))
        #expect(help.hasSuffix("Usage:\n  kubectl run NAME --image=image [--env=\"key=value\"] [--port=port] [--replicas=replicas] [--dry-run=bool] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]\n\nUse \"kubectl options\" for a list of global command-line options (applies to all commands).\n"))
    }

    @Test func completionOffersCommandsTypesAndNames() throws {
        let harness = try KubectlHarness()
        let program = harness.program
        #expect(program.completions(for: ["kubectl"], current: "ge") == ["get"])
        #expect(program.completions(for: ["kubectl", "get"], current: "no").contains("nodes"))
        #expect(program.completions(for: ["kubectl", "describe", "nodes"], current: "mini", client: harness.client) == ["minikube"])
        #expect(program.completions(for: ["kubectl", "run"], current: "--ima") == ["--image", "--image-pull-policy"])
    }
}
