import Docker
import DockerCLI
import Machine
import Testing

@Suite struct MemoryLimitTests {
    @Test func aMemoryLimitShowsInInspectAndInTheContainersCgroup() throws {
        let world = try TestWorld()
        _ = world.docker("run", "-d", "--name", "limited", "-m", "64m", "busybox", "sleep", "3600")
        #expect(world.docker("inspect", "-f", "{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}", "limited").out == "67108864 134217728\n")
        #expect(world.docker("exec", "limited", "cat", "/sys/fs/cgroup/memory/memory.limit_in_bytes").out == "67108864\n")
        _ = world.docker("run", "-d", "--name", "free", "busybox", "sleep", "3600")
        #expect(world.docker("inspect", "-f", "{{.HostConfig.Memory}}", "free").out == "0\n")
        #expect(world.docker("exec", "free", "cat", "/sys/fs/cgroup/memory/memory.limit_in_bytes").out == "9223372036854771712\n")
    }

    @Test(arguments: [
        ("1m", "docker: Error response from daemon: Minimum memory limit allowed is 4MB.\nSee 'docker run --help'.\n"),
        ("abc", "docker: invalid argument \"abc\" for \"-m, --memory\" flag: invalid size: 'abc'.\nSee 'docker run --help'.\n"),
    ])
    func badLimitsAreRefused(limit: String, message: String) throws {
        let world = try TestWorld()
        _ = world.docker("pull", "busybox")
        let result = world.docker("run", "-m", limit, "busybox", "true")
        #expect(result.err == message)
        #expect(result.status == 125)
    }

    @Test(arguments: [("64m", Int64(67_108_864)), ("1g", Int64(1_073_741_824)), ("512k", Int64(524_288)), ("100", Int64(100)), ("2MB", Int64(2_097_152))])
    func sizesParseAsDockerReadsThem(text: String, bytes: Int64) {
        #expect(MemorySize.bytes(parsing: text) == bytes)
    }
}
