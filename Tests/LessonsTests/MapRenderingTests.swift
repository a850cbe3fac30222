import Formatting
import Testing
@testable import Lessons

/// The map drawn from small hand-made worlds, wide and narrow, in English and Chinese.
@Suite struct MapRenderingTests {
    static let pod1 = WorldMap.Pod(name: "kubia-4jfyf", status: "Running", address: "10.244.0.10")
    static let pod2 = WorldMap.Pod(name: "kubia-8r7qw", status: "Pending", address: "")
    static let noDocker = WorldMap.Docker()

    struct Case: CustomTestStringConvertible, Sendable {
        let label: String
        let map: WorldMap
        let width: Int
        let language: Language
        let expected: String
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "no cluster", map: WorldMap(cluster: nil, docker: noDocker), width: 80, language: .english, expected: """
            no cluster: kubectl reaches none (`minikube start` creates one)
            docker (workstation): no containers
            images: none

            """),
        Case(label: "no cluster, narrow", map: WorldMap(cluster: nil, docker: noDocker), width: 30, language: .english, expected: """
            no cluster: kubectl reaches
              none (`minikube start`
              creates one)
            docker (workstation): no
              containers
            images: none

            """),
        Case(label: "one node", map: WorldMap(
            cluster: WorldMap.Cluster(
                nodes: [WorldMap.Node(name: "minikube", address: "192.168.99.100", pods: [pod1, pod2])],
                services: [WorldMap.Service(name: "kubia-http", type: "LoadBalancer", clusterAddress: "10.103.33.191", targets: ["kubia-4jfyf"])],
                controllers: [WorldMap.Controller(kind: "rc", name: "kubia", ready: 1, desired: 2, owned: ["kubia-4jfyf", "kubia-8r7qw"])]),
            docker: WorldMap.Docker(
                containers: [WorldMap.Container(name: "kubia-container", status: "Up 2 minutes", image: "kubia", ports: "0.0.0.0:8080->8080/tcp")],
                images: ["kubia:latest", "node:7"],
                registries: [WorldMap.Registry(host: "docker.io", repositories: ["library/node"])])),
            width: 80, language: .english, expected: """
            ┌ node minikube (192.168.99.100) ───┐
            │ kubia-4jfyf  Running  10.244.0.10 │
            │ kubia-8r7qw  Pending              │
            └───────────────────────────────────┘
            service kubia-http  LoadBalancer 10.103.33.191 → kubia-4jfyf
            rc kubia  1/2  owns kubia-4jfyf, kubia-8r7qw
            docker (workstation):
              kubia-container  Up 2 minutes  kubia  0.0.0.0:8080->8080/tcp
            images: kubia:latest, node:7
            registries: docker.io/library/node

            """),
        Case(label: "three nodes, one empty, one pod unscheduled", map: WorldMap(
            cluster: WorldMap.Cluster(
                nodes: [
                    WorldMap.Node(name: "node-a", address: "10.132.0.2", pods: [pod1]),
                    WorldMap.Node(name: "node-b", address: "10.132.0.3", pods: []),
                    WorldMap.Node(name: "node-c", address: "10.132.0.4", pods: [WorldMap.Pod(name: "web", status: "Running", address: "10.0.2.5")]),
                ],
                unscheduledPods: [pod2],
                services: [WorldMap.Service(name: "db", type: "ClusterIP", clusterAddress: "10.3.240.1", targets: [])]),
            docker: noDocker),
            width: 80, language: .english, expected: """
            ┌ node node-a (10.132.0.2) ─────────┐
            │ kubia-4jfyf  Running  10.244.0.10 │
            └───────────────────────────────────┘
            ┌ node node-b (10.132.0.3) ──┐
            │ (no pods)                  │
            └────────────────────────────┘
            ┌ node node-c (10.132.0.4) ──────┐
            │ web          Running  10.0.2.5 │
            └────────────────────────────────┘
            not on a node: kubia-8r7qw Pending
            service db  ClusterIP 10.3.240.1 → (no endpoints)
            docker (workstation): no containers
            images: none

            """),
        Case(label: "narrow terminal", map: WorldMap(
            cluster: WorldMap.Cluster(
                nodes: [WorldMap.Node(name: "minikube", address: "192.168.99.100", pods: [pod1])],
                controllers: [WorldMap.Controller(kind: "rs", name: "kubia-5d8f", ready: 3, desired: 3,
                                                  owned: ["kubia-5d8f-abcde", "kubia-5d8f-fghij", "kubia-5d8f-klmno"])]),
            docker: WorldMap.Docker(images: ["busybox:latest", "node:7", "luksa/kubia:v1"])),
            width: 36, language: .english, expected: """
            node minikube (192.168.99.100)
              kubia-4jfyf  Running  10.244.0.10
            rs kubia-5d8f  3/3  owns
              kubia-5d8f-abcde,
              kubia-5d8f-fghij, kubia-5d8f-klmno
            docker (workstation): no containers
            images: busybox:latest, node:7,
              luksa/kubia:v1

            """),
        Case(label: "Chinese names and text", map: WorldMap(
            cluster: WorldMap.Cluster(
                nodes: [WorldMap.Node(name: "minikube", address: "192.168.99.100", pods: [
                    WorldMap.Pod(name: "你好-pod", status: "Running", address: "10.244.0.3"),
                    WorldMap.Pod(name: "web", status: "Running", address: "10.244.0.4"),
                ])]),
            docker: noDocker),
            width: 80, language: .chinese, expected: """
            ┌ node minikube (192.168.99.100) ──┐
            │ 你好-pod  Running  10.244.0.3    │
            │ web       Running  10.244.0.4    │
            └──────────────────────────────────┘
            docker（工作站）：没有容器
            镜像：无

            """),
    ]

    @Test(arguments: cases) func rendersTheMap(_ example: Case) {
        let text = WorldMapRenderer(style: TextStyle(width: example.width, usesColor: false), language: example.language).render(example.map)
        #expect(text == example.expected)
    }

    @Test(arguments: cases) func noLineIsWiderThanTheTerminal(_ example: Case) {
        let text = WorldMapRenderer(style: TextStyle(width: example.width, usesColor: false), language: example.language).render(example.map)
        for line in text.split(separator: "\n") {
            #expect(TextWidth.terminalColumns.measure(String(line)) <= example.width, "\(line)")
        }
    }

    @Test func boxLinesShareOneDisplayWidthWithChineseInside() {
        let map = WorldMap(cluster: WorldMap.Cluster(nodes: [WorldMap.Node(name: "节点", address: "", pods: [
            WorldMap.Pod(name: "一个很长的名字", status: "Running", address: "10.0.0.1"),
        ])]), docker: Self.noDocker)
        let text = WorldMapRenderer(style: TextStyle(width: 80, usesColor: false), language: .english).render(map)
        let box = text.split(separator: "\n").prefix(3).map { TextWidth.terminalColumns.measure(String($0)) }
        #expect(Set(box).count == 1)
    }

    @Test(arguments: [
        ("luksa/kubia", "docker.io", "luksa/kubia"),
        ("busybox", "docker.io", "library/busybox"),
        ("gcr.io/project/app", "gcr.io", "project/app"),
        ("localhost:5000/app", "localhost:5000", "app"),
    ])
    func findsTheRegistryOfARepository(repository: String, host: String, path: String) {
        let location = WorldMapReader.registryLocation(of: repository)
        #expect(location.host == host && location.path == path)
    }
}
