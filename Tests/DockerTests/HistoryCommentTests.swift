import Testing
@testable import Docker

@Suite struct HistoryCommentTests {
    @Test(arguments: [
        (Instruction.entrypoint(.exec(["node", "app.js"])), "ENTRYPOINT [\"node\" \"app.js\"]"),
        (.entrypoint(.shell("/bin/fortuneloop.sh")), "ENTRYPOINT [\"/bin/sh\" \"-c\" \"/bin/fortuneloop.sh\"]"),
        (.entrypoint(.exec([])), "ENTRYPOINT []"),
        (.cmd(.exec(["10"])), "CMD [\"10\"]"),
        (.env([EnvironmentPair(name: "A", value: "1"), EnvironmentPair(name: "B", value: "x y")]), "ENV A=1 B=x y"),
        (.label([EnvironmentPair(name: "version", value: "1.0")]), "LABEL version=1.0"),
        (.arg(name: "V", defaultValue: "1"), "ARG V=1"),
        (.arg(name: "V", defaultValue: nil), "ARG V"),
        (.expose(["53/udp", "8080/tcp"]), "EXPOSE 53/udp 8080/tcp"),
        (.volume(["/data", "/logs"]), "VOLUME [/data /logs]"),
        (.user("5"), "USER [5]"),
        (.stopSignal("SIGKILL"), "STOPSIGNAL [SIGKILL]"),
        (.shell(["/bin/bash", "-c"]), "SHELL [/bin/bash -c]"),
        (.onbuild("RUN echo hi"), "ONBUILD RUN echo hi"),
        (.maintainer("Marko Luksa"), "MAINTAINER Marko Luksa"),
        (.healthcheck(.none), "HEALTHCHECK &{[\"NONE\"] \"0s\" \"0s\" \"0s\" '\\x00'}"),
        (.healthcheck(.check(test: ["CMD-SHELL", "curl -f x"], interval: .seconds(300), timeout: .milliseconds(1500),
                             startPeriod: nil, retries: 3)),
         "HEALTHCHECK &{[\"CMD-SHELL\" \"curl -f x\"] \"5m0s\" \"1.5s\" \"0s\" '\\x03'}"),
    ])
    func describesMetadataSteps(_ instruction: Instruction, _ expected: String) {
        #expect(instruction.historyComment() == expected)
    }

    @Test func leavesFilesystemStepsToTheBuilder() {
        #expect(Instruction.run(.shell("ls")).historyComment() == nil)
        #expect(Instruction.add(FileTransfer(sources: ["a"], destination: "/a")).historyComment() == nil)
        #expect(Instruction.from(image: "node:7", stageName: nil).historyComment() == nil)
    }

    @Test func formatsTheNoOperationLine() {
        #expect(Instruction.noOperationCreatedBy("CMD [\"10\"]") == "/bin/sh -c #(nop)  CMD [\"10\"]")
    }

    @Test func resolvesWorkingDirectories() {
        #expect(WorkingDirectory.resolve(current: "/app", requested: "src/../lib") == "/app/lib")
        #expect(WorkingDirectory.resolve(current: "", requested: "app") == "/app")
        #expect(WorkingDirectory.resolve(current: "/x", requested: "/abs//dir") == "/abs//dir")
        #expect(WorkingDirectory.historyComment("/app") == "WORKDIR /app")
    }

    @Test(arguments: [(Duration.zero, "0s"), (.nanoseconds(100), "100ns"), (.microseconds(1500), "1.5ms"),
                      (.milliseconds(500), "500ms"), (.seconds(30), "30s"), (.seconds(90), "1m30s"),
                      (.seconds(3600), "1h0m0s"), (.milliseconds(2250), "2.25s")])
    func printsGoDurations(_ duration: Duration, _ expected: String) {
        #expect(GoDurationText.string(duration) == expected)
    }
}
