import ArgumentParser
import Foundation

/// `kubelab reset`: starts the world over (history is kept).
struct Reset: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Start over: remove the saved world and the workspace folder (command history is kept).")

    @Option(name: .long, help: ArgumentHelp("The state directory (also KUBELAB_HOME).", valueName: "dir"))
    var home: String?

    func run() throws {
        let state = StateDirectory.resolve(option: home)
        let manager = FileManager.default
        for url in [state.journal, state.rememberedPrompt, state.workspace] where manager.fileExists(atPath: url.path) {
            try manager.removeItem(at: url)
        }
        print("The world in \(state.url.path) was reset.")
    }
}
