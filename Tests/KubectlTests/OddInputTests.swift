import Testing
@testable import Kubectl

/// Odd command lines end with an error message and status 1, never a crash or a hang.
@Suite struct OddInputTests {
    @Test(arguments: [
        "kubectl get pods/", "kubectl get /x", "kubectl get pods,svc kubia", "kubectl get pods -o jsonpath=",
        "kubectl get pods -o custom-columns=", "kubectl get pods --sort-by={.", "kubectl get pods -l 'a in (b'",
        "kubectl get pods --field-selector=spec.foo=bar", "kubectl label pods", "kubectl label pod x =",
        "kubectl annotate", "kubectl expose", "kubectl expose pod nothere", "kubectl scale pod x --replicas=2",
        "kubectl scale --replicas=x rc kubia", "kubectl delete", "kubectl create", "kubectl create -f /",
        "kubectl logs", "kubectl logs nothere", "kubectl exec", "kubectl exec nothere -- ls", "kubectl describe",
        "kubectl describe po nothere", "kubectl config use-context", "kubectl config bogus", "kubectl wait pod/x",
        "kubectl run x --image=y --restart=Sometimes", "kubectl run x --image=y --generator=bogus/v9",
        "kubectl run x --image=y --port=http", "kubectl edit", "kubectl -n", "kubectl --bogus",
        "kubectl get pods --grace-period", "kubectl get nodes -o wide --show-labels -L a/b/c --no-headers",
    ])
    func endsWithAnError(line: String) throws {
        let harness = try KubectlHarness()
        let result = harness.run(line)
        #expect(result.status == 0 || result.status == 1, "\(line): \(result.status)")
        if result.status == 1 { #expect(!result.error.isEmpty, "\(line)") }
    }
}
