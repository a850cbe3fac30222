@testable import Kernel
import Simulation
import Testing

@Suite struct NetworkTests {
    @Test func anHTTPExchangeOverASimulatedConnection() async throws {
        let network = Network()
        let loop = EventLoop(seed: 3)
        let server = Machine(hostname: "server", loop: loop, fileSystem: FileSystem(), programs: ProgramRegistry(), network: network)
        let client = Machine(hostname: "client", loop: loop, fileSystem: FileSystem(), programs: ProgramRegistry(), network: network)
        network.assign("172.17.0.2", to: server.networkStack)
        network.assign("172.17.0.1", to: client.networkStack)
        _ = try server.networkStack.listen(port: 8080, owner: nil) { connection in
            loop.spawn {
                let reader = HTTPReader(connection.input)
                guard let request = try? await reader.readRequest() else { return }
                var headers = HTTPHeaders()
                let body = Array("You asked for \(request.target) from \(connection.remoteAddress)\n".utf8)
                headers.add("Content-Length", String(body.count))
                try? connection.output.write(HTTPResponse(status: 200, headers: headers, body: body).serialized)
                connection.close()
            }
        }
        let result = ResultBox()
        loop.spawn {
            do {
                let connection = try await client.networkStack.connect(host: "172.17.0.2", port: 8080)
                try connection.output.write(HTTPRequest(method: "GET", target: "/x").serialized)
                let response = try await HTTPReader(connection.input).readResponse()
                result.text = String(decoding: response?.body ?? [], as: UTF8.self)
                result.status = response?.status
            } catch {
                result.text = "error \(error)"
            }
        }
        loop.runReady()
        #expect(result.status == 200)
        #expect(result.text == "You asked for /x from 172.17.0.1\n")
    }

    @Test func refusedUnreachableAndUnknownHosts() throws {
        let network = Network()
        let loop = EventLoop(seed: 3)
        let machine = Machine(hostname: "m", loop: loop, fileSystem: FileSystem(), programs: ProgramRegistry(), network: network)
        #expect(throws: NetworkError.system(.ECONNREFUSED)) { try machine.networkStack.connect(address: "127.0.0.1", port: 80) }
        #expect(throws: NetworkError.system(.EHOSTUNREACH)) { try machine.networkStack.connect(address: "10.9.9.9", port: 80) }
        #expect(machine.networkStack.resolve("no-such-host").isEmpty)
        _ = try machine.networkStack.listen(port: 80, owner: nil) { _ in }
        #expect(throws: NetworkError.system(.EADDRINUSE)) { _ = try machine.networkStack.listen(port: 80, owner: nil) { _ in } }
    }

    @Test func aReservedPortCannotBeListenedOnUntilReleased() throws {
        let loop = EventLoop(seed: 1)
        let machine = Machine(hostname: "m", loop: loop, fileSystem: FileSystem(), programs: ProgramRegistry(), network: Network())
        machine.networkStack.reservePort(8080)
        #expect(throws: NetworkError.system(.EADDRINUSE)) { _ = try machine.networkStack.listen(port: 8080, owner: nil) { _ in } }
        #expect(!machine.networkStack.isListening(on: 8080))
        machine.networkStack.releasePort(8080)
        _ = try machine.networkStack.listen(port: 8080, owner: nil) { _ in }
        #expect(machine.networkStack.isListening(on: 8080))
    }

    @Test func aLoopbackListenerIsReachableFromItsOwnMachineOnly() throws {
        let loop = EventLoop(seed: 1)
        let network = Network()
        let server = Machine(hostname: "server", loop: loop, fileSystem: FileSystem(), programs: ProgramRegistry(), network: network)
        let client = Machine(hostname: "client", loop: loop, fileSystem: FileSystem(), programs: ProgramRegistry(), network: network)
        network.assign("10.0.0.1", to: server.networkStack)
        network.assign("10.0.0.2", to: client.networkStack)
        _ = try server.networkStack.listen(port: 8888, loopbackOnly: true, owner: nil) { $0.close() }
        _ = try server.networkStack.connect(address: "127.0.0.1", port: 8888)
        #expect(throws: NetworkError.system(.ECONNREFUSED)) { try server.networkStack.connect(address: "10.0.0.1", port: 8888) }
        #expect(throws: NetworkError.system(.ECONNREFUSED)) { try client.networkStack.connect(address: "10.0.0.1", port: 8888) }
    }

    @Test func translationRulesRedirectConnections() throws {
        let network = Network()
        let loop = EventLoop(seed: 3)
        let workstation = Machine(hostname: "ws", loop: loop, fileSystem: FileSystem(), programs: ProgramRegistry(), network: network)
        let container = Machine(hostname: "c", loop: loop, fileSystem: FileSystem(), programs: ProgramRegistry(), network: network)
        network.assign("172.17.0.2", to: container.networkStack)
        var accepted = 0
        _ = try container.networkStack.listen(port: 8080, owner: nil) { _ in accepted += 1 }
        network.add(NetworkRule(name: "publish 8080") { address, port, _ in
            address == "127.0.0.1" && port == 8080 ? ("172.17.0.2", 8080) : nil
        })
        _ = try workstation.networkStack.connect(address: "127.0.0.1", port: 8080)
        loop.runReady()
        #expect(accepted == 1)
    }

    final class ResultBox: @unchecked Sendable {
        var text = ""
        var status: Int?
    }
}
