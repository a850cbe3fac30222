/// The CPU time a command line and everything it started has used: what an unattended run
/// checks against its limit, as `ulimit -t` does per process.
public final class CPUAccount {
    public internal(set) var used: Duration = .zero

    public init() {}
}
