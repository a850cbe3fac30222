import Testing
@testable import Docker
@testable import DockerCLI
import Machine

/// The Docker 17.12 classic builder's own words (builder/dockerfile, remotecontext,
/// instructions.Parse) and the 17.12 client's refusal to tag with a digest.
@Suite struct BuilderFidelityTests {
    func build(_ dockerfile: String) throws -> TestWorld.Result {
        let world = try TestWorld()
        try world.write("/home/user/Dockerfile", dockerfile)
        return world.docker("build", ".")
    }

    @Test(arguments: [
        // Step lines show instructions.withNameAndCode's code: the source, trimmed.
        ("FROM scratch\nLABEL a=b   \t\n", "Step 1/2 : FROM scratch\n ---> \nStep 2/2 : LABEL a=b\n"),
        ("  FROM scratch  \nENV   A=1  \n", "Step 1/2 : FROM scratch\n ---> \nStep 2/2 : ENV   A=1\n"),
        // Parser.PrintWarnings runs before step 1, on the builder's stderr (red in the stream).
        ("FROM scratch\nLABEL a=b \\\n\n    c=d\n",
         "\n\u{1B}[91m[WARNING]: Empty continuation line found in:\n    LABEL a=b     c=d\n"
            + "[WARNING]: Empty continuation lines will become errors in a future release.\n\u{1B}[0mStep 1/2 : FROM scratch\n"),
    ])
    func printsWhatTheBuilderPrints(_ example: (String, String)) throws {
        let result = try build(example.0)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains(example.1), "\(result.out)")
    }

    @Test func commentLinesInsideAContinuationDoNotWarn() throws {
        let result = try build("FROM scratch\nLABEL a=b \\\n# a note\n    c=d\n")
        #expect(result.status == 0)
        #expect(!result.out.contains("WARNING"))
    }

    @Test(arguments: [
        // instructions.Parse checks every instruction before any step runs.
        ("FROM scratch\nLABEL a=b\nHEALTHCHECK --interval=0s CMD true\n",
         "Error response from daemon: Dockerfile parse error line 3: Interval \"interval\" cannot be less than 1ms\n"),
        ("FROM scratch\nLABEL a=b\nHEALTHCHECK --retries=0 CMD true\n",
         "Error response from daemon: Dockerfile parse error line 3: --retries must be at least 1 (not 0)\n"),
        ("FROM scratch\nCOPY --chmod=644 a b\n", "Error response from daemon: Dockerfile parse error line 2: Unknown flag: chmod\n"),
        ("FROM scratch\nLABEL a=b\nWORKDIR\n", "Error response from daemon: Dockerfile parse error line 3: WORKDIR requires exactly one argument\n"),
        ("FROM scratch\nLABEL a=b\nFROM busybox AS 1st\n",
         "Error response from daemon: Dockerfile parse error line 3: invalid name for build stage: \"1st\", name can't start with a number or contain symbols\n"),
        // remotecontext.readAndParseDockerfile, then the builder's last check.
        ("", "Error response from daemon: the Dockerfile (Dockerfile) cannot be empty\n"),
        ("# only a comment\n\n", "Error response from daemon: No image was generated. Is your Dockerfile empty?\n"),
    ])
    func refusesBeforeTheFirstStep(_ example: (String, String)) throws {
        let result = try build(example.0)
        #expect(result.status == 1)
        #expect(result.err == example.1)
        #expect(!result.out.contains("Step "))
    }

    @Test func expandedValuesAreStillCheckedWhenTheStepRuns() throws {
        let result = try build("FROM scratch\nARG PORT=x\nEXPOSE $PORT\n")
        #expect(result.out.contains("Step 3/3 : EXPOSE $PORT\n"))
        #expect(result.err == "Invalid containerPort: x\n")
    }

    @Test func tagRefusesADigestReference() throws {
        let world = try TestWorld()
        let digest = "sha256:" + String(repeating: "a", count: 64)
        let result = world.docker("tag", "busybox", "busybox@" + digest)
        #expect(result.err == "refusing to create a tag with a digest reference\n")
        #expect(result.status == 1)
    }
}
