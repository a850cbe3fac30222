import Foundation
import Simulation
import StructuredData
import Testing
@testable import Kubectl

/// Seeded fuzzing of the patch formats `kubectl patch` applies: mutated patches and targets
/// either apply or fail with an error, never crash or hang.
@Suite struct PatchFuzzTests {
    static let documents = [
        #"{"spec":{"template":{"spec":{"containers":[{"name":"nodejs","image":"luksa/kubia:v2"},{"name":"b","$patch":"delete"}]}}}}"#,
        #"{"spec":{"minReadySeconds":10,"strategy":{"$patch":"replace","type":"Recreate"},"x":null}}"#,
        #"[{"op":"replace","path":"/spec/replicas","value":2},{"op":"add","path":"/a/-","value":{"b":[1]}},{"op":"move","from":"/a","path":"/c"}]"#,
        #"[{"op":"remove","path":"/spec/template/spec/containers/0"},{"op":"test","path":"/a~1b/~0","value":null},{"op":"copy","from":"/x","path":"/y/0"}]"#,
    ]
    static let fragments = ["{", "}", "[", "]", ":", ",", "\"", "/", "-", "~0", "~1", "$patch", "delete", "replace", "op", "path", "value",
                            "from", "9223372036854775808", "-1", "null"]

    @Test(arguments: 0..<4)
    func mutatedPatchesNeverCrash(seed: UInt64) throws {
        var fuzzer = MutationFuzzer(seed: 9000 + seed, corpus: Self.documents, fragments: Self.fragments)
        let count = MutationFuzzer.iterations(standard: 200, environment: ProcessInfo.processInfo.environment)
        let target = try JSONValue.parse(#"{"a":[1,2],"spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"nodejs","image":"x"},{"name":"b"}]}}}}"#)
        for _ in 0..<count {
            guard let patch = try? JSONValue.parse(fuzzer.next()) else { continue }
            _ = try? StrategicMergePatch.apply(patch, to: target)
            _ = try? StrategicMergePatch.apply(target, to: patch)
            _ = try? JSONPatch.apply(patch, to: target)
        }
    }
}
