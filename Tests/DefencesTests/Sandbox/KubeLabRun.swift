import Foundation

/// Runs the built `kubelab` program, as a learner would from a shell.
enum KubeLabRun {
    static let executable = SeedCorpus.repository.appendingPathComponent(".build/debug/kubelab")

    struct Result {
        var status: Int32
        var output: String
        /// The signal that ended the process, if one did (a crash).
        var signal: Int32?
    }

    /// Runs `kubelab arguments…` with `input` on standard input; kills it after `timeout` seconds.
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:], timeout: Double = 120) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables["EDITOR"] = "/bin/false"
        variables["VISUAL"] = "/bin/false"
        variables.merge(environment) { $1 }
        process.environment = variables
        let inputPipe = Pipe()
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-run-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let output = try FileHandle(forWritingTo: outputFile)
        process.standardInput = inputPipe
        process.standardOutput = output
        process.standardError = output
        try process.run()
        inputPipe.fileHandleForWriting.write(Data(input.utf8))
        try? inputPipe.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try? output.close()
            return Result(status: -1, output: "kubelab did not finish within \(timeout) s", signal: SIGKILL)
        }
        process.waitUntilExit()
        try? output.close()
        let text = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        let crashed = process.terminationReason == .uncaughtSignal
        return Result(status: process.terminationStatus, output: text, signal: crashed ? process.terminationStatus : nil)
    }
}
