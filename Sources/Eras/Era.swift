import Formatting
import StructuredData

/// Every fact about the simulated tools that depends on when they were released: versions and
/// builds, `kubectl run`'s generators, the commands a release has, how its printers lay out
/// tables, YAML and JSONPath, and the one-line notes on what today's tools do instead.
///
/// The world builds one value for the workstation (`WorkstationSetup.standard(era:)`) and
/// hands it down to the Docker engine and CLI, kubectl, minikube, gcloud and the clusters they
/// make; nothing reads an era from anywhere else, so a second profile (today's tools) is one
/// more value, not a change at every call site.
///
/// It lives in a module of its own, just above `Formatting` and `StructuredData` (whose
/// tabwriter presets and YAML styles it holds) and below every module that simulates a tool:
/// those all see it, and it sees none of them.
public struct Era: Sendable {
    /// What the profile is, for people: `Kubernetes in Action (late 2017)`.
    public var name: String
    public var docker: Docker
    public var kubernetes: Kubernetes
    public var kubectl: Kubectl
    public var minikube: Minikube
    public var gke: GKE

    public init(name: String, docker: Docker, kubernetes: Kubernetes, kubectl: Kubectl, minikube: Minikube, gke: GKE) {
        self.name = name
        self.docker = docker
        self.kubernetes = kubernetes
        self.kubectl = kubectl
        self.minikube = minikube
        self.gke = gke
    }
}

extension Era {
    /// The Docker engine and CLI (`docker version`, `docker info`, the registry client).
    public struct Docker: Sendable {
        /// `17.12.0-ce`: client and server, and the `DockerVersion` of images the engine builds.
        public var version: String
        public var apiVersion: String
        public var minimumAPIVersion: String
        public var goVersion: String
        public var gitCommit: String
        /// `Built:` of `docker version`, client and server.
        public var clientBuilt: String
        public var serverBuilt: String
        /// The commits `docker info` reports for containerd, runc and docker-init.
        public var containerdCommit: String
        public var runcCommit: String
        public var initCommit: String
        /// The Go release of the `registry:2` image's binary, which its start-up line names.
        public var registryGoVersion: String
        /// Table layout of `docker ps`, `docker images` …
        public var tables: TabWriter

        public init(version: String, apiVersion: String, minimumAPIVersion: String, goVersion: String, gitCommit: String,
                    clientBuilt: String, serverBuilt: String, containerdCommit: String, runcCommit: String, initCommit: String,
                    registryGoVersion: String, tables: TabWriter) {
            self.version = version
            self.apiVersion = apiVersion
            self.minimumAPIVersion = minimumAPIVersion
            self.goVersion = goVersion
            self.gitCommit = gitCommit
            self.clientBuilt = clientBuilt
            self.serverBuilt = serverBuilt
            self.containerdCommit = containerdCommit
            self.runcCommit = runcCommit
            self.initCommit = initCommit
            self.registryGoVersion = registryGoVersion
            self.tables = tables
        }

        /// What the engine sends registries: `docker/17.12.0-ce go/go1.9.2`.
        public var userAgent: String { "docker/\(version) go/\(goVersion)" }
    }

    /// The cluster side: API server, kubelets, kube-proxy and the add-on images.
    public struct Kubernetes: Sendable {
        /// `v1.8.0`: what the API server, kubelets and kube-proxy report.
        public var version: String
        /// The server build `kubectl version` shows.
        public var gitCommit: String
        public var buildDate: String
        public var goVersion: String
        /// The User-Agent of the kubelet's HTTP probes (`kube-probe/1.8`).
        public var probeUserAgent: String
        /// The runtime a node's kubelet reports (`docker://17.6.0`).
        public var containerRuntimeVersion: String
        /// Tags of the `gcr.io/google_containers` images besides the control plane's own (which carry `version`).
        public var pauseImageTag: String
        public var etcdImageTag: String
        public var dnsImageTag: String
        public var dashboardImageTag: String
        public var addonManagerImageTag: String
        /// Group versions of later releases that this release's API server does not serve, though
        /// the kinds they carry exist here under older versions (`apps/v1` arrived in 1.9).
        public var laterAPIVersions: Set<String>

        public init(version: String, gitCommit: String, buildDate: String, goVersion: String, probeUserAgent: String,
                    containerRuntimeVersion: String, pauseImageTag: String, etcdImageTag: String, dnsImageTag: String,
                    dashboardImageTag: String, addonManagerImageTag: String, laterAPIVersions: Set<String> = []) {
            self.laterAPIVersions = laterAPIVersions
            self.version = version
            self.gitCommit = gitCommit
            self.buildDate = buildDate
            self.goVersion = goVersion
            self.probeUserAgent = probeUserAgent
            self.containerRuntimeVersion = containerRuntimeVersion
            self.pauseImageTag = pauseImageTag
            self.etcdImageTag = etcdImageTag
            self.dnsImageTag = dnsImageTag
            self.dashboardImageTag = dashboardImageTag
            self.addonManagerImageTag = addonManagerImageTag
        }

        /// `1`, `8` of `v1.8.0`.
        public var major: String { versionParts.first ?? "" }
        public var minor: String { versionParts.dropFirst().first ?? "" }
        private var versionParts: [String] { version.drop { $0 == "v" }.split(separator: ".").map(String.init) }
    }

    /// The `kubectl` client.
    public struct Kubectl: Sendable {
        public var version: String
        public var gitCommit: String
        public var buildDate: String
        public var goVersion: String
        /// Commands of later releases that this one does not have (it answers `unknown command`).
        public var laterCommands: Set<String>
        /// The generator `kubectl run` uses without `--generator`, by `--restart` policy.
        public var runGenerators: [String: String]
        /// `kubectl get` tables.
        public var tables: TabWriter
        /// `-o yaml`, `edit` and `config view`.
        public var yamlStyle: YAMLStyle
        /// JSONPath prints maps and lists as Go values (`map[k:v]`) and its debugging dump on
        /// standard output, as kubectl did before about 1.11.
        public var jsonPathPrintsGoValues: Bool
        /// What today's kubectl does instead; nil when this release is today's.
        public var notes: ModernNotes?

        public init(version: String, gitCommit: String, buildDate: String, goVersion: String, laterCommands: Set<String>,
                    runGenerators: [String: String], tables: TabWriter, yamlStyle: YAMLStyle, jsonPathPrintsGoValues: Bool,
                    notes: ModernNotes?) {
            self.version = version
            self.gitCommit = gitCommit
            self.buildDate = buildDate
            self.goVersion = goVersion
            self.laterCommands = laterCommands
            self.runGenerators = runGenerators
            self.tables = tables
            self.yamlStyle = yamlStyle
            self.jsonPathPrintsGoValues = jsonPathPrintsGoValues
            self.notes = notes
        }

        /// `version.Info{Major:"1", …}`, the form `kubectl version` prints without `--short`.
        public static func versionInfo(version: String, gitCommit: String, buildDate: String, goVersion: String) -> String {
            let parts = version.drop { $0 == "v" }.split(separator: ".").map(String.init)
            return "version.Info{Major:\"\(parts.first ?? "")\", Minor:\"\(parts.dropFirst().first ?? "")\", GitVersion:\"\(version)\", "
                + "GitCommit:\"\(gitCommit)\", GitTreeState:\"clean\", BuildDate:\"\(buildDate)\", GoVersion:\"\(goVersion)\", "
                + "Compiler:\"gc\", Platform:\"linux/amd64\"}"
        }
    }

    /// A modern note in each language the course speaks.
    public struct Note: Sendable, Equatable {
        public var english: String
        public var chinese: String

        public init(_ english: String, chinese: String) {
            self.english = english
            self.chinese = chinese
        }
    }

    /// The one-line notes kubectl adds (on standard error, once per topic) where today's tools differ.
    public struct ModernNotes: Sendable {
        /// `--generator` was given.
        public var generator: Note
        /// `kubectl run` made a Deployment: given its name and image.
        public var runDeployment: @Sendable (_ name: String, _ image: String) -> Note
        /// API versions of this era that later releases removed.
        public var removedAPIVersions: Set<String>
        /// A manifest used one of `removedAPIVersions`: given the version and kind.
        public var removedAPIVersion: @Sendable (_ apiVersion: String, _ kind: String) -> Note
        /// A command of a later release was asked for, by name.
        public var laterCommand: [String: Note]
        /// Fields a manifest may carry that this era's validation refuses, by `Kind.path`
        /// (`Service.spec.publishNotReadyEndpoints`): what to write today instead.
        public var refusedFields: [String: Note]

        public init(generator: Note, runDeployment: @escaping @Sendable (String, String) -> Note,
                    removedAPIVersions: Set<String>, removedAPIVersion: @escaping @Sendable (String, String) -> Note,
                    laterCommand: [String: Note], refusedFields: [String: Note] = [:]) {
            self.refusedFields = refusedFields
            self.generator = generator
            self.runDeployment = runDeployment
            self.removedAPIVersions = removedAPIVersions
            self.removedAPIVersion = removedAPIVersion
            self.laterCommand = laterCommand
        }
    }

    /// `minikube` and the VM it starts.
    public struct Minikube: Sendable {
        public var version: String
        /// The node's OS image and kernel (the minikube ISO).
        public var osImage: String
        public var kernelVersion: String
        /// The `ingress` addon: its controller's and default backend's image tags, and the nginx
        /// release the controller runs (its `Server` header and error pages).
        public var ingressControllerImageTag: String
        public var defaultBackendImageTag: String
        public var ingressNginxVersion: String

        public init(version: String, osImage: String, kernelVersion: String, ingressControllerImageTag: String,
                    defaultBackendImageTag: String, ingressNginxVersion: String) {
            self.version = version
            self.osImage = osImage
            self.kernelVersion = kernelVersion
            self.ingressControllerImageTag = ingressControllerImageTag
            self.defaultBackendImageTag = defaultBackendImageTag
            self.ingressNginxVersion = ingressNginxVersion
        }
    }

    /// Google Kubernetes Engine as `gcloud` reached it.
    public struct GKE: Sendable {
        /// `1.8.0-gke.0`: masters and nodes alike.
        public var version: String
        public var osImage: String
        public var kernelVersion: String
        /// `gcloud container clusters list|create` name the zone column `ZONE` (later `LOCATION`).
        public var locationColumn: String
        /// `gcloud container clusters delete` asks before deleting unless `--quiet`.
        public var deleteConfirms: Bool
        /// What `gcloud version` prints: the Cloud SDK and its components.
        public var sdkVersions: String

        public init(version: String, osImage: String, kernelVersion: String, locationColumn: String, deleteConfirms: Bool,
                    sdkVersions: String) {
            self.sdkVersions = sdkVersions
            self.version = version
            self.osImage = osImage
            self.kernelVersion = kernelVersion
            self.locationColumn = locationColumn
            self.deleteConfirms = deleteConfirms
        }
    }
}
