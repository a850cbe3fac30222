import Docker
import Kernel

extension Commands {
    static var pull: DockerCommand {
        DockerCommand(name: "pull", usage: "docker pull [OPTIONS] NAME[:TAG|@DIGEST]",
                      summary: "Pull an image or a repository from a registry", flags: [FlagSpec("all-tags", "a")],
                      minimumArguments: 1, maximumArguments: 1) { invocation in
            let text = invocation.arguments.positional[0]
            let reference: ImageReference
            do { reference = try ImageReference(parsing: text) } catch {
                invocation.err(error.dockerMessage + "\n")
                return 1
            }
            if reference.tag == nil { invocation.out("Using default tag: latest\n") }
            do { try await invocation.engine.pull(ImageName(reference), output: invocation.context.stdout) } catch {
                return invocation.daemonError(error)
            }
            return 0
        }
    }

    static var push: DockerCommand {
        DockerCommand(name: "push", usage: "docker push [OPTIONS] NAME[:TAG]",
                      summary: "Push an image or a repository to a registry", flags: [],
                      minimumArguments: 1, maximumArguments: 1) { invocation in
            let text = invocation.arguments.positional[0]
            let reference: ImageReference
            do { reference = try ImageReference(parsing: text) } catch {
                invocation.err(error.dockerMessage + "\n")
                return 1
            }
            do { try await invocation.engine.push(ImageName(reference), output: invocation.context.stdout) } catch {
                invocation.err(error.dockerMessage + "\n")
                return 1
            }
            return 0
        }
    }

    static var tag: DockerCommand {
        DockerCommand(name: "tag", usage: "docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
                      summary: "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE", flags: [],
                      minimumArguments: 2, maximumArguments: 2) { invocation in
            let source = invocation.arguments.positional[0]
            let target = invocation.arguments.positional[1]
            let targetReference: ImageReference
            do { targetReference = try ImageReference(parsing: target) } catch {
                invocation.err("Error parsing reference: \"\(target)\" is not a valid repository/tag: \(error.dockerMessage)\n")
                return 1
            }
            // The client refuses before asking the daemon (client.ImageTag).
            if targetReference.digest != nil {
                invocation.err("refusing to create a tag with a digest reference\n")
                return 1
            }
            guard let image = invocation.engine.image(named: source) else {
                let shown = ImageName(parsing: source)?.description ?? source
                invocation.err("Error response from daemon: No such image: \(shown)\n")
                return 1
            }
            invocation.engine.tag(image.id, as: ImageName(targetReference))
            return 0
        }
    }

    static var rmi: DockerCommand {
        DockerCommand(name: "rmi", usage: "docker rmi [OPTIONS] IMAGE [IMAGE...]", summary: "Remove one or more images",
                      flags: [FlagSpec("force", "f"), FlagSpec("no-prune")],
                      minimumArguments: 1, maximumArguments: nil) { invocation in
            var status: Int32 = 0
            for name in invocation.arguments.positional {
                do {
                    let lines = try invocation.engine.removeImage(name, force: invocation.arguments.has("force"))
                    invocation.out(lines.map { $0 + "\n" }.joined())
                } catch {
                    status = invocation.daemonError(error)
                }
            }
            return status
        }
    }

    static var login: DockerCommand {
        DockerCommand(name: "login", usage: "docker login [OPTIONS] [SERVER]",
                      summary: "Log in to a Docker registry",
                      flags: [FlagSpec("username", "u", value: true), FlagSpec("password", "p", value: true),
                              FlagSpec("password-stdin")],
                      minimumArguments: 0, maximumArguments: 1) { invocation in
            let server = invocation.arguments.positional.first ?? ImageName.hubRegistry
            let registryHost = ["index.docker.io", "https://index.docker.io/v1/", "registry-1.docker.io"].contains(server)
                ? ImageName.hubRegistry : server
            let input = LineBuffer(invocation.context.stdin)
            var user = invocation.arguments.value("username") ?? ""
            var password = invocation.arguments.value("password") ?? ""
            if !password.isEmpty { invocation.err("WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n") }
            if user.isEmpty {
                if registryHost == ImageName.hubRegistry {
                    invocation.out("Login with your Docker ID to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com to create one.\n")
                }
                invocation.out("Username: ")
                user = ((try? await input.readLine()) ?? nil)?.trimmingWhitespace ?? ""
                guard !user.isEmpty else {
                    invocation.err("Error: Non-null Username Required\n")
                    return 1
                }
            }
            if password.isEmpty {
                invocation.out("Password: ")
                // As the real CLI does (term.DisableEcho): the password does not show.
                let terminal = invocation.context.stdin as? EchoControl
                terminal?.echoesInput = false
                password = ((try? await input.readLine()) ?? nil) ?? ""
                terminal?.echoesInput = true
                invocation.out("\n")
                guard !password.isEmpty else {
                    invocation.err("Error: Non-null Password Required\n")
                    return 1
                }
            }
            guard invocation.engine.login(to: registryHost, user: user, password: password) else {
                return invocation.daemonError(DockerError.unauthorized)
            }
            invocation.out("Login Succeeded\n")
            return 0
        }
    }

    static var logout: DockerCommand {
        DockerCommand(name: "logout", usage: "docker logout [SERVER]", summary: "Log out from a Docker registry",
                      flags: [], minimumArguments: 0, maximumArguments: 1) { invocation in
            let server = invocation.arguments.positional.first ?? ImageName.hubRegistry
            let shown = server == ImageName.hubRegistry ? "https://index.docker.io/v1/" : server
            if invocation.engine.logout(from: server) {
                invocation.out("Removing login credentials for \(shown)\n")
            } else {
                invocation.out("Not logged in to \(shown)\n")
            }
            return 0
        }
    }

    static var version: DockerCommand {
        DockerCommand(name: "version", usage: "docker version [OPTIONS]", summary: "Show the Docker version information",
                      flags: [], minimumArguments: 0, maximumArguments: 0, readsOnly: true) { invocation in
            let client = invocation.era.docker, server = invocation.engine.era.docker
            invocation.out("""
                Client:
                 Version:\t\(client.version)
                 API version:\t\(client.apiVersion)
                 Go version:\t\(client.goVersion)
                 Git commit:\t\(client.gitCommit)
                 Built:\t\(client.clientBuilt)
                 OS/Arch:\tlinux/amd64

                Server:
                 Engine:
                  Version:\t\(server.version)
                  API version:\t\(server.apiVersion) (minimum version \(server.minimumAPIVersion))
                  Go version:\t\(server.goVersion)
                  Git commit:\t\(server.gitCommit)
                  Built:\t\(server.serverBuilt)
                  OS/Arch:\tlinux/amd64
                  Experimental:\tfalse

                """)
            return 0
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
