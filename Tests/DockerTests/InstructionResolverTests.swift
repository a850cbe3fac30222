import Testing
@testable import Docker

@Suite struct InstructionResolverTests {
    private func resolve(_ text: String, variables: BuildVariables = BuildVariables()) throws -> Instruction {
        let file = try Dockerfile(parsing: text)
        let instruction = try #require(file.instructions.last)
        return try instruction.resolve(with: variables, escape: file.escapeCharacter)
    }

    @Test func resolvesTheBookInstructions() throws {
        #expect(try resolve("FROM node:7") == .from(image: "node:7", stageName: nil))
        #expect(try resolve("FROM golang:1.9 AS Builder") == .from(image: "golang:1.9", stageName: "builder"))
        #expect(try resolve("ADD app.js /app.js") == .add(FileTransfer(sources: ["app.js"], destination: "/app.js")))
        #expect(try resolve("ENTRYPOINT [\"node\", \"app.js\"]") == .entrypoint(.exec(["node", "app.js"])))
        #expect(try resolve("ENTRYPOINT /bin/fortuneloop.sh") == .entrypoint(.shell("/bin/fortuneloop.sh")))
        #expect(try resolve("CMD [\"10\"]") == .cmd(.exec(["10"])))
        #expect(try resolve("USER 5") == .user("5"))
        #expect(try resolve("ENTRYPOINT") == .entrypoint(.exec([])))
    }

    @Test func shellFormRunsThroughTheShell() {
        #expect(CommandForm.shell("echo hi").arguments() == ["/bin/sh", "-c", "echo hi"])
        #expect(CommandForm.exec(["node", "app.js"]).arguments() == ["node", "app.js"])
        #expect(CommandForm.shell("").arguments(shell: ["bash", "-c"]) == ["bash", "-c"])
    }

    @Test func resolvesEnvironmentForms() throws {
        #expect(try resolve("ENV PATH /usr/bin:/bin") == .env([EnvironmentPair(name: "PATH", value: "/usr/bin:/bin")]))
        #expect(try resolve("ENV k=v k2=\"v 2\" k3=a\\ b") == .env([
            EnvironmentPair(name: "k", value: "v"), EnvironmentPair(name: "k2", value: "v 2"),
            EnvironmentPair(name: "k3", value: "a b"),
        ]))
        #expect(try resolve("LABEL version=\"1.0\" 'quoted key'=x") == .label([
            EnvironmentPair(name: "version", value: "1.0"), EnvironmentPair(name: "quoted key", value: "x"),
        ]))
        #expect(try resolve("ARG name") == .arg(name: "name", defaultValue: nil))
        #expect(try resolve("ARG name=default") == .arg(name: "name", defaultValue: "default"))
    }

    @Test func resolvesFilesPortsAndVolumes() throws {
        #expect(try resolve("COPY --chown=app:app --from=build a b /dest/") == .copy(
            FileTransfer(sources: ["a", "b"], destination: "/dest/", owner: "app:app", stage: "build")))
        #expect(try resolve("ADD [\"a b\", \"/c\"]") == .add(FileTransfer(sources: ["a b"], destination: "/c")))
        #expect(try resolve("EXPOSE 8080 8080/tcp 53/UDP 9000-9002") ==
            .expose(["53/udp", "8080/tcp", "9000/tcp", "9001/tcp", "9002/tcp"]))
        #expect(try resolve("VOLUME [\"/data\"]") == .volume(["/data"]))
        #expect(try resolve("VOLUME /a /b") == .volume(["/a", "/b"]))
        #expect(try resolve("STOPSIGNAL SIGKILL") == .stopSignal("SIGKILL"))
        #expect(try resolve("SHELL [\"/bin/bash\", \"-c\"]") == .shell(["/bin/bash", "-c"]))
    }

    @Test func resolvesHealthchecks() throws {
        #expect(try resolve("HEALTHCHECK NONE") == .healthcheck(.none))
        #expect(try resolve("HEALTHCHECK --interval=5m --timeout=3s --retries=2 CMD curl -f http://localhost/ || exit 1") ==
            .healthcheck(.check(test: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], interval: .seconds(300),
                                timeout: .seconds(3), startPeriod: nil, retries: 2)))
        #expect(try resolve("HEALTHCHECK CMD [\"ls\", \"/x\"]") ==
            .healthcheck(.check(test: ["CMD", "ls", "/x"], interval: nil, timeout: nil, startPeriod: nil, retries: nil)))
    }

    struct SubstitutionCase: Sendable, CustomTestStringConvertible {
        let word: String
        let expected: String
        var testDescription: String { word }
    }

    @Test(arguments: [
        SubstitutionCase(word: "$HOME", expected: "/root"),
        SubstitutionCase(word: "${HOME}/x", expected: "/root/x"),
        SubstitutionCase(word: "$HOMEx", expected: ""),
        SubstitutionCase(word: "${EMPTY:-default}", expected: "default"),
        SubstitutionCase(word: "${HOME:-default}", expected: "/root"),
        SubstitutionCase(word: "${HOME:+set}", expected: "set"),
        SubstitutionCase(word: "${MISSING:+set}", expected: ""),
        SubstitutionCase(word: "\\$HOME", expected: "$HOME"),
        SubstitutionCase(word: "'$HOME'", expected: "$HOME"),
        SubstitutionCase(word: "\"$HOME\"", expected: "/root"),
        SubstitutionCase(word: "\"a\\\"b\\q\"", expected: "a\"b\\q"),
        SubstitutionCase(word: "$", expected: "$"),
        SubstitutionCase(word: "a$1b", expected: "ab"),
        SubstitutionCase(word: "x\\", expected: "x"),
    ])
    func substitutesVariables(_ example: SubstitutionCase) throws {
        let expander = WordExpander(environment: ["HOME=/root", "EMPTY="])
        #expect(try expander.expand(example.word) == example.expected)
    }

    @Test func splitsExposeWordsAfterSubstitution() throws {
        let expander = WordExpander(environment: ["PORTS=80 443"])
        #expect(try expander.expandToWords("$PORTS \"a b\"") == ["80", "443", "a b"])
    }

    @Test func substitutionErrorsCarryTheLine() throws {
        let file = try Dockerfile(parsing: "FROM a\nENV x=${y:?oops}\nWORKDIR ${z\nUSER 'a")
        let variables = BuildVariables()
        #expect(throws: DockerfileError(stage: .step, line: 2, reason: "unsupported modifier (?) in substitution: ${y:?oops}")) {
            try file.instructions[1].resolve(with: variables)
        }
        #expect(throws: DockerfileError(stage: .step, line: 3, reason: "missing ':' in substitution: ${z")) {
            try file.instructions[2].resolve(with: variables)
        }
        #expect(throws: DockerfileError(stage: .step, line: 4,
                                        reason: "unexpected end of statement while looking for matching single-quote")) {
            try file.instructions[3].resolve(with: variables)
        }
    }

    @Test func scopesEnvAndArg() throws {
        let file = try Dockerfile(parsing: """
            ARG BASE=node
            ARG TAG
            FROM ${BASE}:${TAG:-7}
            ARG BASE
            ARG USERNAME=app
            ENV HOME=/home/$USERNAME
            ENV USERNAME=override
            WORKDIR $HOME/$USERNAME/$BASE
            RUN echo $HOME
            """)
        var variables = BuildVariables(buildArguments: ["TAG": "8", "UNUSED": "x"])
        var resolved: [Instruction] = []
        for instruction in file.instructions {
            let step = try instruction.resolve(with: variables)
            if case .from = step { variables.beginStage(baseEnvironment: ["PATH=/bin"]) }
            variables.apply(step)
            resolved.append(step)
        }
        #expect(resolved[2] == .from(image: "node:8", stageName: nil))
        #expect(resolved[5] == .env([EnvironmentPair(name: "HOME", value: "/home/app")]))
        #expect(resolved[7] == .workdir("/home/app/override/node"))
        #expect(resolved[8] == .run(.shell("echo $HOME")))
        #expect(variables.environment == ["PATH=/bin", "HOME=/home/app", "USERNAME=override"])
        #expect(variables.unconsumedBuildArgumentsWarning == "[Warning] One or more build-args [UNUSED] were not consumed")
    }

    @Test func metaArgumentsAreInvisibleInsideAStageUntilRedeclared() throws {
        let file = try Dockerfile(parsing: "ARG V=1\nFROM a\nWORKDIR /$V")
        var variables = BuildVariables()
        for instruction in file.instructions.prefix(2) {
            let step = try instruction.resolve(with: variables)
            if case .from = step { variables.beginStage(baseEnvironment: []) }
            variables.apply(step)
        }
        #expect(try file.instructions[2].resolve(with: variables) == .workdir("/"))
    }

    @Test func proxyBuildArgumentsNeedNoDeclaration() {
        var variables = BuildVariables(buildArguments: ["HTTP_PROXY": "http://proxy:3128", "no_proxy": nil])
        variables.beginStage(baseEnvironment: ["PATH=/bin"])
        #expect(variables.substitutionEnvironment == ["PATH=/bin", "HTTP_PROXY=http://proxy:3128"])
        #expect(variables.unconsumedBuildArgumentsWarning == nil)
    }

    struct StepErrorCase: Sendable, CustomTestStringConvertible {
        let text: String
        let message: String
        var testDescription: String { text }
    }

    @Test(arguments: [
        StepErrorCase(text: "FROM", message: "FROM requires either one or three arguments"),
        StepErrorCase(text: "FROM a b", message: "FROM requires either one or three arguments"),
        StepErrorCase(text: "FROM a AS 1x", message: "invalid name for build stage: \"1x\", name can't start with a number or contain symbols"),
        StepErrorCase(text: "ADD app.js", message: "ADD requires at least two arguments"),
        StepErrorCase(text: "COPY", message: "COPY requires at least two arguments"),
        // Shell-form sources split at blanks before quotes are read, as in docker.
        StepErrorCase(text: "COPY \"b c\" /x", message: "unexpected end of statement while looking for matching double-quote"),
        StepErrorCase(text: "ADD --from=x a b", message: "Unknown flag: from"),
        StepErrorCase(text: "COPY --chown a b", message: "Missing a value on flag: chown"),
        StepErrorCase(text: "COPY --chown=a --chown=b a b", message: "Duplicate flag specified: chown"),
        StepErrorCase(text: "RUN --mount=type=cache ls", message: "Unknown flag: mount"),
        StepErrorCase(text: "ENV", message: "ENV requires at least one argument"),
        StepErrorCase(text: "ENV =x", message: "ENV names can not be blank"),
        StepErrorCase(text: "LABEL", message: "LABEL requires at least one argument"),
        StepErrorCase(text: "ARG", message: "ARG requires exactly one argument"),
        StepErrorCase(text: "ARG a b", message: "ARG requires exactly one argument"),
        StepErrorCase(text: "ARG =x", message: "ARG names can not be blank"),
        StepErrorCase(text: "WORKDIR", message: "WORKDIR requires exactly one argument"),
        StepErrorCase(text: "USER", message: "USER requires exactly one argument"),
        StepErrorCase(text: "MAINTAINER", message: "MAINTAINER requires exactly one argument"),
        StepErrorCase(text: "EXPOSE", message: "EXPOSE requires at least one argument"),
        StepErrorCase(text: "EXPOSE http", message: "Invalid containerPort: http"),
        StepErrorCase(text: "EXPOSE 80/sctp", message: "Invalid proto: sctp"),
        StepErrorCase(text: "VOLUME", message: "VOLUME requires at least one argument"),
        StepErrorCase(text: "VOLUME [\"\"]", message: "VOLUME specified can not be an empty string"),
        StepErrorCase(text: "STOPSIGNAL", message: "STOPSIGNAL requires exactly one argument"),
        StepErrorCase(text: "STOPSIGNAL SIGFOO", message: "Invalid signal: SIGFOO"),
        StepErrorCase(text: "SHELL /bin/bash -c", message: "SHELL requires the arguments to be in JSON form"),
        StepErrorCase(text: "SHELL []", message: "SHELL requires at least one argument"),
        StepErrorCase(text: "HEALTHCHECK", message: "HEALTHCHECK requires at least one argument"),
        StepErrorCase(text: "HEALTHCHECK NONE x", message: "HEALTHCHECK NONE takes no arguments"),
        StepErrorCase(text: "HEALTHCHECK CMD", message: "Missing command after HEALTHCHECK CMD"),
        StepErrorCase(text: "HEALTHCHECK RUN x", message: "Unknown type \"RUN\" in HEALTHCHECK (try CMD)"),
        StepErrorCase(text: "HEALTHCHECK --interval=0s CMD x", message: "Interval \"interval\" cannot be less than 1ms"),
        StepErrorCase(text: "HEALTHCHECK --timeout=5 CMD x", message: "time: missing unit in duration 5"),
        StepErrorCase(text: "HEALTHCHECK --retries=0 CMD x", message: "--retries must be at least 1 (not 0)"),
        StepErrorCase(text: "ONBUILD ONBUILD RUN x", message: "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"),
        StepErrorCase(text: "ONBUILD FROM x", message: "FROM isn't allowed as an ONBUILD trigger"),
    ])
    func reportsStepErrors(_ example: StepErrorCase) throws {
        let file = try Dockerfile(parsing: "FROM base\n" + example.text)
        do {
            _ = try file.instructions[1].resolve(with: BuildVariables())
            Issue.record("expected an error")
        } catch {
            #expect(error.message == example.message)
            #expect(error.stage == .step)
            #expect(error.line == 2)
        }
    }
}
