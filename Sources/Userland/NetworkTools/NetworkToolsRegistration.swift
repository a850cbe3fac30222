import Kernel

/// Registers the HTTP client and server programs under the names their binaries carry:
/// `curl`, `wget` and `nginx`.
public func registerNetworkTools(in registry: ProgramRegistry) {
    registry.register("curl", CurlProgram())
    registry.register("wget", WgetProgram())
    registry.register("nginx", NginxProgram())
}
