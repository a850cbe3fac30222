/// The processes of one machine (one PID namespace), by PID.
public final class ProcessTable {
    private var processes: [Int: SimulatedProcess] = [:]
    private var lastPID: Int
    /// Processes of other namespaces shown here too, as a Docker host sees its containers'
    /// processes: each with the PID this table gives it.
    private var guests: [ObjectIdentifier: (pid: Int, process: SimulatedProcess)] = [:]

    public init(firstPID: Int = 1) {
        lastPID = firstPID - 1
    }

    func allocatePID() -> Int {
        lastPID += 1
        return lastPID
    }

    func insert(_ process: SimulatedProcess) {
        processes[process.pid] = process
    }

    func remove(_ process: SimulatedProcess) {
        if processes[process.pid] === process { processes[process.pid] = nil }
    }

    public func process(_ pid: Int) -> SimulatedProcess? {
        processes[pid] ?? guests.values.first { $0.pid == pid }?.process
    }

    /// The running processes of this namespace, by PID.
    public var all: [SimulatedProcess] {
        processes.values.sorted { $0.pid < $1.pid }
    }

    /// Own and guest processes with the PIDs they have here, by PID (what the host's `ps` lists).
    public var allIncludingGuests: [(pid: Int, process: SimulatedProcess)] {
        let own = processes.values.map { (pid: $0.pid, process: $0) }
        let visibleGuests = guests.values.filter { $0.process.isRunning }
        return (own + visibleGuests).sorted { $0.pid < $1.pid }
    }

    /// Makes a process of a nested namespace (a container's) visible here under a PID of its own.
    public func adoptGuest(_ process: SimulatedProcess) {
        let key = ObjectIdentifier(process)
        guard guests[key] == nil else { return }
        guests[key] = (allocatePID(), process)
        process.onExit { [weak self] _ in self?.guests[key] = nil }
    }

    public var count: Int { processes.count }
}
