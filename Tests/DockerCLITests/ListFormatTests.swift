import Testing
@testable import Docker
@testable import DockerCLI
import Machine

/// `docker ps` and `docker images` with `--format`, `--filter` and `--digests`, as docker/cli
/// 17.12's formatter and the daemon's list filters print and select.
@Suite struct ListFormatTests {
    func worldWithContainers() throws -> TestWorld {
        let world = try TestWorld()
        _ = world.docker("pull", "busybox")
        _ = world.docker("run", "-d", "--name", "sleeper", "busybox", "sleep", "1000")
        _ = world.docker("run", "--name", "done", "busybox", "true")
        return world
    }

    @Test func psFormatsRowsAndTables() throws {
        let world = try worldWithContainers()
        #expect(world.docker("ps", "--format", "{{.Names}}: {{.Status}}").out == "sleeper: Up Less than a second\n")
        let names = world.docker("ps", "-a", "--format", "{{.Names}}").out
        #expect(names == "done\nsleeper\n")
        let table = world.docker("ps", "--format", "table {{.Names}}\\t{{.Image}}").out
        #expect(table == "NAMES               IMAGE\nsleeper             busybox\n")
        #expect(world.docker("ps", "--format", "{{.Command}}").out == "\"sleep 1000\"\n")
        let bad = world.docker("ps", "--format", "{{.Names")
        #expect(bad.err == "Template parsing error: template: :1: unclosed action\n\n")
        #expect(bad.status == 1)
    }

    @Test func psFilters() throws {
        let world = try worldWithContainers()
        #expect(world.docker("ps", "--filter", "status=exited", "--format", "{{.Names}}").out == "done\n")
        #expect(world.docker("ps", "-a", "-f", "name=sleep", "--format", "{{.Names}}").out == "sleeper\n")
        #expect(world.docker("ps", "-a", "-f", "name=^done$", "-q").out.count == 13)
        #expect(world.docker("ps", "-a", "-f", "exited=0", "--format", "{{.Names}}").out == "done\n")
        #expect(world.docker("ps", "-a", "-f", "ancestor=busybox", "--format", "{{.Names}}").out == "done\nsleeper\n")
        #expect(world.docker("ps", "-f", "publish=80").err == "Error response from daemon: the 'publish' filter is not simulated by KubeLab\n")
        let unknown = world.docker("ps", "-f", "colour=red")
        #expect(unknown.err == "Error response from daemon: Invalid filter 'colour'\n")
        #expect(unknown.status == 1)
    }

    @Test func imagesFormatFilterAndDigests() throws {
        let world = try worldWithContainers()
        #expect(world.docker("images", "--format", "{{.Repository}}:{{.Tag}}").out == "busybox:latest\n")
        #expect(world.docker("images", "--filter", "reference=busy*", "--format", "{{.Repository}}").out == "busybox\n")
        #expect(world.docker("images", "--filter", "reference=nothing*", "--format", "{{.Repository}}").out == "")
        #expect(world.docker("images", "--filter", "dangling=true", "-q").out == "")
        let digests = world.docker("images", "--digests").out.split(separator: "\n")
        #expect(digests[0].hasPrefix("REPOSITORY          TAG                 DIGEST                                                                    IMAGE ID"))
        #expect(digests[1].hasPrefix("busybox             latest              sha256:"))
        let table = world.docker("images", "--format", "table {{.Repository}}\\t{{.Tag}}").out
        #expect(table == "REPOSITORY          TAG\nbusybox             latest\n")
    }
}

@Suite struct ListFilterGlobTests {
    @Test(arguments: [
        ("busy*", "busybox", true), ("busy*", "busybox:latest", true), ("*box", "busybox", true), ("b?sybox", "busybox", true),
        ("*", "luksa/kubia", false), ("*/*", "luksa/kubia", true), ("kubia", "kubia:latest", false), ("", "", true),
    ])
    func matchesAsGoPathMatch(_ example: (String, String, Bool)) {
        #expect(ListFilters.glob(example.0, matches: example.1) == example.2)
    }

    @Test func longPatternsDoNotRecurse() {
        let pattern = String(repeating: "*a", count: 1_000)
        #expect(!ListFilters.glob(pattern, matches: String(repeating: "a", count: 1_000) + "b"))
        #expect(ListFilters.glob(pattern, matches: String(repeating: "a", count: 1_000)))
    }
}
