import Kernel
import Userland
import Simulation

extension StandardImages {
    /// `luksa/kubia-unhealthy` (the book's `Chapter04/kubia-unhealthy`): node:7 with a server on
    /// port 8080 that answers the first five requests and 500 to every later one, so that a
    /// liveness probe sees it fail.
    public static var luksaKubiaUnhealthy: BaseImageDefinition {
        let created = date(1_494_763_200) // 2017-05-14
        let bytes = Array(unhealthyApplication.utf8)
        var root = RootFileSystems.node()
        root.entries["app.js"] = .file(.bytes(bytes), FileMetadata(mode: 0o644, modified: created))
        var definition = node
        definition.name = ImageName(path: "luksa/kubia-unhealthy")
        definition.root = root
        definition.layerSizes += [bytes.count]
        // As the legacy builder records an ADD: the file's content digest.
        definition.metadataCommands = ["/bin/sh -c #(nop) ADD file:\(ContentDigest.hex(bytes)) in /app.js ",
                                       "/bin/sh -c #(nop)  ENTRYPOINT [\"node\" \"app.js\"]"]
        definition.config.entrypoint = ["node", "app.js"]
        definition.config.command = nil
        definition.created = created
        definition.aliases = []
        return definition
    }

    /// The chapter-4 server, in our words: the same port, log lines and answers.
    static let unhealthyApplication = """
        const http = require('http');
        const os = require('os');

        console.log("Kubia server starting...");

        var requestCount = 0;

        http.createServer(function (request, response) {
          console.log("Received request from " + request.connection.remoteAddress);
          requestCount++;
          if (requestCount > 5) {
            response.writeHead(500);
            response.end("I'm not well. Please restart me!");
            return;
          }
          response.writeHead(200);
          response.end("You've hit " + os.hostname() + "\\n");
        }).listen(8080);

        """
}
