import Eras
import Foundation
import Machine
import Simulation
import Testing
@testable import Docker

@Suite struct LayerTests {
    func tree(_ files: [String: String]) -> Directory {
        let fileSystem = FileSystem()
        for (path, text) in files {
            try? fileSystem.createDirectory(Paths.parent(path), intermediates: true)
            try? fileSystem.writeFile(path, Array(text.utf8))
        }
        return fileSystem.root
    }

    @Test func theDigestDependsOnContentNotOnOrder() {
        let one = Layer(entries: [LayerEntry(path: "/a", kind: .file, data: [1]), LayerEntry(path: "/b", kind: .file, data: [2])])
        let two = Layer(entries: [LayerEntry(path: "/b", kind: .file, data: [2]), LayerEntry(path: "/a", kind: .file, data: [1])])
        let three = Layer(entries: [LayerEntry(path: "/a", kind: .file, data: [9]), LayerEntry(path: "/b", kind: .file, data: [2])])
        #expect(one.digest == two.digest)
        #expect(one.digest != three.digest)
        #expect(one.digest.hasPrefix("sha256:") && one.digest.count == 71)
    }

    @Test func aDifferenceAppliedToTheOldTreeGivesTheNewOne() {
        let old = tree(["/etc/motd": "hi", "/app/a.js": "1", "/app/gone.js": "x"])
        let new = tree(["/etc/motd": "hi", "/app/a.js": "2", "/app/b/c.js": "3"])
        let layer = Layer.difference(from: old, to: new)
        #expect(layer.entries.contains { $0.path == "/app/gone.js" && $0.kind == .whiteout })
        #expect(!layer.entries.contains { $0.path == "/etc/motd" })
        var applied = old
        layer.apply(to: &applied)
        #expect(applied == new)
    }

    @Test func imageIDsAreTheDigestOfTheConfig() {
        let config = ImageConfig(config: ContainerConfig(command: ["sh"]), created: .worldEpoch, dockerVersion: Era.kubernetesInAction.docker.version,
                                 history: [], layerDigests: ["sha256:00"])
        var other = config
        other.config.command = ["bash"]
        #expect(Image(config: config).id == config.digest)
        #expect(Image(config: config).id != Image(config: other).id)
    }

    @Test func theHubSeedsTheBooksImagesWithPlausibleSizes() throws {
        let hub = Registry.dockerHub(era: Era.kubernetesInAction)
        let node = try #require(hub.manifest("library/node", tag: "7"))
        #expect(node.layers.reduce(0) { $0 + $1.size } / 1_000_000 == 660)
        #expect(hub.manifest("library/node", tag: "latest") == node)
        for (path, tag) in [("library/hello-world", "latest"), ("library/busybox", "latest"), ("library/alpine", "latest"),
                            ("library/ubuntu", "latest"), ("library/nginx", "alpine"), ("library/mongo", "latest"),
                            ("tutum/curl", "latest"), ("library/registry", "2")] {
            #expect(hub.manifest(path, tag: tag) != nil, "\(path):\(tag)")
        }
        #expect(Registry.dockerHub(era: Era.kubernetesInAction).state == hub.state)
    }

    @Test func onlyTheOwnerMayPushToANamespace() {
        let hub = Registry(host: "docker.io", requiresLogin: true)
        #expect(!hub.allowsPush(to: "luksa/kubia", by: nil))
        #expect(!hub.allowsPush(to: "luksa/kubia", by: "someone"))
        #expect(!hub.allowsPush(to: "library/node", by: "luksa"))
        #expect(hub.allowsPush(to: "luksa/kubia", by: "luksa"))
        #expect(Registry(host: "localhost:5000").allowsPush(to: "kubia", by: nil))
        #expect(!hub.acceptsLogin(user: "luksa", password: ""))
    }
}
