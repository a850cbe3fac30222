@testable import Kernel
import Simulation
import Testing

/// The internet's DNS zone: A records, CNAME chains followed to their end, loops cut off, and a
/// masquerading rule changing the source a server sees.
@Suite struct DomainNameZoneTests {
    @Test func anAliasChainEndsInTheAddressesOfItsLastName() {
        var zone = DomainNameZone()
        zone.add(name: "example.com", addresses: ["93.184.216.34"])
        zone.add(alias: "www.example.com.", of: "example.com")
        zone.add(alias: "WWW.Alias.test", of: "www.example.com")
        let answer = zone.lookup("www.alias.test.")
        #expect(answer?.aliases.map(\.name) == ["www.alias.test", "www.example.com"])
        #expect(answer?.aliases.map(\.canonicalName) == ["www.example.com", "example.com"])
        #expect(answer?.addresses == ["93.184.216.34"])
        #expect(answer?.canonicalName(of: "www.alias.test") == "example.com")
        #expect(zone.lookup("nothing.test") == nil)
    }

    @Test func anAliasToNothingAnswersTheAliasWithoutAddresses() {
        var zone = DomainNameZone()
        zone.add(alias: "api.test", of: "gone.test")
        #expect(zone.lookup("api.test") == NameAnswer(aliases: [NameAnswer.Alias(name: "api.test", canonicalName: "gone.test")], addresses: []))
    }

    /// Loops and chains of every length up to past the limit: a lookup always ends, and answers
    /// nothing once the chain is longer than resolvers follow.
    @Test(arguments: 1...12) func aliasChainsAreCutOffAtTheLimit(_ length: Int) {
        var zone = DomainNameZone()
        for index in 0..<length { zone.add(alias: "n\(index).test", of: "n\(index + 1).test") }
        zone.add(name: "n\(length).test", addresses: ["10.0.0.1"])
        var looped = zone
        looped.add(alias: "n\(length).test", of: "n0.test")
        #expect(looped.lookup("n0.test") == nil)
        let answer = zone.lookup("n0.test")
        if length <= DomainNameZone.maximumChain {
            #expect(answer?.addresses == ["10.0.0.1"])
        } else {
            #expect(answer == nil)
        }
    }

    @Test func aMasqueradingRuleShowsTheServerAnotherSource() throws {
        let network = Network()
        let loop = EventLoop(seed: 3)
        let server = Machine(hostname: "server", loop: loop, fileSystem: FileSystem(), programs: ProgramRegistry(), network: network)
        let client = Machine(hostname: "client", loop: loop, fileSystem: FileSystem(), programs: ProgramRegistry(), network: network)
        network.assign("10.0.0.2", to: server.networkStack)
        network.assign("192.168.0.5", to: client.networkStack)
        let seen = CollectingStream()
        _ = try server.networkStack.listen(port: 80, owner: nil) { connection in try? seen.write(connection.remoteAddress) }
        network.add(NetworkRule(name: "snat", translatingSource: { address, port, _ in
            address == "10.9.9.9" ? NetworkRule.Translation(address: "10.0.0.2", port: port, sourceAddress: "10.0.0.1") : nil
        }))
        let direct = try client.networkStack.connect(address: "10.0.0.2", port: 80)
        loop.advance(by: .milliseconds(1))
        #expect(seen.text == "192.168.0.5")
        #expect(direct.localAddress == "192.168.0.5")
        seen.removeAll()
        let translated = try client.networkStack.connect(address: "10.9.9.9", port: 80)
        loop.advance(by: .milliseconds(1))
        #expect(seen.text == "10.0.0.1")
        // The client still sees its own address: the translation is on the way.
        #expect(translated.localAddress == "192.168.0.5")
    }
}
