import CLibEdit

/// A host program run as the terminal's foreground job, the way a shell runs one: it owns the
/// keyboard while it runs (a full-screen editor needs that), and KubeLab takes the terminal
/// back afterwards with its modes as they were.
public enum ForegroundJob {
    /// Runs `/bin/sh -c command editor argument`; the exit status (128+N after signal N), or -1
    /// when it could not start.
    public static func run(shellCommand command: String, argument: String) -> Int32 {
        let status = kubelab_run_in_foreground(command, argument)
        // Ctrl-C typed in the job went to the job's process group, not to a command here.
        InterruptFlag.reset()
        return status
    }
}
