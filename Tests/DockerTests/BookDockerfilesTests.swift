import Testing
@testable import Docker

/// The Dockerfiles of the book's examples parse and resolve to the steps docker would run.
@Suite struct BookDockerfilesTests {
    private func steps(_ text: String) throws -> [Instruction] {
        let file = try Dockerfile(parsing: text)
        var variables = BuildVariables()
        var result: [Instruction] = []
        for instruction in file.instructions {
            let step = try instruction.resolve(with: variables, escape: file.escapeCharacter)
            if case .from = step { variables.beginStage(baseEnvironment: []) }
            variables.apply(step)
            result.append(step)
        }
        return result
    }

    @Test func batchJobUsesShellFormWithCommandSubstitutionLeftToTheShell() throws {
        let text = "FROM busybox\nENTRYPOINT echo \"$(date) Batch job starting\"; sleep 120; echo \"$(date) Finished succesfully\"\n\n"
        #expect(try steps(text) == [
            .from(image: "busybox", stageName: nil),
            .entrypoint(.shell("echo \"$(date) Batch job starting\"; sleep 120; echo \"$(date) Finished succesfully\"")),
        ])
    }

    @Test func ssdMonitorLoops() throws {
        #expect(try steps("FROM busybox\nENTRYPOINT while true; do echo 'SSD OK'; sleep 5; done\n\n").last ==
            .entrypoint(.shell("while true; do echo 'SSD OK'; sleep 5; done")))
    }

    @Test func fortuneArgsCombinesExecEntrypointAndCmd() throws {
        let text = "FROM ubuntu:latest\n\nRUN apt-get update ; apt-get -y install fortune\nADD fortuneloop.sh /bin/fortuneloop.sh\n\n"
            + "ENTRYPOINT [\"/bin/fortuneloop.sh\"]\nCMD [\"10\"]\n"
        let file = try Dockerfile(parsing: text)
        #expect(file.instructions.map(\.line) == [1, 3, 4, 6, 7])
        #expect(file.instructions.map(\.stepText) == [
            "FROM ubuntu:latest", "RUN apt-get update ; apt-get -y install fortune", "ADD fortuneloop.sh /bin/fortuneloop.sh",
            "ENTRYPOINT /bin/fortuneloop.sh", "CMD 10",
        ])
        #expect(try steps(text) == [
            .from(image: "ubuntu:latest", stageName: nil),
            .run(.shell("apt-get update ; apt-get -y install fortune")),
            .add(FileTransfer(sources: ["fortuneloop.sh"], destination: "/bin/fortuneloop.sh")),
            .entrypoint(.exec(["/bin/fortuneloop.sh"])),
            .cmd(.exec(["10"])),
        ])
    }

    @Test func kubiaRunsAsUserFive() throws {
        let text = "FROM node:7\nADD app.js /app.js\nUSER 5\nENTRYPOINT [\"node\", \"app.js\"]\n"
        #expect(try steps(text)[2] == .user("5"))
    }
}
