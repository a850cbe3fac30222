@testable import ControlPlane
@testable import KubernetesAPI
import Simulation
import Testing

/// 1.8's `validateProbe` and `validateHandler`, and the liveness-only `successThreshold` rule.
struct ProbeValidationTests {
    private func message(liveness: Probe? = nil, readiness: Probe? = nil) -> String? {
        var pod = Fixtures.pod("kubia")
        pod.spec?.containers[0].livenessProbe = liveness
        pod.spec?.containers[0].readinessProbe = readiness
        do {
            _ = try APIServer(loop: EventLoop(seed: 1)).client().create(pod)
            return nil
        } catch {
            return error.message
        }
    }

    private static let prefix = "Pod \"kubia\" is invalid: spec.containers[0]."

    private static func probe(_ change: (inout Probe) -> Void) -> Probe {
        var probe = Probe(httpGet: HTTPGetAction(path: "/", port: .int(8080)))
        change(&probe)
        return probe
    }

    @Test(arguments: [
        (ProbeValidationTests.probe { $0.httpGet = nil }, "livenessProbe: Required value: must specify a handler type"),
        (ProbeValidationTests.probe { $0.exec = ExecAction(command: ["ls"]) }, "livenessProbe.httpGet: Forbidden: may not specify more than 1 handler type"),
        (Probe(exec: ExecAction(command: [])), "livenessProbe.exec.command: Required value"),
        (ProbeValidationTests.probe { $0.httpGet?.port = .int(0) }, "livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive"),
        (ProbeValidationTests.probe { $0.httpGet?.port = .int(65536) }, "livenessProbe.httpGet.port: Invalid value: 65536: must be between 1 and 65535, inclusive"),
        (ProbeValidationTests.probe { $0.httpGet?.scheme = "FTP" }, "livenessProbe.httpGet.scheme: Unsupported value: \"FTP\": supported values: \"HTTP\", \"HTTPS\""),
        (Probe(tcpSocket: TCPSocketAction(port: .string("Web"))),
         "livenessProbe.tcpSocket.port: Invalid value: \"Web\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"),
        (ProbeValidationTests.probe { $0.initialDelaySeconds = -1 }, "livenessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0"),
        (ProbeValidationTests.probe { $0.successThreshold = 2 }, "livenessProbe.successThreshold: Invalid value: 2: must be 1"),
    ])
    func livenessProbeErrors(probe: Probe, error: String) {
        #expect(message(liveness: probe) == Self.prefix + error)
    }

    @Test func readinessMayAskForSeveralSuccesses() {
        #expect(message(readiness: Self.probe { $0.successThreshold = 2 }) == nil)
        #expect(message(readiness: Self.probe { $0.periodSeconds = -5 })
                == Self.prefix + "readinessProbe.periodSeconds: Invalid value: -5: must be greater than or equal to 0")
    }

    @Test func defaultsFillEveryTimingAsThe18APIServerDid() throws {
        var pod = Fixtures.pod("kubia")
        pod.spec?.containers[0].readinessProbe = Probe(exec: ExecAction(command: ["ls", "/var/ready"]))
        let created = try APIServer(loop: EventLoop(seed: 1)).client().create(pod)
        let probe = try #require(created.spec?.containers[0].readinessProbe)
        #expect(probe.initialDelaySeconds == nil)
        #expect([probe.timeoutSeconds, probe.periodSeconds, probe.successThreshold, probe.failureThreshold] == [1, 10, 1, 3])
    }
}
