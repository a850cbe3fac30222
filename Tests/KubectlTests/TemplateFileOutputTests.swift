@testable import Kubectl
import KubernetesAPI
import Testing

/// kubectl 1.8's file-based printers (pkg/printers/printers.go, `GetStandardPrinter`):
/// `-o go-template-file`, `-o jsonpath-file` and `-o custom-columns-file` read the file named
/// after `=` (or by `--template`) relative to the working directory, and report a file they
/// cannot read as "error reading template NAME, <Go's os error>".
@Suite struct TemplateFileOutputTests {
    func harnessWithPod() throws -> KubectlHarness {
        let harness = try KubectlHarness()
        try harness.write("/root/kubia-manual.yaml", PodManifests.kubiaManual)
        harness.run("kubectl create -f kubia-manual.yaml")
        harness.settle { (try? harness.client.get(Pod.self, namespace: "default", name: "kubia-manual"))?.status?.phase == .running }
        try harness.write("/root/name.tmpl", "{{.metadata.name}} file\n")
        try harness.write("/root/name.jsonpath", "{.metadata.name}{\"\\n\"}")
        try harness.write("/root/columns.txt", "NAME   IMAGE\n.metadata.name   {.spec.containers[0].image}\n")
        try harness.write("/root/mismatch.txt", "NAME IMAGE\n.metadata.name\n")
        try harness.write("/root/header-only.txt", "NAME\n")
        return harness
    }

    @Test(arguments: [
        ("kubectl get pod kubia-manual -o go-template-file=name.tmpl", "kubia-manual file\n", ""),
        ("kubectl get pod kubia-manual -o go-template-file --template=/root/name.tmpl", "kubia-manual file\n", ""),
        ("kubectl get pod kubia-manual -o jsonpath-file=name.jsonpath", "kubia-manual\n", ""),
        ("kubectl get pod kubia-manual -o custom-columns-file=columns.txt", "NAME           IMAGE\nkubia-manual   luksa/kubia\n", ""),
        ("kubectl get pod kubia-manual -o go-template-file=missing.tmpl", "",
         "error: error reading template missing.tmpl, open missing.tmpl: no such file or directory\n"),
        ("kubectl get pod kubia-manual -o jsonpath-file=/root", "", "error: error reading template /root, read /root: is a directory\n"),
        ("kubectl get pod kubia-manual -o custom-columns-file=nope", "", "error: error reading template nope, open nope: no such file or directory\n"),
        ("kubectl get pod kubia-manual -o go-template-file=", "", "error: templatefile format specified but no template file given\n"),
        ("kubectl get pod kubia-manual -o jsonpath-file=", "", "error: jsonpath file format specified but no template file given\n"),
        ("kubectl get pod kubia-manual -o custom-columns-file=mismatch.txt", "", "error: number of headers (2) and field specifications (1) don't match\n"),
        ("kubectl get pod kubia-manual -o custom-columns-file=header-only.txt", "",
         "error: invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.\n"),
    ])
    func printsThroughTemplateFiles(_ example: (String, String, String)) throws {
        let harness = try harnessWithPod()
        let result = harness.run(example.0)
        #expect(result.output == example.1)
        #expect(result.error == example.2)
    }

    @Test func runTakesTemplates() throws {
        let harness = try KubectlHarness()
        try harness.write("/root/kind.tmpl", "{{.kind}}")
        #expect(harness.run("kubectl run kubia --image=luksa/kubia --dry-run -o go-template --template={{.kind}}").output == "Deployment")
        #expect(harness.run("kubectl run kubia --image=luksa/kubia --dry-run --restart=Never -o go-template-file=kind.tmpl").output == "Pod")
    }
}
