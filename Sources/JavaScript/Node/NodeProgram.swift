import Kernel
import Simulation

/// One SRV record, as `dns.resolveSrv` reports it.
public struct ServiceRecord: Sendable, Hashable {
    public var name: String
    public var port: Int
    public var priority: Int
    public var weight: Int

    public init(name: String, port: Int, priority: Int = 10, weight: Int = 100) {
        self.name = name
        self.port = port
        self.priority = priority
        self.weight = weight
    }
}

/// The `node` executable (v7.10.1): runs a script file, `-e` code, or a program read from
/// stdin, then serves its event loop until nothing is pending.
public struct NodeProgram: Program {
    /// Steps one turn of the event loop may take before the process is killed.
    public var stepLimit: Int
    /// Looks up SRV records for `dns.resolveSrv` (the cluster DNS); nil answers ENOTFOUND.
    public var serviceRecords: UncheckedSendable<(Machine, String) -> [ServiceRecord]?>?

    public init(stepLimit: Int = 10_000_000, serviceRecords: ((Machine, String) -> [ServiceRecord]?)? = nil) {
        self.stepLimit = stepLimit
        self.serviceRecords = serviceRecords.map { UncheckedSendable($0) }
    }

    public static let version = "v7.10.1"

    public func run(_ context: ProgramContext) async throws -> Int32 {
        // Node 7 with a small app: V8's heap reservation and libuv's threads.
        context.process.setFootprint(virtualKilobytes: 676_380, residentKilobytes: 16_504, multithreaded: true)
        var arguments = Array(context.arguments.dropFirst())
        var evalSource: String?
        while let first = arguments.first, first.hasPrefix("-"), first != "-" {
            arguments.removeFirst()
            switch first {
            case "-v", "--version":
                context.print(NodeProgram.version + "\n")
                return 0
            case "-e", "--eval", "-p", "--print":
                guard let code = arguments.first else {
                    context.printError("node: \(first) requires an argument\n")
                    return 9
                }
                arguments.removeFirst()
                evalSource = first == "-p" || first == "--print" ? "console.log(\(code))" : code
            case "-h", "--help":
                context.print("Usage: node [options] [ -e script | script.js ] [arguments]\n")
                return 0
            default:
                context.printError("node: bad option: \(first)\n")
                return 9
            }
        }
        let runtime = NodeRuntime(context: context, stepLimit: stepLimit, serviceRecords: serviceRecords?.value)
        if let evalSource {
            return try await runtime.run(source: evalSource, fileName: "[eval]", scriptArguments: arguments, isEval: true)
        }
        guard let file = arguments.first, file != "-" else {
            let source = try await LineBuffer(context.stdin).readAll()
            return try await runtime.run(source: String(decoding: source, as: UTF8.self), fileName: "[stdin]",
                                         scriptArguments: Array(arguments.dropFirst()), isEval: true)
        }
        let path = context.resolve(file)
        var source: String?
        for candidate in [path, path + ".js"] {
            if let bytes = try? context.machine.fileSystem.readFile(candidate, as: context.user),
               !context.machine.fileSystem.isDirectory(candidate) {
                source = String(decoding: bytes, as: UTF8.self)
                break
            }
        }
        guard let source else {
            context.printError(NodeErrorReport.missingMainModule(path))
            return 1
        }
        return try await runtime.run(source: source, fileName: path, scriptArguments: Array(arguments.dropFirst()), isEval: false)
    }
}

extension NodeProgram {
    /// The registry name node images' `/usr/local/bin/node` binary refers to.
    public static let programName = "node"

    /// Registers `node` in `registry`.
    public static func register(in registry: ProgramRegistry, stepLimit: Int = 10_000_000,
                                serviceRecords: ((Machine, String) -> [ServiceRecord]?)? = nil) {
        registry.register(programName, NodeProgram(stepLimit: stepLimit, serviceRecords: serviceRecords))
    }
}
