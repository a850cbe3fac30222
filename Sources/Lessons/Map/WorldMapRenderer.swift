/// Draws a `WorldMap` for the terminal: nodes as boxes holding their pods, then services,
/// controllers and the workstation's Docker; terminals narrower than `compactWidth` get plain
/// indented lines instead of boxes.
public struct WorldMapRenderer: Sendable {
    public var style: TextStyle
    public var language: Language

    /// Below this many columns a box with a pod's name, status and IP does not fit.
    public static let compactWidth = 60

    public init(style: TextStyle, language: Language) {
        self.style = style
        self.language = language
    }

    var isCompact: Bool { style.width < Self.compactWidth }

    /// The whole map, ending in a newline.
    public func render(_ map: WorldMap) -> String {
        var lines: [String] = []
        if let cluster = map.cluster {
            lines += clusterLines(cluster)
        } else {
            lines += MapText.wrapped(say("no cluster: kubectl reaches none (`minikube start` creates one)",
                                         "没有集群：kubectl 连不上任何集群（`minikube start` 可以创建一个）"),
                                     [], columns: style.width, indent: 2)
        }
        lines += dockerLines(map.docker)
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: The cluster

    func clusterLines(_ cluster: WorldMap.Cluster) -> [String] {
        var lines: [String] = []
        if cluster.nodes.isEmpty {
            lines.append(say("no nodes", "没有节点"))
        }
        let podRows = MapText.aligned(cluster.nodes.flatMap(\.pods).map { [$0.name, $0.status, $0.address] })
        var rowIndex = 0
        for node in cluster.nodes {
            let title = "node \(node.name)" + (node.address.isEmpty ? "" : " (\(node.address))")
            let rows = podRows[rowIndex..<(rowIndex + node.pods.count)]
            rowIndex += node.pods.count
            let content = rows.isEmpty ? [say("(no pods)", "（没有 pod）")] : Array(rows)
            lines += isCompact ? compactNode(title: title, rows: content) : box(title: title, rows: content)
        }
        if !cluster.unscheduledPods.isEmpty {
            lines += list(say("not on a node:", "尚未调度到节点："),
                          cluster.unscheduledPods.map { "\($0.name) \($0.status)" })
        }
        for service in cluster.services {
            let lead = "service \(service.name)  \(service.type) \(service.clusterAddress) →"
            let targets = service.targets.isEmpty ? [say("(no endpoints)", "（没有端点）")] : service.targets
            lines += list(lead, targets)
        }
        for controller in cluster.controllers {
            let lead = "\(controller.kind) \(controller.name)  \(controller.ready)/\(controller.desired)  "
                + say("owns", "拥有")
            let owned = controller.owned.isEmpty ? [say("nothing", "无")] : controller.owned
            lines += list(lead, owned)
        }
        return lines
    }

    /// A box `┌ title ──┐ │ row │ └──┘`, as wide as its widest line allows within the terminal.
    func box(title: String, rows: [String]) -> [String] {
        let widest = max(style.width - 4, 1)
        let inner = min(widest, max(MapText.width(title) + 2, rows.map(MapText.width).max() ?? 0))
        let shownTitle = MapText.cut(title, to: inner)
        let rule = String(repeating: "─", count: max(0, inner - MapText.width(shownTitle)))
        var lines = ["┌ " + styled(shownTitle) + " " + rule + "┐"]
        for row in rows {
            lines.append("│ " + MapText.padded(MapText.cut(row, to: inner), to: inner) + " │")
        }
        lines.append("└" + String(repeating: "─", count: inner + 2) + "┘")
        return lines
    }

    func compactNode(title: String, rows: [String]) -> [String] {
        [styled(MapText.cut(title, to: style.width))] + rows.map { MapText.cut("  " + $0, to: style.width) }
    }

    // MARK: Docker

    func dockerLines(_ docker: WorldMap.Docker) -> [String] {
        var lines: [String] = []
        if docker.containers.isEmpty {
            lines += list(say("docker (workstation): no containers", "docker（工作站）：没有容器"), [])
        } else {
            lines.append(say("docker (workstation):", "docker（工作站）："))
            let rows = docker.containers.map { [$0.name, $0.status, $0.image, $0.ports] }
            lines += MapText.aligned(rows).map { MapText.cut("  " + $0, to: style.width) }
        }
        lines += list(say("images:", "镜像："), docker.images.isEmpty ? [say("none", "无")] : docker.images)
        if !docker.registries.isEmpty {
            lines += list(say("registries:", "镜像仓库："), docker.registries.flatMap { registry in
                registry.repositories.map { registry.host + "/" + $0 }
            })
        }
        return lines
    }

    // MARK: Pieces

    /// `lead` and `items` on one line when they fit; otherwise wrapped, continuation lines indented.
    func list(_ lead: String, _ items: [String]) -> [String] {
        MapText.wrapped(lead, items, columns: style.width, indent: isCompact ? 2 : 4)
    }

    /// Bold, for titles only: styles are added after measuring, as escapes take no cells.
    func styled(_ text: String) -> String {
        style.styled(text, TextStyle.bold)
    }

    func say(_ english: String, _ chinese: String) -> String {
        language == .chinese ? chinese : english
    }
}
