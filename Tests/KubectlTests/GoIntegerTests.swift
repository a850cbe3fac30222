@testable import Kubectl
import KubernetesAPI
import Testing

/// Numbers the way Go's kubectl 1.8 and API server read them: int64 flags, int32 API fields,
/// and `int32(count)` in the scalers. Extreme values end in an error, never a crash.
@Suite struct GoIntegerTests {
    /// kubectl 1.8's scalers send `int32(uint(count))`: 2^63-1 arrives as -1 and the server refuses it.
    @Test(arguments: [
        ("deployment", "kubectl run kubia --image=luksa/kubia --port=8080", "Deployment.extensions"),
        ("rc", "kubectl run kubia --image=luksa/kubia --port=8080 --generator=run/v1", "ReplicationController"),
    ])
    func scalingToInt64MaxIsRefusedByTheServer(resource: String, create: String, kind: String) throws {
        let harness = try KubectlHarness()
        #expect(harness.run(create).status == 0)
        let version = harness.run("kubectl get \(resource) kubia -o jsonpath={.metadata.resourceVersion}").output
        let result = harness.run("kubectl scale \(resource) kubia --replicas=9223372036854775807")
        #expect(result.status == 1)
        #expect(result.output == "")
        #expect(result.error == "error: Scaling the resource failed with: \(kind) \"kubia\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0; Current resource version \(version)\n")
        harness.advance(.seconds(30))
        #expect(harness.run("kubectl get \(resource) kubia -o jsonpath={.spec.replicas}").output == "1")
    }

    /// Only the low 32 bits reach the server: 2^32+2 scales to 2, as it did with kubectl 1.8.
    @Test func scalingKeepsTheLowThirtyTwoBits() throws {
        let harness = try KubectlHarness()
        harness.run("kubectl run kubia --image=luksa/kubia --port=8080 --generator=run/v1")
        #expect(harness.run("kubectl scale rc kubia --replicas=4294967298").output == "replicationcontroller \"kubia\" scaled\n")
        #expect(harness.run("kubectl get rc kubia -o jsonpath={.spec.replicas}").output == "2")
        #expect(harness.run("kubectl scale rc kubia --replicas=0x3").status == 0)
        #expect(harness.run("kubectl get rc kubia -o jsonpath={.spec.replicas}").output == "3")
    }

    /// pflag reads int flags with `strconv.ParseInt(s, 0, 64)`.
    @Test(arguments: [
        ("9223372036854775808", "value out of range"), ("-9223372036854775809", "value out of range"),
        ("1e30", "invalid syntax"), ("3.5", "invalid syntax"), ("9999999999999999999999", "value out of range"),
        ("0x", "invalid syntax"), ("08", "invalid syntax"),
    ])
    func intFlagsRefuseWhatParseIntRefuses(value: String, reason: String) throws {
        let harness = try KubectlHarness()
        let result = harness.run("kubectl scale rc kubia --replicas=\(value)")
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("Error: invalid argument \"\(value)\" for \"--replicas\" flag: strconv.ParseInt: parsing \"\(value)\": \(reason)\n"))
    }

    @Test(arguments: [
        ("0", 0), ("-0", 0), ("+7", 7), ("0x1F", 31), ("017", 15), ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min),
    ])
    func parseIntReadsGoPrefixes(text: String, value: Int64) throws {
        #expect(try GoIntegers.parseInt(text).get() == value)
    }

    static let extremes = [
        "9223372036854775807", "2147483648", "-1", "0", "1e30", "9999999999999999999999",
        "-9223372036854775808", "4294967297", "3.5",
    ]

    /// Every numeric flag of every command, fed every extreme value: an answer, never a crash.
    @Test(arguments: [
        "kubectl scale rc kubia --replicas=N", "kubectl scale deploy web --replicas=N",
        "kubectl scale rc kubia --replicas=1 --current-replicas=N", "kubectl run x --image=y --replicas=N",
        "kubectl run x --image=y --port=N", "kubectl run x --image=y --generator=run/v1 --replicas=N",
        "kubectl expose rc kubia --port=N --name=s", "kubectl expose rc kubia --port=80 --target-port=N --name=t",
        "kubectl logs kubia-pod --tail=N", "kubectl delete pod kubia-pod --grace-period=N",
        "kubectl get pods --request-timeout=N", "kubectl scale job batch --replicas=N",
        "kubectl rollout status deploy web --watch=false --revision=N", "kubectl rollout history deploy web --revision=N",
        "kubectl rollout undo deploy web --to-revision=N",
    ])
    func numericFlagsNeverStopTheProcess(template: String) throws {
        for value in Self.extremes {
            let harness = try KubectlHarness()
            harness.run("kubectl run kubia --image=luksa/kubia --port=8080 --generator=run/v1")
            harness.run("kubectl run web --image=luksa/kubia --port=8080")
            harness.run("kubectl run kubia-pod --image=luksa/kubia --restart=Never")
            harness.run("kubectl run batch --image=luksa/batch-job --restart=OnFailure")
            harness.advance(.seconds(10))
            let line = template.replacingOccurrences(of: "=N", with: "=" + value)
            let result = harness.run(line)
            #expect(result.status == 0 || result.status == 1, "\(line): \(result.status)")
            if result.status != 0 { #expect(!result.error.isEmpty, "\(line)") }
            harness.advance(.seconds(60))
            #expect(harness.run("kubectl get all").status == 0, "\(line)")
        }
    }
}
