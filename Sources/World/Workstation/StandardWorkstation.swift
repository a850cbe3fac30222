import Machine

extension ShellSession: LoginShell {}

extension WorkstationSetup {
    /// The learner's workstation: Debian with bash, coreutils and the learner's editor, the
    /// user `learner` in a home directory mirrored to the workspace folder.
    public static func standard() -> WorkstationSetup {
        let learner = RootFileSystems.learner
        let hostname = "workstation"
        let editors = ["/usr/local/bin/edit", "/usr/bin/vi", "/usr/bin/vim", "/usr/bin/nano"].map {
            InstalledProgram(path: $0, program: EditProgram.name, size: 2_436_504)
        }
        return WorkstationSetup(
            hostname: hostname,
            learner: learner,
            rootFileSystem: RootFileSystems.workstation(hostname: hostname, extras: editors),
            registerPrograms: { registry in
                registerCoreutils(in: registry)
                registerNetworkTools(in: registry)
                registry.register("bash", ShellProgram())
                registry.register("sh", ShellProgram())
                // What BusyBox images run for their echo, printf, test, [ and pwd links.
                for (name, program) in ShellUtilityProgram.all { registry.register(name, program) }
            },
            makeShell: { machine in
                ShellSession(machine: machine, user: learner, environment: loginEnvironment(for: learner, hostname: hostname),
                             workingDirectory: learner.home)
            },
            finish: { world in
                world.programs.register(EditProgram.name, EditProgram(world: UncheckedSendable(world)))
            })
    }

    /// What a login shell on the workstation starts with.
    static func loginEnvironment(for user: Credentials, hostname: String) -> [String: String] {
        [
            "HOME": user.home,
            "USER": user.userName,
            "LOGNAME": user.userName,
            "SHELL": "/bin/bash",
            "PATH": "/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games",
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "HOSTNAME": hostname,
            // The prompt of the book's examples: the working directory and `$`.
            "PS1": "\\w \\$ ",
        ]
    }
}

import Simulation
