import Foundation

/// `kubelab progress export FILE` and `kubelab progress import FILE`: move a learner's progress
/// between machines. Each prints to `output` and returns the exit status for the process.
public enum ProgressTransfer {
    public static func export(stateDirectory: URL, to file: String, output: (String) -> Void) -> Int32 {
        let store = ProgressStore(directory: stateDirectory)
        do {
            let loaded = try store.load()
            if let notice = loaded.notice { output(notice + "\n") }
            try store.export(to: URL(fileURLWithPath: file))
            output("Progress exported to \(file).\n")
            return 0
        } catch {
            output("kubelab: cannot export progress to \(file): \(error.localizedDescription)\n")
            return 1
        }
    }

    public static func `import`(stateDirectory: URL, from file: String, output: (String) -> Void) -> Int32 {
        let store = ProgressStore(directory: stateDirectory)
        do {
            let progress = try store.import(from: URL(fileURLWithPath: file))
            let steps = progress.completedSteps.values.reduce(0) { $0 + $1.count }
            output("Progress imported from \(file): \(steps) completed step\(steps == 1 ? "" : "s").\n")
            if progress.currentLesson != nil {
                output("Worlds stay on their machine: in the course, `reset` starts the current lesson over here.\n")
            }
            return 0
        } catch let unreadable as ProgressStore.Unreadable {
            output("kubelab: \(unreadable.description); nothing was changed\n")
            return 1
        } catch {
            output("kubelab: cannot import progress from \(file): \(error.localizedDescription); nothing was changed\n")
            return 1
        }
    }
}
