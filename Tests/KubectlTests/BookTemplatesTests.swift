import Testing
import Kubectl
import StructuredData

/// Templates the book and the documentation's kubectl examples run against real-shaped lists.
struct BookTemplatesTests {
    static let nodes: JSONValue = [
        "apiVersion": "v1", "kind": "List",
        "items": [
            ["metadata": ["name": "gke-kubia-85f6-node-0rrx"], "status": ["addresses": [
                ["type": "InternalIP", "address": "10.132.0.2"], ["type": "ExternalIP", "address": "130.211.97.55"],
            ]]],
            ["metadata": ["name": "gke-kubia-85f6-node-heo1"], "status": ["addresses": [
                ["type": "InternalIP", "address": "10.132.0.3"], ["type": "ExternalIP", "address": "104.155.105.201"],
            ]]],
        ],
        "metadata": ["resourceVersion": "", "selfLink": ""],
    ]

    @Test func externalNodeAddresses() throws {
        let printer = try JSONPathPrinter(
            template: #"{.items[*].status.addresses[?(@.type=="ExternalIP")].address}"#, generation: .legacy)
        #expect(try printer.print(Self.nodes) == "130.211.97.55 104.155.105.201")
    }

    static let pods: JSONValue = [
        "apiVersion": "v1", "kind": "List",
        "items": [
            ["metadata": ["name": "kube-dns-2853"], "spec": ["nodeName": "minikube"],
             "status": ["startTime": "2017-09-01T10:00:00Z"]],
            ["metadata": ["name": "kubia-pending"], "spec": [:], "status": ["phase": "Pending"]],
        ],
        "metadata": ["resourceVersion": "", "selfLink": ""],
    ]

    @Test func podNamesAndStartTimes() throws {
        let printer = try JSONPathPrinter(
            template: #"{range .items[*]}{.metadata.name}{"\t"}{.status.startTime}{"\n"}{end}"#)
        #expect(try printer.print(Self.pods) == "kube-dns-2853\t2017-09-01T10:00:00Z\nkubia-pending\t\n")
        #expect(try JSONPathPrinter(template: "{.items[0].metadata.name}").print(Self.pods) == "kube-dns-2853")
    }

    @Test func podsAndTheirNodes() throws {
        let columns = try CustomColumns(spec: "POD:metadata.name,NODE:spec.nodeName")
        let items = Self.pods["items"]?.arrayValue ?? []
        #expect(columns.headers == ["POD", "NODE"])
        #expect(try items.map(columns.row) == [["kube-dns-2853", "minikube"], ["kubia-pending", "<none>"]])
    }
}
