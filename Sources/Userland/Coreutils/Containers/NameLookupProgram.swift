import Kernel

/// `nslookup NAME [SERVER]`: resolves a name through the machine's resolver, printing BusyBox's
/// layout (busybox, alpine) or bind's (Debian's dnsutils).
public struct NameLookupProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .busybox) {
        self.flavor = flavor
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        let operands = context.arguments.dropFirst().filter { !$0.hasPrefix("-") }
        guard let name = operands.first else {
            context.printError(flavor == .busybox ? BusyBoxProgram.banner + "\n\nUsage: nslookup [HOST] [SERVER]\n" : "Usage: nslookup [HOST] [SERVER]\n")
            return 1
        }
        let configuration = resolverConfiguration(context)
        let server = configuration.server
        // Names without a dot go through the search domains first, as the resolver does.
        let expanded = configuration.search.map { name + "." + $0 }
        let candidates = name.contains(".") ? [name] + expanded : expanded + [name]
        var fullName = name
        var addresses: [String] = []
        var aliases: [NameAnswer.Alias] = []
        for candidate in candidates {
            // A CNAME answer ends the search even when its target has no address.
            guard let answer = context.machine.networkStack.lookup(candidate), !answer.addresses.isEmpty || !answer.aliases.isEmpty else { continue }
            addresses = answer.addresses
            aliases = answer.aliases
            fullName = candidate
            break
        }
        var output = ""
        if flavor == .busybox {
            output += "Server:    \(server)\nAddress 1: \(server)\n\n"
            guard !addresses.isEmpty else {
                context.emit(output)
                context.printError("nslookup: can't resolve '\(name)'\n")
                return 1
            }
            output += "Name:      \(fullName)\n"
            for (index, address) in addresses.enumerated() { output += "Address \(index + 1): \(address)\n" }
        } else {
            output += "Server:\t\t\(server)\nAddress:\t\(server)#53\n\n"
            guard !addresses.isEmpty || !aliases.isEmpty else {
                output += "** server can't find \(name): NXDOMAIN\n\n"
                context.emit(output)
                return 1
            }
            if !configuration.search.contains(where: { fullName.hasSuffix("." + $0) }) { output += "Non-authoritative answer:\n" }
            // bind prints each CNAME record, its target fully qualified, then the A records.
            for alias in aliases { output += "\(alias.name)\tcanonical name = \(alias.canonicalName).\n" }
            let owner = aliases.last?.canonicalName ?? fullName
            for address in addresses { output += "Name:\t\(owner)\nAddress: \(address)\n" }
            output += "\n"
        }
        context.emit(output)
        return 0
    }

    /// The first `nameserver` and the `search` domains of /etc/resolv.conf.
    private func resolverConfiguration(_ context: ProgramContext) -> (server: String, search: [String]) {
        var server = "127.0.0.11"
        var search: [String] = []
        guard let bytes = try? context.machine.fileSystem.readFile("/etc/resolv.conf") else { return (server, search) }
        var sawServer = false
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard fields.count >= 2 else { continue }
            if fields[0] == "nameserver", !sawServer {
                server = fields[1]
                sawServer = true
            }
            if fields[0] == "search" { search = Array(fields.dropFirst()) }
        }
        return (server, search)
    }
}
