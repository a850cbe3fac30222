import Kernel
import Simulation

/// `nginx` 1.13.9 as the `nginx:alpine` image runs it: reads /etc/nginx/nginx.conf and what it
/// includes, listens on every server's port and serves static files; `-t` tests the
/// configuration and `-v`/`-V` print the version. Without `daemon off;` it goes to the background.
public struct NginxProgram: Program {
    public init() {}

    static let configurationOptions = """
        built by gcc 6.4.0 (Alpine 6.4.0)
        built with OpenSSL 1.0.2n  7 Dec 2017
        TLS SNI support enabled
        configure arguments: --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --modules-path=/usr/lib/nginx/modules --conf-path=/etc/nginx/nginx.conf --error-log-path=/var/log/nginx/error.log --http-log-path=/var/log/nginx/access.log --pid-path=/var/run/nginx.pid --lock-path=/var/run/nginx.lock --user=nginx --group=nginx --with-http_ssl_module --with-http_realip_module --with-http_gzip_static_module --with-http_stub_status_module --with-threads --with-stream --with-http_v2_module

        """

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var configurationFile = "/etc/nginx/nginx.conf"
        var globalDirectives = ""
        var testOnly = false
        var arguments = context.arguments.dropFirst()[...]
        while let argument = arguments.popFirst() {
            switch argument {
            case "-v":
                context.printError("nginx version: \(NginxPages.version)\n")
                return 0
            case "-V":
                context.printError("nginx version: \(NginxPages.version)\n" + Self.configurationOptions)
                return 0
            case "-t", "-q": testOnly = testOnly || argument == "-t"
            case "-c", "-g", "-p":
                guard let value = arguments.popFirst() else {
                    context.printError("nginx: option \"\(argument)\" requires \(argument == "-c" ? "file name" : argument == "-g" ? "parameter" : "directory name")\n")
                    return 1
                }
                if argument == "-c" { configurationFile = context.resolve(value) }
                if argument == "-g" { globalDirectives += value }
            default:
                context.printError("nginx: invalid option: \"\(argument.dropFirst())\"\n")
                return 1
            }
        }
        var site: NginxSite
        do {
            let directives = try NginxConfigurationReader(fileSystem: context.machine.fileSystem).read(configurationFile)
            site = try NginxSite(directives)
        } catch {
            context.printError("nginx: [emerg] \(error.message)\n")
            if testOnly { context.printError("nginx: configuration file \(configurationFile) test failed\n") }
            return 1
        }
        if testOnly {
            context.printError("nginx: the configuration file \(configurationFile) syntax is ok\n"
                + "nginx: configuration file \(configurationFile) test is successful\n")
            return 0
        }
        if globalDirectives.replacingAll(" ", with: "").contains("daemonoff;") { site.daemon = false }
        let title = (["nginx: master process"] + context.arguments).joined(separator: " ")
        guard site.daemon else {
            context.process.arguments = [title]
            return try await serve(site, context: context)
        }
        // Daemon mode: the master carries on in a new process and the command returns at once.
        _ = context.machine.launch(NginxMaster(site: site), arguments: [title], environment: context.environment,
                                   workingDirectory: "/", user: context.user, stdin: EmptyReader(),
                                   stdout: context.stdout, stderr: context.stderr, parent: nil)
        return 0
    }
}

/// The master process of a daemonized nginx.
struct NginxMaster: Program {
    let site: UncheckedSendable<NginxSite>

    init(site: NginxSite) {
        self.site = UncheckedSendable(site)
    }

    func run(_ context: ProgramContext) async throws -> Int32 {
        try await serve(site.value, context: context)
    }
}

/// Binds every server's port (retrying as nginx does when one is taken) and serves until killed.
private func serve(_ site: NginxSite, context: ProgramContext) async throws -> Int32 {
    let worker = NginxWorker(context: context, site: site)
    let loop = context.loop
    for port in site.ports {
        var attempts = 0
        while true {
            do {
                _ = try context.machine.networkStack.listen(port: port, owner: context.process) { connection in
                    loop.spawn { await worker.serve(connection, port: port) }
                }
                break
            } catch {
                context.printError("nginx: [emerg] bind() to 0.0.0.0:\(port) failed (98: Address in use)\n")
                attempts += 1
                guard attempts < 5 else {
                    context.printError("nginx: [emerg] still could not bind()\n")
                    return 1
                }
                try await context.process.sleep(for: .milliseconds(500))
            }
        }
    }
    try await Wakeup().wait()
    return 0
}
