import Testing
@testable import Docker

@Suite struct DockerfileParserTests {
    @Test func parsesTheBookKubiaDockerfile() throws {
        let file = try Dockerfile(parsing: "FROM node:7\nADD app.js /app.js\nENTRYPOINT [\"node\", \"app.js\"]\n")
        #expect(file.stepCount == 3)
        let entrypoint = file.instructions[2]
        #expect(entrypoint.keyword == "entrypoint")
        #expect(entrypoint.arguments == ["node", "app.js"])
        #expect(entrypoint.isJSONForm)
        #expect(entrypoint.line == 3)
        #expect(entrypoint.original == "ENTRYPOINT [\"node\", \"app.js\"]")
        #expect(file.instructions.map(\.stepText) == ["FROM node:7", "ADD app.js /app.js", "ENTRYPOINT node app.js"])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let keyword: String
        let arguments: [String]
        var isJSON = false
        var line = 1
        var testDescription: String { text }
    }

    @Test(arguments: [
        Case(text: "from busybox", keyword: "from", arguments: ["busybox"]),
        Case(text: "  Run echo hi   ", keyword: "run", arguments: ["echo hi"]),
        Case(text: "RUN apt-get update ; \\\n    apt-get -y install fortune", keyword: "run",
             arguments: ["apt-get update ;     apt-get -y install fortune"]),
        Case(text: "RUN a \\\n# comment inside\n  \\\n b", keyword: "run", arguments: ["a    b"]),
        Case(text: "# comment\n\nFROM a", keyword: "from", arguments: ["a"], line: 3),
        Case(text: "# escape=`\nRUN dir `\n c:\\", keyword: "run", arguments: ["dir  c:\\"], line: 2),
        Case(text: "RUN [\"a\", \"b c\"]", keyword: "run", arguments: ["a", "b c"], isJSON: true),
        Case(text: "RUN [\"a\", ]", keyword: "run", arguments: ["[\"a\", ]"]),
        Case(text: "CMD [\"sh\"] trailing", keyword: "cmd", arguments: ["sh"], isJSON: true),
        Case(text: "CMD [\"\\u0041\\n\"]", keyword: "cmd", arguments: ["A\n"], isJSON: true),
        Case(text: "ENV key value with spaces", keyword: "env", arguments: ["key", "value with spaces"]),
        Case(text: "ENV k=v k2=\"v 2\"", keyword: "env", arguments: ["k", "v", "k2", "\"v 2\""]),
        Case(text: "LABEL a=b c=\"d e\"", keyword: "label", arguments: ["a", "b", "c", "\"d e\""]),
        Case(text: "ARG version=1", keyword: "arg", arguments: ["version=1"]),
        Case(text: "EXPOSE 8080   8081/udp", keyword: "expose", arguments: ["8080", "8081/udp"]),
        Case(text: "VOLUME [\"/a\"]", keyword: "volume", arguments: ["/a"], isJSON: true),
        Case(text: "VOLUME /a /b", keyword: "volume", arguments: ["/a", "/b"]),
        Case(text: "COPY a b /dest/", keyword: "copy", arguments: ["a", "b", "/dest/"]),
        Case(text: "HEALTHCHECK --interval=5s CMD curl -f x", keyword: "healthcheck", arguments: ["CMD", "curl -f x"]),
        Case(text: "USER 5", keyword: "user", arguments: ["5"]),
        Case(text: "ENTRYPOIN [\"node\"]", keyword: "entrypoin", arguments: []),
    ])
    func splitsArguments(_ example: Case) throws {
        var parser = DockerfileParser(text: example.text)
        let file = try parser.parse()
        let instruction = try #require(file.instructions.last)
        #expect(instruction.keyword == example.keyword)
        #expect(instruction.arguments == example.arguments)
        #expect(instruction.isJSONForm == example.isJSON)
        #expect(instruction.line == example.line)
    }

    @Test func keepsFlagsAndLineSpans() throws {
        let file = try Dockerfile(parsing: "FROM a\nADD --chown=1:2 \\\n  app.js \\\n  /app.js\nRUN x")
        let add = file.instructions[1]
        #expect(add.flags == ["--chown=1:2"])
        #expect(add.arguments == ["app.js", "/app.js"])
        #expect(add.line == 2 && add.endLine == 4)
        #expect(add.stepText == "ADD --chown=1:2 app.js /app.js")
        #expect(file.instructions[2].line == 5)
    }

    @Test func directivesOnlyCountAtTheTop() throws {
        // A `# syntax=` line is an ordinary comment in 17.x and ends the directive header.
        let late = try Dockerfile(parsing: "# syntax=docker/dockerfile\n# escape=`\nFROM a")
        #expect(late.escapeCharacter == "\\")
        #expect(throws: DockerfileError.unknownInstruction(">", line: 6)) {
            try Dockerfile(parsing: "# syntax=docker/dockerfile\n# escape=`\nFROM scratch\nADD a /\nRUN echo \"hi\" `\n> /x")
        }
        let early = try Dockerfile(parsing: "# escape=`\nFROM a")
        #expect(early.escapeCharacter == "`")
    }

    @Test func onbuildKeepsItsTrigger() throws {
        let file = try Dockerfile(parsing: "FROM a\nONBUILD RUN echo hi")
        let onbuild = file.instructions[1]
        #expect(onbuild.trigger.first?.keyword == "run")
        #expect(onbuild.stepText == "ONBUILD run echo hi")
        #expect(try onbuild.resolve(with: BuildVariables()) == .onbuild("RUN echo hi"))
    }

    @Test func warnsAboutEmptyContinuationLines() throws {
        let file = try Dockerfile(parsing: "FROM a\nRUN a \\\n\n b")
        #expect(file.warnings == [
            "[WARNING]: Empty continuation line found in:\n    RUN a  b",
            "[WARNING]: Empty continuation lines will become errors in a future release.",
        ])
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let text: String
        let message: String
        let stage: DockerfileError.Stage
        var testDescription: String { text }
    }

    @Test(arguments: [
        ErrorCase(text: "FROM node:7\nADD app.js /app.js\nENTRYPOIN [\"node\"]",
                  message: "Dockerfile parse error line 3: unknown instruction: ENTRYPOIN", stage: .check),
        ErrorCase(text: "FROM a\n\n# x\nfoo bar \\\n baz",
                  message: "Dockerfile parse error line 4: unknown instruction: FOO", stage: .check),
        ErrorCase(text: "FROM a\nONBUILD", message: "Dockerfile parse error line 2: ONBUILD requires at least one argument",
                  stage: .check),
        ErrorCase(text: "# escape=x\nFROM a", message: "invalid ESCAPE 'x'. Must be ` or \\", stage: .parse),
        ErrorCase(text: "# escape=`\n# escape=`\nFROM a", message: "only one escape parser directive can be used", stage: .parse),
        ErrorCase(text: "FROM a\nCMD [\"a\", 1]",
                  message: "when using JSON array syntax, arrays must be comprised of strings only", stage: .parse),
        ErrorCase(text: "FROM a\nENV onlykey", message: "ENV must have two arguments", stage: .parse),
        ErrorCase(text: "FROM a\nLABEL a=b c", message: "Syntax error - can't find = in \"c\". Must be of the form: name=value",
                  stage: .parse),
    ])
    func reportsParseErrors(_ example: ErrorCase) {
        do {
            _ = try Dockerfile(parsing: example.text)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == example.message)
            #expect(error.stage == example.stage)
        }
    }
}
