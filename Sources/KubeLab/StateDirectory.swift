import Foundation

/// Where a learner's KubeLab state lives, and the files in it.
struct StateDirectory {
    let url: URL

    /// `--home`, else `KUBELAB_HOME`, else `$XDG_STATE_HOME/kubelab`, else `~/.local/state/kubelab`.
    static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> StateDirectory {
        if let option, !option.isEmpty { return StateDirectory(url: URL(fileURLWithPath: option)) }
        if let home = environment["KUBELAB_HOME"], !home.isEmpty { return StateDirectory(url: URL(fileURLWithPath: home)) }
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            return StateDirectory(url: URL(fileURLWithPath: state).appendingPathComponent("kubelab"))
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return StateDirectory(url: home.appendingPathComponent(".local/state/kubelab"))
    }

    var journal: URL { url.appendingPathComponent("world.journal") }
    /// The prompt remembered for the journal (see `RememberedPrompt`).
    var rememberedPrompt: URL { url.appendingPathComponent("world.prompt") }
    var history: URL { url.appendingPathComponent("history") }
    var workspace: URL { url.appendingPathComponent("workspace") }

    func create() throws {
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    }
}
