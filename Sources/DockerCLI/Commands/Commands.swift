/// Every subcommand the simulated CLI knows.
public enum Commands {
    static var all: [DockerCommand] {
        [run, create, start, stop, restart, kill, rm, logs, exec, ps, images, history, inspect, build, pull, push, tag, rmi,
         login, logout, info, version, volume, port, top, stats, diff]
    }

    /// Every subcommand's name.
    public static var allNames: Set<String> {
        Set(all.map(\.name))
    }

    /// The subcommands that only look at the engine, by name.
    public static var readOnlyNames: Set<String> {
        Set(all.filter(\.readsOnly).map(\.name))
    }
}
