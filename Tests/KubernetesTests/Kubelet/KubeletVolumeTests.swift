import Docker
@testable import KubernetesAPI
import Machine
import Simulation
import Testing

struct KubeletVolumeTests {
    /// Two containers of one pod mounting the volume `html`, the second one read-only.
    func sharingPod(volume: Volume) -> Pod {
        var writer = Container(name: "html-generator", image: "test/web")
        writer.volumeMounts = [VolumeMount(name: "html", mountPath: "/var/htdocs")]
        var reader = Container(name: "web-server", image: "test/web")
        reader.volumeMounts = [VolumeMount(name: "html", readOnly: true, mountPath: "/usr/share/nginx/html")]
        var spec = PodSpec(containers: [writer, reader])
        spec.volumes = [volume]
        return Pod(metadata: ObjectMeta(name: "fortune"), spec: spec)
    }

    func running(_ world: NodeFixture, _ containerName: String) throws -> Docker.Container {
        try #require(world.engines[0].containers.last { $0.name.hasPrefix("k8s_\(containerName)_") && $0.isRunning })
    }

    @Test(arguments: [nil, "Memory"] as [String?])
    func containersOfAPodShareAnEmptyDir(medium: String?) throws {
        let world = try NodeFixture()
        let created = try world.client.create(sharingPod(volume: Volume(name: "html", emptyDir: EmptyDirVolumeSource(medium: medium))))
        _ = world.timeline("fortune", for: .seconds(10))
        let writer = try running(world, "html-generator")
        let reader = try running(world, "web-server")
        try writer.machine.fileSystem.writeFile("/var/htdocs/index.html", Array("A fortune\n".utf8))
        #expect(try reader.machine.fileSystem.readFile("/usr/share/nginx/html/index.html") == Array("A fortune\n".utf8))
        #expect(throws: FileSystemError(.EROFS, "/usr/share/nginx/html/index.html")) {
            try reader.machine.fileSystem.writeFile("/usr/share/nginx/html/index.html", [])
        }
        let node = world.kubelets[0].machine.fileSystem
        let directory = "/var/lib/kubelet/pods/\(created.uid)/volumes/kubernetes.io~empty-dir/html"
        #expect(node.exists(directory + "/index.html"))
        #expect(try node.status(directory).metadata.mode == 0o777)
        #expect(node.mounts.contains { $0.target == directory && $0.type == "tmpfs" } == (medium == "Memory"))
        // The container's table shows what the bind is on: the node's disk or the tmpfs.
        #expect(reader.machine.fileSystem.procMounts.contains(medium == "Memory"
            ? "tmpfs /usr/share/nginx/html tmpfs ro,relatime 0 0\n" : "/dev/sda1 /usr/share/nginx/html ext4 ro,relatime,data=ordered 0 0\n"))
    }

    @Test func emptyDirSurvivesAContainerRestartButNotThePod() throws {
        let world = try NodeFixture()
        let created = try world.client.create(sharingPod(volume: Volume(name: "html", emptyDir: EmptyDirVolumeSource())))
        _ = world.timeline("fortune", for: .seconds(10))
        let first = try running(world, "html-generator")
        try first.machine.fileSystem.writeFile("/var/htdocs/kept", [1])
        try world.engines[0].kill(first)
        _ = world.timeline("fortune", for: .seconds(10))
        let second = try running(world, "html-generator")
        #expect(second !== first)
        #expect(try second.machine.fileSystem.readFile("/var/htdocs/kept") == [1])
        _ = try world.client.delete(Pod.self, namespace: "default", name: "fortune", options: DeleteOptions(gracePeriodSeconds: 0))
        _ = world.timeline("fortune", for: .seconds(40))
        #expect(world.get("fortune") == nil)
        let node = world.kubelets[0].machine.fileSystem
        #expect(!node.exists("/var/lib/kubelet/pods/\(created.uid)"))
        #expect(node.mounts.isEmpty)
    }

    @Test func hostPathMountsTheNodesDirectory() throws {
        let world = try NodeFixture()
        let node = world.kubelets[0].machine.fileSystem
        try node.createDirectory("/var/log/app", intermediates: true)
        try node.writeFile("/var/log/app/node.log", Array("on the node\n".utf8))
        var volume = Volume(name: "html")
        volume.hostPath = HostPathVolumeSource(path: "/var/log/app")
        _ = try world.client.create(sharingPod(volume: volume))
        _ = world.timeline("fortune", for: .seconds(10))
        let writer = try running(world, "html-generator")
        #expect(try writer.machine.fileSystem.readFile("/var/htdocs/node.log") == Array("on the node\n".utf8))
        try writer.machine.fileSystem.writeFile("/var/htdocs/from-pod", [7])
        #expect(try node.readFile("/var/log/app/from-pod") == [7])
        // Deleting the pod leaves the node's directory alone.
        _ = try world.client.delete(Pod.self, namespace: "default", name: "fortune", options: DeleteOptions(gracePeriodSeconds: 0))
        _ = world.timeline("fortune", for: .seconds(40))
        #expect(node.exists("/var/log/app/from-pod"))
    }

    @Test func subPathMountsADirectoryInsideTheVolume() throws {
        let world = try NodeFixture()
        var pod = sharingPod(volume: Volume(name: "html", emptyDir: EmptyDirVolumeSource()))
        pod.spec?.containers[1].volumeMounts = [VolumeMount(name: "html", mountPath: "/site", subPath: "public")]
        _ = try world.client.create(pod)
        _ = world.timeline("fortune", for: .seconds(10))
        let writer = try running(world, "html-generator")
        let reader = try running(world, "web-server")
        try writer.machine.fileSystem.writeFile("/var/htdocs/public/page", [1])
        #expect(try reader.machine.fileSystem.readFile("/site/page") == [1])
        #expect(try reader.machine.fileSystem.listDirectory("/site") == ["page"])
    }
}
