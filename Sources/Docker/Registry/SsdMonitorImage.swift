extension StandardImages {
    /// `luksa/ssd-monitor`, as the book's `Chapter04/ssd-monitor/Dockerfile` builds it: busybox
    /// with a shell-form ENTRYPOINT, a loop that prints `SSD OK` every five seconds. It adds no
    /// layer; the shell form runs under `/bin/sh -c`, and setting ENTRYPOINT clears busybox's CMD.
    public static var luksaSsdMonitor: BaseImageDefinition {
        var definition = busybox
        let script = "while true; do echo 'SSD OK'; sleep 5; done"
        definition.name = ImageName(path: "luksa/ssd-monitor")
        definition.metadataCommands += ["/bin/sh -c #(nop)  ENTRYPOINT [\"/bin/sh\" \"-c\" \"\(script)\"]"]
        definition.config.entrypoint = ["/bin/sh", "-c", script]
        definition.config.command = nil
        definition.created = date(1_518_480_000) // 2018-02-13, after its busybox base
        definition.aliases = []
        return definition
    }
}
