import Kernel

/// Registers the HTTP client and server programs under the names their binaries carry:
/// `curl`, `wget`, `nginx`, `ping` and `openssl`.
public func registerNetworkTools(in registry: ProgramRegistry) {
    registry.register("curl", CurlProgram())
    registry.register("wget", WgetProgram())
    registry.register("nginx", NginxProgram())
    registry.register("ping", PingProgram())
    registry.register("openssl", OpenSSLProgram())
}
