import Kernel
import Simulation
import Userland

/// The images the book's author pushed to Docker Hub, so that the book's commands work as
/// printed (`kubectl run kubia --image=luksa/kubia`). Their behaviour comes from their files:
/// the image holds an app.js that the container's node runs.
extension StandardImages {
    /// `luksa/kubia`: node:7 with an HTTP server on port 8080 that answers with its hostname.
    public static var luksaKubia: BaseImageDefinition {
        let created = date(1_494_590_400) // 2017-05-12
        var root = RootFileSystems.node()
        root.entries["app.js"] = .file(.bytes(Array(kubiaApplication.utf8)), FileMetadata(mode: 0o644, modified: created))
        var definition = node
        definition.name = ImageName(path: "luksa/kubia")
        definition.root = root
        definition.layerSizes += [kubiaApplication.utf8.count]
        // As the legacy builder records an ADD: the file's content digest.
        definition.metadataCommands = ["/bin/sh -c #(nop) ADD file:\(ContentDigest.hex(Array(kubiaApplication.utf8))) in /app.js ",
                                       "/bin/sh -c #(nop)  ENTRYPOINT [\"node\" \"app.js\"]"]
        definition.config.entrypoint = ["node", "app.js"]
        definition.config.command = nil
        definition.created = created
        definition.aliases = []
        return definition
    }

    /// The server of the book's chapter 2, in our words: same port, same answer.
    static let kubiaApplication = """
        const http = require('http');
        const os = require('os');

        console.log("Kubia server starting...");

        const server = http.createServer(function (request, response) {
          console.log("Received request from " + request.connection.remoteAddress);
          response.writeHead(200);
          response.end("You've hit " + os.hostname() + "\\n");
        });
        server.listen(8080);

        """
}
