import Formatting
import StructuredData

extension Era {
    /// The book's era, late 2017: Docker 17.12, Kubernetes and kubectl 1.8.0, minikube 0.23,
    /// GKE 1.8.0-gke.0. Builds and dates are those the released binaries report.
    public static let kubernetesInAction = Era(
        name: "Kubernetes in Action (late 2017)",
        docker: Docker(
            version: "17.12.0-ce", apiVersion: "1.35", minimumAPIVersion: "1.12", goVersion: "go1.9.2", gitCommit: "c97c6d6",
            clientBuilt: "Wed Dec 27 20:10:14 2017", serverBuilt: "Wed Dec 27 20:12:46 2017",
            containerdCommit: "89623f28b87a6004d4b785663257362d1658a729", runcCommit: "b2567b37d7b75eb4cf325b77297b140ea686ce8f",
            initCommit: "949e6fa", registryGoVersion: "go1.7.6", tables: .docker()),
        kubernetes: Kubernetes(
            version: "v1.8.0", gitCommit: "0b9efaeb34a2fc51ff8e4d34ad9bc6375459c4a4", buildDate: "2017-10-17T15:09:55Z",
            goVersion: "go1.8.3", probeUserAgent: "kube-probe/1.8", containerRuntimeVersion: "docker://17.6.0",
            pauseImageTag: "3.0", etcdImageTag: "3.0.17", dnsImageTag: "1.14.5", dashboardImageTag: "v1.7.1",
            addonManagerImageTag: "v6.4-beta.2",
            // 1.8 served Deployments, ReplicaSets and DaemonSets as apps/v1beta2 at most; 1.9 made them apps/v1.
            laterAPIVersions: ["apps/v1"]),
        kubectl: Kubectl(
            version: "v1.8.0", gitCommit: "6e937839ac04a38cac63e6a7a306c5d035fe7b0a", buildDate: "2017-09-28T22:57:57Z",
            goVersion: "go1.8.3",
            // Both arrived in kubectl 1.11.
            laterCommands: ["wait", "api-resources"],
            runGenerators: ["Always": "deployment/apps.v1beta1", "OnFailure": "job/v1", "Never": "run-pod/v1"],
            tables: .kubectl(), yamlStyle: .kubernetes1_8, jsonPathPrintsGoValues: true,
            notes: ModernNotes(
                generator: Note(
                    "kubectl 1.18+ has no generators (the --generator flag is gone since 1.21): `kubectl run` only creates Pods; for a controller use `kubectl create deployment` or a manifest with `kubectl apply -f`.",
                    chinese: "kubectl 1.18 起不再有生成器（--generator 参数自 1.21 起被移除）：`kubectl run` 只创建 Pod；要创建控制器，请用 `kubectl create deployment`，或写一个清单用 `kubectl apply -f`。"),
                runDeployment: { name, image in
                    Note("today's `kubectl run` creates a single Pod, not a Deployment; use `kubectl create deployment \(name) --image=\(image)` for a Deployment.",
                         chinese: "如今的 `kubectl run` 只创建一个 Pod，而不是 Deployment；要创建 Deployment，请用 `kubectl create deployment \(name) --image=\(image)`。")
                },
                removedAPIVersions: ["extensions/v1beta1", "apps/v1beta1", "apps/v1beta2"],
                removedAPIVersion: { apiVersion, kind in
                    if kind == "Ingress" {
                        return Note("\(apiVersion) Ingress was removed in Kubernetes 1.22; today's manifests use apiVersion: networking.k8s.io/v1, where each path has a pathType and a backend reads service: {name: NAME, port: {number: PORT}}.",
                                    chinese: "\(apiVersion) 的 Ingress 在 Kubernetes 1.22 中已被移除；如今的清单使用 apiVersion: networking.k8s.io/v1，其中每个 path 都要写 pathType，backend 写成 service: {name: 名称, port: {number: 端口}}。")
                    }
                    return Note("\(apiVersion) \(kind) was removed in Kubernetes 1.16; today's manifests use apiVersion: apps/v1 (which requires spec.selector).",
                         chinese: "\(apiVersion) 的 \(kind) 在 Kubernetes 1.16 中已被移除；如今的清单使用 apiVersion: apps/v1（它要求写 spec.selector）。")
                },
                laterCommand: [
                    "wait": Note("`kubectl wait` arrived in kubectl 1.11; with the book's kubectl 1.8, poll with `kubectl get` (add `-w` to watch).",
                                 chinese: "`kubectl wait` 在 kubectl 1.11 才出现；用书中的 kubectl 1.8 时，请用 `kubectl get` 反复查看（加 `-w` 可以持续观察）。"),
                    "api-resources": Note("`kubectl api-resources` arrived in kubectl 1.11; with a 1.8 kubectl the list of resource types is in `kubectl get --help`.",
                                          chinese: "`kubectl api-resources` 在 kubectl 1.11 才出现；用 kubectl 1.8 时，资源类型的列表在 `kubectl get --help` 里。"),
                ],
                refusedFields: [
                    "Service.spec.publishNotReadyEndpoints": Note(
                        "no Kubernetes release has `publishNotReadyEndpoints`; 1.8 publishes unready pods through the annotation `service.alpha.kubernetes.io/tolerate-unready-endpoints: \"true\"`, and since 1.9 the field is `spec.publishNotReadyAddresses: true`.",
                        chinese: "没有哪个 Kubernetes 版本有 `publishNotReadyEndpoints` 字段；1.8 通过注解 `service.alpha.kubernetes.io/tolerate-unready-endpoints: \"true\"` 发布未就绪的 pod，1.9 起对应的字段是 `spec.publishNotReadyAddresses: true`。"),
                ])),
        minikube: Minikube(version: "v0.23.0", osImage: "Buildroot 2017.02", kernelVersion: "4.9.13",
                           // deploy/addons/ingress of minikube v0.23.0.
                           ingressControllerImageTag: "0.9.0-beta.15", defaultBackendImageTag: "1.3", ingressNginxVersion: "nginx/1.13.5"),
        gke: GKE(version: "1.8.0-gke.0", osImage: "Container-Optimized OS from Google", kernelVersion: "4.4.64+",
                 locationColumn: "ZONE", deleteConfirms: true,
                 sdkVersions: "Google Cloud SDK 181.0.0\nbq 2.0.27\ncore 2017.11.28\ngsutil 4.28\n"))
}
