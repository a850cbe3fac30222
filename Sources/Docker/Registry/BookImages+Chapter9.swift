import Kernel
import Userland
import Simulation

/// The versioned `luksa/kubia` images of the book's chapter 9 (`v1/`–`v4/`): node:7 with an
/// app.js that names its version. What each one answers comes from that file alone.
extension StandardImages {
    /// `luksa/kubia:v1`, `:v2`, `:v3` and `:v4`, each built only when first pulled.
    static var chapter9Images: [DeferredImage] {
        ["v1", "v2", "v3", "v4"].map { tag in
            DeferredImage(ImageName(path: "luksa/kubia", tag: tag)) { versionedKubia(tag: tag) }
        }
    }

    /// node:7 plus the version's app.js, as `FROM node:7`, `ADD app.js /app.js`,
    /// `ENTRYPOINT ["node", "app.js"]` builds it.
    static func versionedKubia(tag: String) -> BaseImageDefinition {
        let created = date(1_497_312_000) // 2017-06-13
        let application = tag == "v3" ? failingKubiaApplication : versionedKubiaApplication(tag)
        let bytes = Array(application.utf8)
        var root = RootFileSystems.node()
        root.entries["app.js"] = .file(.bytes(bytes), FileMetadata(mode: 0o644, modified: created))
        var definition = node
        definition.name = ImageName(path: "luksa/kubia", tag: tag)
        definition.root = root
        definition.layerSizes += [bytes.count]
        definition.metadataCommands = ["/bin/sh -c #(nop) ADD file:\(ContentDigest.hex(bytes)) in /app.js ",
                                       "/bin/sh -c #(nop)  ENTRYPOINT [\"node\" \"app.js\"]"]
        definition.config.entrypoint = ["node", "app.js"]
        definition.config.command = nil
        definition.created = created
        definition.aliases = []
        return definition
    }

    /// v1, v2 and v4: every request is answered with the version and the pod's hostname.
    static func versionedKubiaApplication(_ version: String) -> String {
        """
        const http = require('http');
        const os = require('os');

        console.log("Kubia server starting...");

        function answer(request, response) {
          console.log("Received request from " + request.connection.remoteAddress);
          response.writeHead(200);
          response.end("This is \(version) running in pod " + os.hostname() + "\\n");
        }

        http.createServer(answer).listen(8080);

        """
    }

    /// v3: the first four requests are answered as v3; from the fifth on, every answer is a 500.
    static let failingKubiaApplication = """
        const http = require('http');
        const os = require('os');

        let served = 0;

        console.log("Kubia server starting...");

        function answer(request, response) {
          console.log("Received request from " + request.connection.remoteAddress);
          served += 1;
          if (served >= 5) {
            response.writeHead(500);
            response.end("Some internal error has occurred! This is pod " + os.hostname() + "\\n");
            return;
          }
          response.writeHead(200);
          response.end("This is v3 running in pod " + os.hostname() + "\\n");
        }

        http.createServer(answer).listen(8080);

        """
}
