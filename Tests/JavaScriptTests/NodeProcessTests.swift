import Testing
import Machine
import Simulation
@testable import JavaScript

struct ScriptCase: CustomTestStringConvertible, Sendable {
    var source: String
    var stdout: String
    var stderr: String
    var status: Int32
    var testDescription: String { source }
}

@Suite struct NodeProcessTests {
    static let moduleFrames = [
        "Module._compile (module.js:571:32)", "Object.Module._extensions..js (module.js:580:10)", "Module.load (module.js:488:32)",
        "tryModuleLoad (module.js:447:12)", "Function.Module._load (module.js:439:3)", "Module.runMain (module.js:605:10)",
        "run (bootstrap_node.js:427:7)", "startup (bootstrap_node.js:151:9)", "bootstrap_node.js:542:3",
    ]
    static let runtimeFrames = moduleFrames.map { "    at \($0)\n" }.joined()

    static let wrapper = "(function (exports, require, module, __filename, __dirname) { "
    static let padding = String(repeating: " ", count: wrapper.count)

    static let cases: [ScriptCase] = [
        ScriptCase(source: "foo();", stdout: "",
                   stderr: "/app.js:1\n\(wrapper)foo();\n\(padding)^\n\nReferenceError: foo is not defined\n    at Object.<anonymous> (/app.js:1:63)\n" + runtimeFrames,
                   status: 1),
        ScriptCase(source: "throw 'just a string';", stdout: "",
                   stderr: "/app.js:1\n\(wrapper)throw 'just a string';\n\(padding)^\n\njust a string\n", status: 1),
        ScriptCase(source: "console.log('hello')", stdout: "hello\n", stderr: "", status: 0),
        ScriptCase(source: "console.error('oops %d', 42); process.exit(3)", stdout: "", stderr: "oops 42\n", status: 3),
        ScriptCase(source: "process.exitCode = 4", stdout: "", stderr: "", status: 4),
        ScriptCase(source: "var http = require('http');\nhttp.createServer(function (req, res) {\n  res.end('x');\n}.listen(8080);\n",
                   stdout: "", stderr: """
                   /app.js:4
                   }.listen(8080);
                                ^
                   SyntaxError: missing ) after argument list
                       at createScript (vm.js:53:10)
                       at Object.runInThisContext (vm.js:95:10)
                       at Module._compile (module.js:543:28)
                       at Object.Module._extensions..js (module.js:580:10)
                       at Module.load (module.js:488:32)
                       at tryModuleLoad (module.js:447:12)
                       at Function.Module._load (module.js:439:3)
                       at Module.runMain (module.js:605:10)
                       at run (bootstrap_node.js:427:7)
                       at startup (bootstrap_node.js:151:9)

                   """, status: 1),
        ScriptCase(source: "var http = require('http');\nfunction handle(request, response) {\n  response.end(\"hi\\n\";\n}\n",
                   stdout: "", stderr: "/app.js:3\n  response.end(\"hi\\n\";\n               ^^^^^^\nSyntaxError: missing ) after argument list\n",
                   status: 1),
        ScriptCase(source: "var a = (1 + 2;\n", stdout: "", stderr: "/app.js:1\n\(wrapper)var a = (1 + 2;\n\(padding)              ^\nSyntaxError: Unexpected token ;\n", status: 1),
        ScriptCase(source: "function f() {\n  return 1;\n", stdout: "", stderr: "/app.js:3\n\n^\nSyntaxError: Unexpected end of input\n", status: 1),
        ScriptCase(source: "var s = 'abc;\n", stdout: "", stderr: "/app.js:1\n\(wrapper)var s = 'abc;\n\(padding)        ^^^^^\nSyntaxError: Invalid or unexpected token\n", status: 1),
        ScriptCase(source: "// node 7 has no async functions\nasync function main() {}\n", stdout: "",
                   stderr: "/app.js:2\nasync function main() {}\n      ^^^^^^^^\nSyntaxError: Unexpected token function\n", status: 1),
        ScriptCase(source: "var x y;", stdout: "", stderr: "/app.js:1\n\(wrapper)var x y;\n\(padding)      ^\nSyntaxError: Unexpected identifier\n", status: 1),
        ScriptCase(source: "console.log('start');\n\n\n\n    foo();\n", stdout: "start\n",
                   stderr: "/app.js:5\n    foo();\n    ^\n\nReferenceError: foo is not defined\n    at Object.<anonymous> (/app.js:5:5)\n" + runtimeFrames,
                   status: 1),
        ScriptCase(source: "var o;\nconsole.log(o.foo);\n", stdout: "",
                   stderr: "/app.js:2\nconsole.log(o.foo);\n              ^\n\nTypeError: Cannot read property 'foo' of undefined\n    at Object.<anonymous> (/app.js:2:15)\n" + runtimeFrames,
                   status: 1),
        ScriptCase(source: "function explode() {\n  throw new Error('boom');\n}\nexplode();\n", stdout: "",
                   stderr: "/app.js:2\n  throw new Error('boom');\n  ^\n\nError: boom\n    at explode (/app.js:2:9)\n    at Object.<anonymous> (/app.js:4:1)\n"
                   + moduleFrames.dropLast().map { "    at \($0)\n" }.joined(),
                   status: 1),
        ScriptCase(source: "var os = require('os'); console.log(os.hostname(), os.platform(), os.type())", stdout: "box linux Linux\n", stderr: "", status: 0),
        ScriptCase(source: "console.log(process.argv, typeof process.env.PATH, process.version)",
                   stdout: "[ '/usr/local/bin/node', '/app.js' ] string v7.10.1\n", stderr: "", status: 0),
        ScriptCase(source: "try { require('fs').readFileSync('/nope.txt', 'utf8') } catch (e) { console.log(e.message, e.code, e.errno) }",
                   stdout: "ENOENT: no such file or directory, open '/nope.txt' ENOENT -2\n", stderr: "", status: 0),
        ScriptCase(source: "var fs = require('fs'); fs.writeFileSync('/t.txt', 'a'); fs.appendFileSync('/t.txt', 'b'); console.log(fs.readFileSync('/t.txt', 'utf8'), fs.existsSync('/t.txt'), fs.statSync('/t.txt').size, fs.statSync('/').isDirectory(), fs.readdirSync('/'))",
                   stdout: "ab true 2 true [ 'app.js', 't.txt' ]\n", stderr: "", status: 0),
        ScriptCase(source: "var fs = require('fs'); fs.writeFileSync('/b.txt', 'hey'); console.log(fs.readFileSync('/b.txt'), String(fs.readFileSync('/b.txt')))",
                   stdout: "<Buffer 68 65 79> hey\n", stderr: "", status: 0),
        ScriptCase(source: "require('fs').readFile('/app.js', 'utf8', function (err, data) { console.log(err, data.slice(0, 13)) })",
                   stdout: "null require('fs')\n", stderr: "", status: 0),
        ScriptCase(source: "try { require('nope') } catch (e) { console.log(e.message) }", stdout: "Cannot find module 'nope'\n", stderr: "", status: 0),
        ScriptCase(source: "var util = require('util'); console.log(util.format('%s=%j', 'a', { b: 1 }), util.inspect({ a: [1] }))",
                   stdout: "a={\"b\":1} { a: [ 1 ] }\n", stderr: "", status: 0),
        ScriptCase(source: "var u = require('url').parse('http://host:8080/p/a?x=1#h', true); console.log(u.hostname, u.port, u.pathname, u.query.x, u.hash)",
                   stdout: "host 8080 /p/a 1 #h\n", stderr: "", status: 0),
        ScriptCase(source: "Promise.reject(new Error('nobody cares')); setTimeout(function () { console.log('still running') }, 10)",
                   stdout: "still running\n",
                   stderr: "(node:1) UnhandledPromiseRejectionWarning: Unhandled promise rejection (rejection id: 1): Error: nobody cares\n"
                   + "(node:1) DeprecationWarning: Unhandled promise rejections are deprecated. In the future, promise rejections that are not handled will terminate the Node.js process with a non-zero exit code.\n",
                   status: 0),
        ScriptCase(source: "process.on('exit', function (code) { console.log('exit', code) }); console.log('main')",
                   stdout: "main\nexit 0\n", stderr: "", status: 0),
        ScriptCase(source: "process.nextTick(function () { console.log('tick') }); setImmediate(function () { console.log('immediate') }); console.log('main')",
                   stdout: "main\ntick\nimmediate\n", stderr: "", status: 0),
    ]

    @Test(arguments: cases)
    func script(_ testCase: ScriptCase) {
        let harness = NodeHarness(app: testCase.source, hostname: "box")
        harness.start(["node", "/app.js"])
        harness.loop.advance(by: .seconds(1))
        #expect(harness.stdout.text == testCase.stdout)
        if testCase.stderr.contains("    at ") || testCase.stderr.isEmpty {
            #expect(harness.stderr.text == testCase.stderr)
        } else {
            #expect(harness.stderr.text.hasPrefix(testCase.stderr))
        }
        #expect(harness.exitStatus == testCase.status)
    }

    @Test func aServerShowsNodesFootprintInPs() {
        let harness = NodeHarness(app: "require('http').createServer(function (q, r) { r.end('x'); }).listen(8080)")
        harness.start()
        #expect(harness.process?.isMultithreaded == true)
        #expect(harness.process?.virtualKilobytes == 676_380)
        #expect(harness.process?.residentKilobytes == 16_504)
    }

    @Test func endlessLoopIsKilledQuickly() {
        let harness = NodeHarness(app: "console.log('spinning');\nwhile (true) {}\n", program: NodeProgram(stepLimit: 200_000))
        let started = ContinuousClock.now
        harness.start()
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(harness.stdout.text == "spinning\n")
        #expect(harness.stderr.text == "node: killed: the script ran 200000 steps without returning to the event loop (an endless loop?)\n")
        #expect(harness.exitStatus == 137)
        #expect(harness.process?.terminatingSignal == .kill)
    }

    @Test func endlessLoopInARequestHandlerIsKilled() {
        let harness = NodeHarness(app: "require('http').createServer(function () { for (;;) {} }).listen(8080)", program: NodeProgram(stepLimit: 100_000))
        harness.start()
        _ = harness.request()
        #expect(harness.exitStatus == 137)
        #expect(!harness.server.networkStack.isListening(on: 8080))
    }

    @Test func timersRunOnVirtualTime() {
        let app = """
        var start = Date.now();
        setTimeout(function () { console.log('timeout after', Date.now() - start) }, 1500);
        var n = 0;
        var interval = setInterval(function () {
          n++;
          console.log('tick', n, new Date().toISOString());
          if (n == 3) clearInterval(interval);
        }, 1000);
        """
        let harness = NodeHarness(app: app)
        harness.start()
        #expect(harness.stdout.text == "")
        harness.loop.advance(by: .seconds(1))
        #expect(harness.stdout.text == "tick 1 2018-03-06T09:00:01.000Z\n")
        harness.loop.advance(by: .milliseconds(500))
        #expect(harness.stdout.text.hasSuffix("timeout after 1500\n"))
        #expect(harness.exitStatus == nil)
        harness.loop.advance(by: .seconds(2))
        #expect(harness.stdout.text == "tick 1 2018-03-06T09:00:01.000Z\ntimeout after 1500\ntick 2 2018-03-06T09:00:02.000Z\ntick 3 2018-03-06T09:00:03.000Z\n")
        #expect(harness.exitStatus == 0)
    }

    @Test func uncaughtErrorInACallbackEndsTheProcess() {
        let harness = NodeHarness(app: "setTimeout(function () {\n  undefinedThing.call();\n}, 10);\n")
        harness.start()
        harness.loop.advance(by: .seconds(1))
        #expect(harness.stderr.text == "/app.js:2\n  undefinedThing.call();\n  ^\n\nReferenceError: undefinedThing is not defined\n    at Timeout._onTimeout (/app.js:2:3)\n"
                + "    at ontimeout (timers.js:386:14)\n    at tryOnTimeout (timers.js:250:5)\n    at Timer.listOnTimeout (timers.js:214:5)\n")
        #expect(harness.exitStatus == 1)
    }

    @Test func commandLineForms() {
        let version = NodeHarness()
        version.start(["node", "--version"])
        #expect(version.stdout.text == "v7.10.1\n")
        #expect(version.exitStatus == 0)

        let eval = NodeHarness()
        eval.start(["node", "-e", "console.log(6 * 7)"])
        #expect(eval.stdout.text == "42\n")

        let fromStdin = NodeHarness()
        fromStdin.start(["node"], stdin: "console.log('from stdin')")
        #expect(fromStdin.stdout.text == "from stdin\n")

        let missing = NodeHarness()
        missing.start(["node", "missing.js"])
        #expect(missing.stderr.text.contains("Error: Cannot find module '/missing.js'\n"))
        #expect(missing.exitStatus == 1)
    }
}

@Suite struct NodeModuleTests {
    @Test func relativeRequireLoadsFilesOnce() throws {
        let harness = NodeHarness(app: "var a = require('./lib/greet'); var b = require('./lib/greet.js'); console.log(a.greet('you'), a === b, require('./data.json').n)")
        try harness.server.fileSystem.createDirectory("/lib")
        try harness.server.fileSystem.writeFile("/lib/greet.js", Array("console.log('loading'); exports.greet = function (who) { return 'hello ' + who + ' from ' + __filename }".utf8))
        try harness.server.fileSystem.writeFile("/data.json", Array("{\"n\": 3}".utf8))
        harness.start()
        #expect(harness.stdout.text == "loading\nhello you from /lib/greet.js true 3\n")
    }

    @Test func classesCanExtendErrorAndEventEmitter() {
        let app = """
        const EventEmitter = require('events');
        class NotWell extends Error {
          constructor(message) { super(message); this.name = 'NotWell'; }
        }
        class Door extends EventEmitter {
          open() { this.emit('open', 'wide'); }
        }
        try { throw new NotWell('sick') } catch (e) { console.log(e instanceof NotWell, e instanceof Error, e.message, String(e)) }
        const door = new Door();
        door.on('open', how => console.log('opened', how));
        door.open();
        """
        let harness = NodeHarness(app: app)
        harness.start()
        #expect(harness.stdout.text == "true true sick NotWell: sick\nopened wide\n")
    }

    @Test func headRequestsGetNoBody() {
        let harness = NodeHarness(app: kubiaApp)
        harness.start()
        #expect(harness.exchange("HEAD / HTTP/1.1\r\n\r\n") == "HTTP/1.1 200 OK\r\nDate: Tue, 06 Mar 2018 09:00:00 GMT\r\nConnection: keep-alive\r\n\r\n")
    }

    @Test func requestBodiesArriveAsEvents() {
        let app = """
        require('http').createServer(function (req, res) {
          var body = '';
          req.on('data', function (chunk) { body += chunk; });
          req.on('end', function () {
            res.setHeader('Content-Type', 'text/plain');
            res.statusCode = 201;
            res.end(req.method + ' ' + req.url + ' ' + req.headers['content-type'] + ' ' + body);
          });
        }).listen(8080);
        """
        let harness = NodeHarness(app: app)
        harness.start()
        let response = harness.exchange("PUT /things?x=1 HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")
        #expect(response == "HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\nDate: Tue, 06 Mar 2018 09:00:00 GMT\r\nConnection: close\r\nContent-Length: 32\r\n\r\nPUT /things?x=1 text/plain hello")
    }

    @Test func evalErrorsUseEvalFrames() {
        let harness = NodeHarness()
        harness.start(["node", "-e", "nope()"])
        #expect(harness.stderr.text.hasPrefix("[eval]:1\nnope()\n^\n\nReferenceError: nope is not defined\n    at [eval]:1:1\n    at ContextifyScript.Script.runInThisContext (vm.js:23:33)\n"))
        #expect(harness.exitStatus == 1)
    }
}

@Suite struct RunawayTests {
    @Test func anEndlessChainOfImmediatesLetsTimeMoveOn() {
        let harness = NodeHarness(app: "var n = 0; function again() { n++; setImmediate(again) } again(); setTimeout(function () { console.log(n > 1000); process.exit(0) }, 5)")
        harness.start()
        harness.loop.advance(by: .milliseconds(10))
        #expect(harness.stdout.text == "true\n")
        #expect(harness.exitStatus == 0)
    }

    @Test func catastrophicBacktrackingGivesUp() {
        let started = ContinuousClock.now
        #expect(output(of: "console.log(/(a+)+b/.test('" + String(repeating: "a", count: 40) + "'))") == "false\n")
        #expect(ContinuousClock.now - started < .seconds(10))
    }
}
