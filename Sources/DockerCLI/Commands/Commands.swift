/// Every subcommand the simulated CLI knows.
enum Commands {
    static var all: [DockerCommand] {
        [run, create, start, stop, restart, kill, rm, logs, exec, ps, images, history, inspect, build, pull, push, tag, rmi,
         login, logout, info, version, volume]
    }
}
