/// The command lines of the book's chapter 2, as a learner types them: write the kubia app and
/// its Dockerfile, build and run the image, start minikube, then run, expose and scale it.
public enum Chapter2 {
    /// Writes `app.js` and `Dockerfile` into `~/kubia` and enters that directory.
    public static let files: [String] = [
        "mkdir -p kubia && cd kubia",
        """
        cat > app.js <<'EOF'
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
        EOF
        """,
        """
        cat > Dockerfile <<'EOF'
        FROM node:7
        ADD app.js /app.js
        ENTRYPOINT ["node", "app.js"]
        EOF
        """,
    ]

    /// The request to the container the chapter runs.
    public static let curlLine = "curl localhost:8080"

    /// §2.1: build the image, run it, and ask the app for its answer.
    public static let dockerCommands = [
        "docker build -t kubia .",
        "docker run --name kubia-container -p 8080:8080 -d kubia",
        curlLine,
    ]

    /// §2.2–2.3: start minikube, then run, expose and scale the app.
    public static let clusterCommands = [
        "minikube start",
        "kubectl run kubia --image=luksa/kubia --port=8080 --generator=run/v1",
        "kubectl expose rc kubia --type=LoadBalancer --name kubia-http",
        "kubectl scale rc kubia --replicas=3",
        "kubectl get pods",
    ]

    /// The chapter's commands after the files exist.
    public static let commands = dockerCommands + clusterCommands

    /// The whole chapter as one script, for a REPL reading standard input.
    public static let script = (files + commands).joined(separator: "\n") + "\n"
}
