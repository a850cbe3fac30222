import Testing
import Simulation
@testable import Kernel

/// A distant range makes each round trip there cost simulated time; everything else is free.
struct DistantRangeTests {
    @Test func roundTripsCostTimeOnlyToDistantAddresses() {
        let network = Network()
        let stack = NetworkStack(network: network)
        network.assign("192.168.1.10", to: stack)
        network.add(DistantRange(name: "region", roundTrip: .milliseconds(35)) { $0.hasPrefix("35.187.") })
        #expect(network.roundTrip(to: "35.187.1.2", from: stack) == .milliseconds(35))
        #expect(network.roundTrip(to: "10.0.0.1", from: stack) == .zero)
        #expect(network.roundTrip(to: "127.0.0.1", from: stack) == .zero)
        #expect(network.roundTrip(to: "192.168.1.10", from: stack) == .zero)
        network.remove(distantRangeNamed: "region")
        #expect(network.roundTrip(to: "35.187.1.2", from: stack) == .zero)
    }
}
