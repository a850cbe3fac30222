@testable import ControlPlane
@testable import KubernetesAPI
import Simulation
import Testing

struct VolumeMountValidationTests {
    private func message(_ mounts: [VolumeMount]) -> String? {
        var pod = Fixtures.pod("kubia")
        pod.spec?.volumes = [Volume(name: "html", emptyDir: EmptyDirVolumeSource())]
        pod.spec?.containers[0].volumeMounts = mounts
        let server = APIServer(loop: EventLoop(seed: 1))
        do {
            _ = try server.client().create(pod)
            return nil
        } catch {
            return error.message
        }
    }

    @Test(arguments: [
        ([VolumeMount(name: "html", mountPath: "/data")], nil),
        ([VolumeMount(name: "html", mountPath: "/data", subPath: "pages/public")], nil),
        ([VolumeMount(name: "htlm", mountPath: "/data")],
         "Pod \"kubia\" is invalid: spec.containers[0].volumeMounts[0].name: Not found: \"htlm\""),
        ([VolumeMount(name: "", mountPath: "/data")],
         "Pod \"kubia\" is invalid: spec.containers[0].volumeMounts[0].name: Required value"),
        ([VolumeMount(name: "html", mountPath: "/data"), VolumeMount(name: "html", mountPath: "/data")],
         "Pod \"kubia\" is invalid: spec.containers[0].volumeMounts[1].mountPath: Invalid value: \"/data\": must be unique"),
        ([VolumeMount(name: "html", mountPath: "/data", subPath: "/etc")],
         "Pod \"kubia\" is invalid: spec.containers[0].volumeMounts.subPath: Invalid value: \"/etc\": must be a relative path"),
        ([VolumeMount(name: "html", mountPath: "/data", subPath: "a/../../b")],
         "Pod \"kubia\" is invalid: spec.containers[0].volumeMounts.subPath: Invalid value: \"a/../../b\": must not contain '..'"),
    ] as [([VolumeMount], String?)])
    func volumeMountsAreValidatedAs18Does(mounts: [VolumeMount], expected: String?) {
        #expect(message(mounts) == expected)
    }
}
