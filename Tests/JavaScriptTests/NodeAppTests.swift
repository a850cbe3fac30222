import Testing
import Machine
import Simulation
@testable import JavaScript

let kubiaApp = """
const http = require('http');
const os = require('os');

console.log("Kubia server starting...");

var handler = function(request, response) {
  console.log("Received request from " + request.connection.remoteAddress);
  response.writeHead(200);
  response.end("You've hit " + os.hostname() + "\\n");
};

var www = http.createServer(handler);
www.listen(8080);
"""

let unhealthyApp = """
const http = require('http');
const os = require('os');

console.log("Kubia server starting...");

var requestCount = 0;

var handler = function(request, response) {
  console.log("Received request from " + request.connection.remoteAddress);
  requestCount++;
  if (requestCount > 5) {
    response.writeHead(500);
    response.end("I'm not well. Please restart me!");
    return;
  }
  response.writeHead(200);
  response.end("You've hit " + os.hostname() + "\\n");
};

var www = http.createServer(handler);
www.listen(8080);
"""

let versionThreeApp = """
const http = require('http');
const os = require('os');

var requestCount = 0;

console.log("Kubia server starting...");

var handler = function(request, response) {
  console.log("Received request from " + request.connection.remoteAddress);
  if (++requestCount >= 5) {
    response.writeHead(500);
    response.end("Some internal error has occurred! This is pod " + os.hostname() + "\\n");
    return;
  }
  response.writeHead(200);
  response.end("This is v3 running in pod " + os.hostname() + "\\n");
};

var www = http.createServer(handler);
www.listen(8080);
"""

let petApp = """
const http = require('http');
const os = require('os');
const fs = require('fs');

const dataFile = "/var/data/kubia.txt";

function fileExists(file) {
  try {
    fs.statSync(file);
    return true;
  } catch (e) {
    return false;
  }
}

var handler = function(request, response) {
  if (request.method == 'POST') {
    var file = fs.createWriteStream(dataFile);
    file.on('open', function (fd) {
      request.pipe(file);
      console.log("New data has been received and stored.");
      response.writeHead(200);
      response.end("Data stored on pod " + os.hostname() + "\\n");
    });
  } else {
    var data = fileExists(dataFile) ? fs.readFileSync(dataFile, 'utf8') : "No data posted yet";
    response.writeHead(200);
    response.write("You've hit " + os.hostname() + "\\n");
    response.end("Data stored on this pod: " + data + "\\n");
  }
};

var www = http.createServer(handler);
www.listen(8080);
"""

let peersApp = """
const http = require('http');
const os = require('os');
const fs = require('fs');
const dns = require('dns');

const dataFile = "/var/data/kubia.txt";
const serviceName = "kubia.default.svc.cluster.local";
const port = 8080;

function fileExists(file) {
  try {
    fs.statSync(file);
    return true;
  } catch (e) {
    return false;
  }
}

function httpGet(reqOptions, callback) {
  return http.get(reqOptions, function(response) {
    var body = '';
    response.on('data', function(d) { body += d; });
    response.on('end', function() { callback(body); });
  }).on('error', function(e) {
    callback("Error: " + e.message);
  });
}

var handler = function(request, response) {
  if (request.method == 'POST') {
    var file = fs.createWriteStream(dataFile);
    file.on('open', function (fd) {
      request.pipe(file);
      response.writeHead(200);
      response.end("Data stored on pod " + os.hostname() + "\\n");
    });
  } else {
    response.writeHead(200);
    if (request.url == '/data') {
      var data = fileExists(dataFile) ? fs.readFileSync(dataFile, 'utf8') : "No data posted yet";
      response.end(data);
    } else {
      response.write("You've hit " + os.hostname() + "\\n");
      response.write("Data stored in the cluster:\\n");
      dns.resolveSrv(serviceName, function (err, addresses) {
        if (err) {
          response.end("Could not look up DNS SRV records: " + err);
          return;
        }
        var numResponses = 0;
        if (addresses.length == 0) {
          response.end("No peers discovered.");
        } else {
          addresses.forEach(function (item) {
            var requestOptions = { host: item.name, port: port, path: '/data' };
            httpGet(requestOptions, function (returnedData) {
              numResponses++;
              response.write("- " + item.name + ": " + returnedData + "\\n");
              if (numResponses == addresses.length) {
                response.end();
              }
            });
          });
        }
      });
    }
  }
};

var www = http.createServer(handler);
www.listen(port);
"""

@Suite struct NodeAppTests {
    @Test func kubiaAnswersWithItsHostname() {
        let harness = NodeHarness(app: kubiaApp)
        harness.start()
        #expect(harness.stdout.text == "Kubia server starting...\n")
        #expect(harness.request() == "You've hit kubia-7d9f8\n")
        #expect(harness.stdout.text == "Kubia server starting...\nReceived request from ::ffff:172.17.0.1\n")
        #expect(harness.exitStatus == nil)
    }

    @Test func responseHeadersAreNodes() {
        let harness = NodeHarness(app: kubiaApp)
        harness.start()
        let response = harness.exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(response == "HTTP/1.1 200 OK\r\nDate: Tue, 06 Mar 2018 09:00:00 GMT\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\nYou've hit kubia-7d9f8\n")
        let implicit = NodeHarness(app: "require('http').createServer(function(q, s) { s.end('ok') }).listen(8080)")
        implicit.start()
        #expect(implicit.exchange("GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
                == "HTTP/1.1 200 OK\r\nDate: Tue, 06 Mar 2018 09:00:00 GMT\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok")
    }

    @Test func unhealthyAppFailsFromTheSixthRequest() {
        let harness = NodeHarness(app: unhealthyApp)
        harness.start()
        let bodies = (1...7).map { _ in harness.request() }
        #expect(Array(bodies.prefix(5)) == Array(repeating: "You've hit kubia-7d9f8\n", count: 5))
        #expect(bodies[5] == "I'm not well. Please restart me!")
        #expect(harness.exchange("GET / HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 500 Internal Server Error\r\n"))
    }

    @Test func versionThreeFailsFromTheFifthRequest() {
        let harness = NodeHarness(app: versionThreeApp, hostname: "kubia-v3")
        harness.start()
        let bodies = (1...5).map { _ in harness.request() }
        #expect(bodies[3] == "This is v3 running in pod kubia-v3\n")
        #expect(bodies[4] == "Some internal error has occurred! This is pod kubia-v3\n")
    }

    @Test func editingTheAppChangesTheAnswer() {
        let harness = NodeHarness(app: kubiaApp.replacingOccurrences(of: "You've hit ", with: "This is v2 running in pod "))
        harness.start()
        #expect(harness.request() == "This is v2 running in pod kubia-7d9f8\n")
    }

    @Test func postedDataIsStoredAndServed() throws {
        let harness = NodeHarness(app: petApp, hostname: "kubia-0")
        try harness.server.fileSystem.createDirectory("/var/data", intermediates: true)
        harness.start()
        #expect(harness.request() == "You've hit kubia-0\nData stored on this pod: No data posted yet\n")
        #expect(harness.request("POST", body: "Hey there! This greeting was submitted to kubia-0.") == "Data stored on pod kubia-0\n")
        harness.loop.advance(by: .milliseconds(10))
        #expect(harness.stdout.text == "New data has been received and stored.\n")
        #expect(try harness.server.fileSystem.readFile("/var/data/kubia.txt") == Array("Hey there! This greeting was submitted to kubia-0.".utf8))
        #expect(harness.request() == "You've hit kubia-0\nData stored on this pod: Hey there! This greeting was submitted to kubia-0.\n")
    }

    @Test func peersAreFetchedWithHTTPGet() throws {
        // Two pods on one network: kubia-0 asks itself and kubia-1 through SRV records.
        let records: (Machine, String) -> [ServiceRecord]? = { _, name in
            name == "kubia.default.svc.cluster.local"
                ? [ServiceRecord(name: "kubia-0.kubia.default.svc.cluster.local", port: 8080),
                   ServiceRecord(name: "kubia-1.kubia.default.svc.cluster.local", port: 8080)]
                : nil
        }
        let harness = NodeHarness(app: peersApp, hostname: "kubia-0", program: NodeProgram(serviceRecords: records))
        let peer = Machine(hostname: "kubia-1", loop: harness.loop, fileSystem: FileSystem(), programs: ProgramRegistry(), network: harness.network)
        harness.network.assign("172.17.0.3", to: peer.networkStack)
        let hosts = "172.17.0.2 kubia-0.kubia.default.svc.cluster.local\n172.17.0.3 kubia-1.kubia.default.svc.cluster.local\n"
        try harness.server.fileSystem.createDirectory("/etc", intermediates: true)
        try harness.server.fileSystem.writeFile("/etc/hosts", Array(hosts.utf8))
        try harness.server.fileSystem.createDirectory("/var/data", intermediates: true)
        try harness.server.fileSystem.writeFile("/var/data/kubia.txt", Array("zero".utf8))
        try peer.fileSystem.writeFile("/app.js", Array(peersApp.utf8))
        _ = peer.launch(harness.program, arguments: ["node", "app.js"], environment: [:], workingDirectory: "/", user: .root,
                        stdin: EmptyReader(), stdout: CollectingStream(), stderr: CollectingStream())
        harness.start()
        let body = harness.request()
        #expect(body == "You've hit kubia-0\nData stored in the cluster:\n- kubia-0.kubia.default.svc.cluster.local: zero\n- kubia-1.kubia.default.svc.cluster.local: No data posted yet\n")

        let lonely = NodeHarness(app: peersApp, hostname: "kubia-0")
        lonely.start()
        #expect(lonely.request() == "You've hit kubia-0\nData stored in the cluster:\nCould not look up DNS SRV records: Error: querySrv ENOTFOUND kubia.default.svc.cluster.local")
    }

    @Test func gracefulShutdownOnSIGTERM() {
        let app = kubiaApp + """

        process.on('SIGTERM', function () {
          console.log("Received SIGTERM. Shutting down.");
          www.close(function () {
            console.log("HTTP server has shut down. Process exiting.");
            process.exit(0);
          });
        });
        """
        let harness = NodeHarness(app: app)
        let process = harness.start()
        _ = harness.request()
        process.signal(.terminate)
        harness.loop.runReady()
        #expect(harness.stdout.text.hasSuffix("Received SIGTERM. Shutting down.\nHTTP server has shut down. Process exiting.\n"))
        #expect(harness.exitStatus == 0)
        #expect(!harness.server.networkStack.isListening(on: 8080))
    }

    @Test func sigtermWithoutHandlerKills() {
        let harness = NodeHarness(app: kubiaApp)
        let process = harness.start()
        process.signal(.terminate)
        harness.loop.runReady()
        #expect(harness.exitStatus == 143)
        #expect(!harness.server.networkStack.isListening(on: 8080))
    }

    @Test func clientErrorsAreReported() {
        let app = """
        var http = require('http');
        http.get({ host: '172.17.0.9', port: 8080, path: '/' }, function() {}).on('error', function(e) { console.log(e.message, e.code) });
        http.get('http://127.0.0.1:9999/x', function() {}).on('error', function(e) { console.log(e.message) });
        http.get({ host: 'nowhere', port: 80 }, function() {}).on('error', function(e) { console.log(e.message) });
        """
        let harness = NodeHarness(app: app)
        harness.start()
        harness.loop.advance(by: .milliseconds(5))
        #expect(harness.stdout.text == "connect EHOSTUNREACH 172.17.0.9:8080 EHOSTUNREACH\nconnect ECONNREFUSED 127.0.0.1:9999\ngetaddrinfo ENOTFOUND nowhere nowhere:80\n")
        #expect(harness.exitStatus == 0)
    }

    @Test func addressInUseIsAnUnhandledErrorEvent() {
        let harness = NodeHarness(app: "var h = require('http'); h.createServer().listen(8080); h.createServer().listen(8080);")
        harness.start()
        harness.loop.runReady()
        #expect(harness.stderr.text.hasPrefix("events.js:163\n      throw er; // Unhandled 'error' event\n      ^\n\nError: listen EADDRINUSE :::8080\n"))
        #expect(harness.exitStatus == 1)
    }
}

let queriesPerSecondApp = """
var http = require('http');
var os = require('os');
var requests = [];

function queriesPerSecond() {
  var now = new Date().getTime();
  var count = 0;
  for (var time in requests) {
    if (requests.hasOwnProperty(time)) {
      if (time > now - 60000) {
        count += requests[time];
      } else {
        delete requests[time];
      }
    }
  }
  return count / 60;
}

http.createServer(function (request, response) {
  var now = new Date().getTime();
  requests[now] = (requests[now] || 0) + 1;
  response.writeHead(200);
  if (request.url == '/qps') {
    response.end("# TYPE qps gauge\\nqps " + queriesPerSecond() + "\\n");
  } else {
    response.end("You've hit " + os.hostname() + ". QPS is " + queriesPerSecond() + "\\n");
  }
}).listen(8080);
"""

@Suite struct QueriesPerSecondTests {
    @Test func sparseArrayCountsRequestsPerMillisecond() {
        let harness = NodeHarness(app: queriesPerSecondApp, hostname: "kubia-qps")
        harness.start()
        for _ in 0..<5 { _ = harness.request() }
        #expect(harness.request("GET", "/qps") == "# TYPE qps gauge\nqps 0.1\n")
        harness.loop.advance(by: .seconds(61))
        #expect(harness.request() == "You've hit kubia-qps. QPS is 0.016666666666666666\n")
    }

    @Test func runawayStringGrowthIsARangeError() {
        #expect(output(of: "try { 'x'.repeat(268435441) } catch (e) { console.log(e.name, e.message) }") == "RangeError Invalid string length\n")
    }
}

@Suite struct NodeImageTests {
    /// The way a container runs it: `node app.js` found along PATH in the node:7 image.
    @Test func nodeRunsFromTheImagesBinary() throws {
        let loop = EventLoop(seed: 1)
        let registry = ProgramRegistry()
        registerCoreutils(in: registry)
        NodeProgram.register(in: registry)
        let machine = Machine(hostname: "kubia-x1", loop: loop, fileSystem: FileSystem(root: RootFileSystems.node()), programs: registry, network: Network())
        try machine.fileSystem.writeFile("/app.js", Array("console.log(require('os').hostname(), process.argv.slice(1))".utf8))
        let output = CollectingStream()
        let process = try machine.start(["node", "app.js", "extra"], environment: ["PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                                        workingDirectory: "/", user: .root, stdin: EmptyReader(), stdout: output, stderr: output)
        loop.runReady()
        #expect(output.text == "kubia-x1 [ '/app.js', 'extra' ]\n")
        #expect(process.exitStatus == 0)
    }
}
