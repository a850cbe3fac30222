import Testing
@testable import Docker

@Suite struct DockerIgnoreTests {
    @Test func readsPatternsAsDockerDoes() throws {
        let ignore = try DockerIgnore(parsing: "# comment\n\n  node_modules/  \n!node_modules/keep\n/tmp/../build\n*.log\r\n")
        #expect(ignore.patterns == ["node_modules", "!node_modules/keep", "build", "*.log"])
        #expect(ignore.hasExceptions)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let patterns: [String]
        let path: String
        let excluded: Bool
        var testDescription: String { "\(patterns) \(path)" }
    }

    @Test(arguments: [
        Case(patterns: ["*.md"], path: "README.md", excluded: true),
        Case(patterns: ["*.md"], path: "docs/README.md", excluded: false),
        Case(patterns: ["*/*.md"], path: "docs/README.md", excluded: true),
        Case(patterns: ["**/*.md"], path: "a/b/c.md", excluded: true),
        Case(patterns: ["**/*.md"], path: "c.md", excluded: true),
        Case(patterns: ["docs/**"], path: "docs/a/b", excluded: true),
        Case(patterns: ["docs/**"], path: "docs", excluded: false),
        Case(patterns: ["node_modules"], path: "node_modules/express/index.js", excluded: true),
        Case(patterns: ["node_modules", "!node_modules/keep.js"], path: "node_modules/keep.js", excluded: false),
        Case(patterns: ["!app.js", "*"], path: "app.js", excluded: true),
        Case(patterns: ["*", "!app.js"], path: "app.js", excluded: false),
        Case(patterns: ["*", "!app.js"], path: "Dockerfile", excluded: true),
        Case(patterns: ["file?.txt"], path: "file1.txt", excluded: true),
        Case(patterns: ["file?.txt"], path: "file10.txt", excluded: false),
        Case(patterns: ["file[0-9].txt"], path: "file7.txt", excluded: true),
        Case(patterns: ["file[^0-9].txt"], path: "file7.txt", excluded: false),
        Case(patterns: ["a\\*b"], path: "a*b", excluded: true),
        Case(patterns: ["a\\*b"], path: "axb", excluded: false),
        Case(patterns: ["temp?"], path: "temp/x", excluded: false),
        Case(patterns: ["*/temp*"], path: "somedir/temporary.txt", excluded: true),
        Case(patterns: ["app.js"], path: "./app.js", excluded: true),
    ])
    func matches(_ example: Case) throws {
        let ignore = try DockerIgnore(patterns: example.patterns)
        #expect(ignore.excludes(example.path) == example.excluded)
    }

    @Test func alwaysSendsTheBuildFiles() throws {
        let ignore = try DockerIgnore(parsing: "*\n!app.js").keepingBuildFiles(dockerfile: "Dockerfile")
        #expect(ignore.patterns == ["*", "!app.js", "!.dockerignore", "!Dockerfile"])
        #expect(!ignore.excludes("Dockerfile") && !ignore.excludes(".dockerignore") && ignore.excludes("secret"))
        let plain = try DockerIgnore(parsing: "*.log").keepingBuildFiles()
        #expect(plain.patterns == ["*.log"])
    }

    @Test(arguments: [("!", "illegal exclusion pattern: \"!\""), ("file[", "syntax error in pattern"),
                      ("a\\", "syntax error in pattern")])
    func rejectsBadPatterns(_ text: String, _ message: String) {
        #expect(throws: DockerIgnoreError(message: message)) { try DockerIgnore(parsing: text) }
    }
}
