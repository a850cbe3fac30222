import Testing
import Machine
import Simulation
@testable import World

/// The book's era serves the workloads API up to apps/v1beta2: apps/v1 (Kubernetes 1.9) is
/// missing from discovery, explain and writes, with the errors kubectl and the server of 1.8 gave.
@Suite struct EraAPIVersionTests {
    static func world() throws -> (World, CollectingStream) {
        let output = CollectingStream()
        let world = try World(seed: 21, setup: .standard()) { try? output.write($0) }
        _ = world.runUnattended("minikube start")
        return (world, output)
    }

    static func run(_ world: World, _ output: CollectingStream, _ line: String) -> String {
        output.removeAll()
        _ = world.runUnattended(line)
        world.loop.advance(by: .seconds(1))
        return output.text
    }

    static func manifest(_ kind: String, _ apiVersion: String) -> String {
        """
        apiVersion: \(apiVersion)
        kind: \(kind)
        metadata:
          name: kubia
        spec:
          selector:
            matchLabels:
              app: kubia
          template:
            metadata:
              labels:
                app: kubia
            spec:
              containers:
              - image: luksa/kubia
                name: nodejs

        """
    }

    @Test func discoveryListsNoAppsV1() throws {
        let (world, output) = try Self.world()
        #expect(Self.run(world, output, "kubectl api-versions") == "apps/v1beta1\napps/v1beta2\nbatch/v1\nbatch/v1beta1\nextensions/v1beta1\nv1\n")
        #expect(Self.run(world, output, "kubectl explain deployment --api-version=apps/v1") == "error: Couldn't find resource for \"apps/v1, Kind=Deployment\"\n")
    }

    @Test(arguments: ["Deployment", "ReplicaSet", "DaemonSet"])
    func appsV1ManifestsAreRefused(_ kind: String) throws {
        let (world, output) = try Self.world()
        _ = Self.run(world, output, "cat > w.yaml <<'EOF'\n\(Self.manifest(kind, "apps/v1"))EOF")
        #expect(Self.run(world, output, "kubectl create -f w.yaml") == "error: error validating \"w.yaml\": error validating data: unknown object type schema.GroupVersionKind{Group:\"apps\", Version:\"v1\", Kind:\"\(kind)\"}; if you choose to ignore these errors, turn validation off with --validate=false\n")
        #expect(Self.run(world, output, "kubectl apply -f w.yaml --validate=false") == "error: unable to recognize \"w.yaml\": no matches for apps/, Kind=\(kind)\n")
        #expect(Self.run(world, output, "kubectl get all -o name") .contains("kubia") == false)
        // The same object in the era's own version is served.
        _ = Self.run(world, output, "cat > w.yaml <<'EOF'\n\(Self.manifest(kind, "apps/v1beta2"))EOF")
        #expect(Self.run(world, output, "kubectl create -f w.yaml").hasSuffix("\"kubia\" created\n"))
    }
}
