@testable import Kernel
@testable import Shell
import Testing
@testable import Userland

/// The coreutils as the shell runs them: pipelines, redirections, exit statuses.
@Suite struct CoreutilsShellIntegrationTests {
    @Test func bashPipesCoreutilsTogether() throws {
        let harness = CoreutilsHarness()
        try harness.write("/home/learner/fruit", "pear\napple\npear\n")
        let result = try harness.run(["bash", "-c", "sort fruit | uniq -c | sort -rn | head -n 1 > top; cat top; grep -q kiwi fruit; echo $?"])
        #expect(result.output == "      2 pear\n1\n")
        #expect(result.status == 0)
    }

    @Test func busyboxShellRunsItsApplets() throws {
        let harness = CoreutilsHarness(root: RootFileSystems.busybox(), hostname: "c0ffee")
        let result = try harness.run(["sh", "-c", "ls /etc | wc -l; cat /nope"], user: .root,
                                     environment: ["PATH": "/bin"], directory: "/")
        #expect(result.output == "3\n")
        #expect(result.error == "cat: can't open '/nope': No such file or directory\n")
        #expect(result.status == 1)
    }
}
