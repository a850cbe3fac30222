import StructuredData
import Testing
@testable import GoTemplates

@Suite struct GoTemplateTests {
    static let container: JSONValue = [
        "Id": "44d76963e8e1a7c1d1f4",
        "Name": "/kubia-container",
        "RestartCount": 0,
        "State": ["Status": "running", "Running": true, "Pid": 4242, "ExitCode": 0, "Error": ""],
        "Config": [
            "Hostname": "44d76963e8e1",
            "Env": ["PATH=/usr/bin", "NODE_VERSION=7.10.1"],
            "Cmd": nil,
            "Entrypoint": ["node", "app.js"],
            "Labels": ["maintainer": "luksa", "app.kind": "web"],
            "ExposedPorts": ["8080/tcp": [:]],
        ],
        "NetworkSettings": ["IPAddress": "172.17.0.2", "Ports": ["8080/tcp": [["HostIp": "0.0.0.0", "HostPort": "8080"]]]],
        "Ratio": 0.5,
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        let template: String
        let expected: String
        var testDescription: String { template }
    }

    @Test(arguments: [
        Case(template: "{{.Name}}", expected: "/kubia-container"),
        Case(template: "{{.State.Status}} {{.State.Running}} {{.State.Pid}}", expected: "running true 4242"),
        Case(template: "{{.NetworkSettings.IPAddress}}", expected: "172.17.0.2"),
        Case(template: "{{.Config.Env}}", expected: "[PATH=/usr/bin NODE_VERSION=7.10.1]"),
        Case(template: "{{.Config.Labels}}", expected: "map[app.kind:web maintainer:luksa]"),
        Case(template: "{{.Config.ExposedPorts}}", expected: "map[8080/tcp:map[]]"),
        Case(template: "{{.Config.Cmd}}", expected: "<no value>"),
        Case(template: "{{.Ratio}}", expected: "0.5"),
        Case(template: "{{json .Config.Entrypoint}}", expected: "[\"node\",\"app.js\"]"),
        Case(template: "{{json .State}}",
             expected: "{\"Status\":\"running\",\"Running\":true,\"Pid\":4242,\"ExitCode\":0,\"Error\":\"\"}"),
        Case(template: "{{index .Config.Labels \"maintainer\"}}", expected: "luksa"),
        Case(template: "{{index .Config.Labels \"missing\"}}", expected: "<no value>"),
        Case(template: "{{index .Config.Env 1}}", expected: "NODE_VERSION=7.10.1"),
        Case(template: "{{(index (index .NetworkSettings.Ports \"8080/tcp\") 0).HostPort}}", expected: "8080"),
        Case(template: "{{range .Config.Env}}[{{.}}]{{end}}", expected: "[PATH=/usr/bin][NODE_VERSION=7.10.1]"),
        Case(template: "{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}", expected: "app.kind=web;maintainer=luksa;"),
        Case(template: "{{range $i, $e := .Config.Entrypoint}}{{$i}}:{{$e}} {{end}}", expected: "0:node 1:app.js "),
        Case(template: "{{range .Config.Cmd}}x{{else}}none{{end}}", expected: "none"),
        Case(template: "{{if .State.Running}}up{{else}}down{{end}}", expected: "up"),
        Case(template: "{{if .State.Error}}err{{else if .State.Running}}running{{else}}other{{end}}", expected: "running"),
        Case(template: "{{with .State}}{{.Status}}{{end}}", expected: "running"),
        Case(template: "{{with .State.Error}}{{.}}{{else}}no error{{end}}", expected: "no error"),
        Case(template: "{{len .Config.Env}} {{len .Name}}", expected: "2 16"),
        Case(template: "{{lower \"ABC\"}} {{upper .State.Status}} {{title \"hello world\"}}", expected: "abc RUNNING Hello World"),
        Case(template: "{{join .Config.Env \",\"}}", expected: "PATH=/usr/bin,NODE_VERSION=7.10.1"),
        Case(template: "{{split \"a,b\" \",\"}}", expected: "[a b]"),
        Case(template: "{{.State.Status | upper}}", expected: "RUNNING"),
        Case(template: "{{.Name | printf \"%s!\"}}", expected: "/kubia-container!"),
        Case(template: "{{println .State.Pid \"x\"}}", expected: "4242 x\n"),
        Case(template: "{{print 1 2 \"a\" 3}}", expected: "1 2a3"),
        Case(template: "{{pad .State.Status 1 2}}|{{truncate .Name 6}}", expected: " running  |/kubia"),
        Case(template: "{{eq .State.ExitCode 0}} {{ne .State.Status \"exited\"}} {{lt 1 2}} {{ge 1 2}}", expected: "true true true false"),
        Case(template: "{{and .State.Running .Name}} {{or .State.Error \"fallback\"}} {{not .State.Running}}",
             expected: "/kubia-container fallback false"),
        Case(template: "{{$id := .Id}}{{$id}}", expected: "44d76963e8e1a7c1d1f4"),
        Case(template: "{{range .Config.Env}}{{$.Name}} {{end}}", expected: "/kubia-container /kubia-container "),
        Case(template: "a {{- \" b \" -}} c", expected: "a b c"),
        Case(template: "{{/* comment */}}x", expected: "x"),
        Case(template: "{{.Missing}}", expected: "<no value>"),
        Case(template: "{{.Missing.Deeper}}", expected: "<no value>"),
        Case(template: "{{\"quoted\\tstring\"}} {{`raw`}} {{3.5}} {{true}}", expected: "quoted\tstring raw 3.5 true"),
    ])
    func renders(_ example: Case) throws {
        let template = try GoTemplate(parsing: example.template)
        #expect(try template.render(Self.container) == example.expected)
    }

    @Test func printsTheWholeValueAsAGoMap() throws {
        let data: JSONValue = ["b": [1, 2], "a": ["x": nil, "big": 1_000_000.0]]
        #expect(try GoTemplate(parsing: "{{.}}").render(data) == "map[a:map[big:1e+06 x:<nil>] b:[1 2]]")
    }

    @Test(arguments: [
        Case(template: "{{.Name}", expected: "template: :1: unexpected \"}\" in operand"),
        Case(template: "{{.Name", expected: "template: :1: unclosed action"),
        Case(template: "{{foo .Name}}", expected: "template: :1: function \"foo\" not defined"),
        Case(template: "{{if .Name}}x", expected: "template: :1: unexpected EOF"),
        Case(template: "{{end}}", expected: "template: :1: unexpected {{end}}"),
        Case(template: "{{else}}", expected: "template: :1: unexpected {{else}}"),
        Case(template: "{{}}", expected: "template: :1: missing value for command"),
        Case(template: "{{if}}{{end}}", expected: "template: :1: missing value for if"),
        Case(template: "{{$x}}", expected: "template: :1: undefined variable \"$x\""),
        Case(template: "line1\n{{.A | 3}}", expected: "template: :2: non executable command in pipeline stage 2"),
        Case(template: "{{.A.}}", expected: "template: :1: unexpected <.> in operand"),
        Case(template: "{{\"a\".B}}", expected: "template: :1: unexpected . after term \"\\\"a\\\"\""),
        Case(template: "{{3x}}", expected: "template: :1: bad number syntax: \"3x\""),
        Case(template: "{{.A &}}", expected: "template: :1: unexpected \"&\" in operand"),
        Case(template: "{{.Name，}}", expected: "template: :1: bad character U+FF0C '，'"),
    ])
    func reportsParseErrors(_ example: Case) {
        #expect(throws: TemplateError(message: example.expected)) { try GoTemplate(parsing: example.template) }
    }

    @Test(arguments: [
        Case(template: "{{.Foo}}", expected: "template: :1:2: executing \"\" at <.Foo>: map has no entry for key \"Foo\""),
        Case(template: "{{.NetworkSettings.IPAddres}}",
             expected: "template: :1:18: executing \"\" at <.NetworkSettings.IPAddres>: map has no entry for key \"IPAddres\""),
        Case(template: "{{.Name.First}}", expected: "template: :1:7: executing \"\" at <.Name.First>: can't evaluate field First in type string"),
        Case(template: "{{.Config.Cmd.X}}", expected: "template: :1:9: executing \"\" at <.Config.Cmd.X>: nil pointer evaluating interface {}.X"),
        Case(template: "x\n {{index .Config.Env 5}}",
             expected: "template: :2:3: executing \"\" at <index .Config.Env 5>: error calling index: index out of range: 5"),
        Case(template: "{{len .State.Pid}}", expected: "template: :1:2: executing \"\" at <len .State.Pid>: error calling len: len of type int"),
        Case(template: "{{lower .State}}",
             expected: "template: :1:8: executing \"\" at <.State>: wrong type for value; expected string; got map[string]interface {}"),
        Case(template: "{{eq .State.Pid \"1\"}}",
             expected: "template: :1:2: executing \"\" at <eq .State.Pid \"1\">: error calling eq: incompatible types for comparison"),
        Case(template: "{{range .Name}}{{end}}", expected: "template: :1:8: executing \"\" at <.Name>: range can't iterate over /kubia-container"),
        Case(template: "{{lower}}", expected: "template: :1:2: executing \"\" at <lower>: wrong number of args for lower: want 1 got 0"),
        Case(template: "{{.Name 1}}", expected: "template: :1:2: executing \"\" at <.Name>: Name is not a method but has arguments"),
    ])
    func reportsExecutionErrors(_ example: Case) throws {
        let template = try GoTemplate(parsing: example.template)
        #expect(throws: TemplateError(message: example.expected)) { try template.render(Self.container, missingKey: .error) }
    }

    @Test func acceptsUnicodeLettersInFieldNames() throws {
        #expect(try GoTemplate(parsing: "{{.名字}}").render(["名字": "kubia"]) == "kubia")
    }

    @Test func wordsErrorsAsDockerInspect() {
        #expect(TemplateError(message: "template: :1: unclosed action").inspectMessage ==
            "Template parsing error: template: :1: unclosed action")
    }
}
