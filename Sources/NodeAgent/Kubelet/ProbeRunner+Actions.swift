import Formatting
import Kernel
import KubernetesAPI
import Simulation

extension ProbeRunner {
    /// Runs the probe's action once against `container` (`prober.runProbe`).
    func check(_ container: any RuntimeContainer) async -> Outcome {
        if let exec = probe.exec {
            return await checkExec(exec.command ?? [], container)
        }
        let host = worker.podIP ?? ""
        if let http = probe.httpGet {
            switch port(http.port) {
            case .success(let port): return await checkHTTP(http, host: (http.host ?? "").isEmpty ? host : http.host ?? host, port: port)
            case .failure(let error): return .error(error.message)
            }
        }
        if let tcp = probe.tcpSocket {
            switch port(tcp.port) {
            case .success(let port): return checkTCP(host: (tcp.host ?? "").isEmpty ? host : tcp.host ?? host, port: port)
            case .failure(let error): return .error(error.message)
            }
        }
        return .error("Missing probe handler for \(record.spec.name)")
    }

    struct PortError: Error { let message: String }

    /// `extractPort`: a number, a named container port, or a number written as text.
    func port(_ value: IntOrString) -> Result<Int, PortError> {
        let number: Int
        switch value {
        case .int(let int): number = Int(int)
        case .string(let name):
            if let named = record.spec.ports?.first(where: { $0.name == name }) {
                number = Int(named.containerPort)
            } else if let parsed = Int(name) {
                number = parsed
            } else {
                return .failure(PortError(message: "strconv.Atoi: parsing \(goQuoted(name)): invalid syntax"))
            }
        }
        guard number > 0, number < 65536 else { return .failure(PortError(message: "invalid port number: \(number)")) }
        return .success(number)
    }

    /// `ExecProbe`: exit status 0 passes; otherwise the command's combined output is the failure.
    private func checkExec(_ command: [String], _ container: any RuntimeContainer) async -> Outcome {
        let output = CollectingStream()
        do {
            let process = try container.exec(command, tty: false, stdin: EmptyReader(), stdout: output, stderr: output)
            let status = try await process.waitForExit()
            return status == 0 ? .success : .failure(output.text)
        } catch {
            return .failure(output.text)
        }
    }

    /// `kube-probe/1.8` for kubelet `v1.8.0`: the major and minor release, as the kubelet builds it.
    static func userAgent(kubeletVersion: String) -> String {
        "kube-probe/" + kubeletVersion.drop { $0 == "v" }.split(separator: ".").prefix(2).joined(separator: ".")
    }

    /// `DoHTTPProbe`: a status from 200 to 399 passes; errors (refused, timed out) are failures with Go's text.
    private func checkHTTP(_ action: HTTPGetAction, host: String, port: Int) async -> Outcome {
        let path = (action.path ?? "").isEmpty ? "/" : action.path ?? "/"
        let url = "\((action.scheme ?? "HTTP").lowercased())://\(host):\(port)\(path.hasPrefix("/") ? path : "/" + path)"
        let connection: Connection
        do {
            connection = try worker.kubelet.machine.networkStack.connect(address: host, port: port)
        } catch {
            return .failure("Get \(url): dial tcp \(host):\(port): getsockopt: connection refused")
        }
        if (action.scheme ?? "HTTP").uppercased() == "HTTPS" {
            // The simulated servers speak plain HTTP (as curl finds): Go's TLS client reads
            // their `HTTP/1.1 400` answer to its hello as a record header, bytes "P/" its length.
            connection.close()
            return .failure("Get \(url): tls: oversized record received with length 20527")
        }
        var headers = HTTPHeaders()
        headers.set("Host", "\(host):\(port)")
        headers.set("User-Agent", Self.userAgent(kubeletVersion: worker.kubelet.configuration.kubeletVersion))
        for header in action.httpHeaders ?? [] { headers.set(header.name, header.value) }
        headers.set("Connection", "close")
        let request = HTTPRequest(method: "GET", target: path, headers: headers)
        try? connection.output.write(request.serialized)
        var timedOut = false
        let timer = worker.loop.schedule(after: timeout) {
            timedOut = true
            connection.close()
        }
        let response = try? await HTTPReader(connection.input).readResponse()
        worker.loop.cancel(timer)
        connection.close()
        guard let response, !timedOut else {
            return .failure("Get \(url): net/http: request canceled (Client.Timeout exceeded while awaiting headers)")
        }
        return (200..<400).contains(response.status) ? .success : .failure("HTTP probe failed with statuscode: \(response.status)")
    }

    /// `DoTCPProbe`: a connection that opens passes.
    private func checkTCP(host: String, port: Int) -> Outcome {
        do {
            let connection = try worker.kubelet.machine.networkStack.connect(address: host, port: port)
            connection.close()
            return .success
        } catch {
            return .failure("dial tcp \(host):\(port): getsockopt: connection refused")
        }
    }
}
