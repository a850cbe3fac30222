/// The world a lesson starts from: a fresh world with a cluster of one kind, files in the
/// learner's home and commands run out of sight. Entering the lesson restores it, whatever the
/// learner did before, so no check can pass on what an earlier lesson left behind.
public struct LessonWorld: Hashable, Sendable {
    /// The kind of cluster that runs, empty, in the starting world.
    public enum Cluster: String, CaseIterable, Hashable, Sendable {
        /// No cluster: a clean workstation.
        case none
        /// A local single-node cluster (`minikube start`).
        case minikube
        /// A three-node Google Kubernetes Engine cluster named `kubia`, as in the book.
        case gke

        /// The command lines that bring it up, as the book types them.
        public var commands: [String] {
            switch self {
            case .none: []
            case .minikube: ["minikube start"]
            case .gke: ["gcloud container clusters create kubia --num-nodes 3 --machine-type f1-micro"]
            }
        }
    }

    public var cluster: Cluster
    /// Command lines run out of sight once the cluster runs and the files are written.
    public var commands: [String]
    /// Files written into the learner's home (paths relative to it).
    public var files: [SetupFile]

    public init(cluster: Cluster = .none, commands: [String] = [], files: [SetupFile] = []) {
        self.cluster = cluster
        self.commands = commands
        self.files = files
    }

    /// Everything run after the fresh world is made: the cluster's commands, then `commands`.
    public var setupCommands: [String] { cluster.commands + commands }
}
