import Foundation
import Testing
import Eras

/// The era is one value: its facts are written in `Sources/Eras` and nowhere else.
@Suite struct EraTests {
    /// The book-era facts that are specific enough to find by text: versions, builds, commits.
    static var distinctiveFacts: [String] {
        let era = Era.kubernetesInAction
        return [
            era.docker.version, era.docker.gitCommit, era.docker.goVersion, era.docker.clientBuilt, era.docker.serverBuilt,
            era.docker.containerdCommit, era.docker.runcCommit, era.docker.registryGoVersion,
            era.kubernetes.version, era.kubernetes.gitCommit, era.kubernetes.buildDate, era.kubernetes.goVersion,
            era.kubernetes.probeUserAgent, era.kubernetes.containerRuntimeVersion, era.kubernetes.etcdImageTag,
            era.kubernetes.dnsImageTag, era.kubernetes.dashboardImageTag, era.kubernetes.addonManagerImageTag,
            era.kubectl.version, era.kubectl.gitCommit, era.kubectl.buildDate,
            era.minikube.version, era.minikube.osImage, era.minikube.ingressControllerImageTag, era.minikube.ingressNginxVersion, era.gke.version, era.gke.osImage, era.gke.kernelVersion,
        ]
    }

    /// Every Swift source outside `Sources/Eras`, with comment lines left out.
    static func sources() throws -> [(path: String, code: String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources")
        guard let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else { return [] }
        var files: [(String, String)] = []
        for case let url as URL in walker where url.pathExtension == "swift" && !url.path.contains("/Sources/Eras/") {
            let text = try String(contentsOf: url, encoding: .utf8)
            let code = text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
                .joined(separator: "\n")
            files.append((String(url.path.dropFirst(root.path.count + 1)), code))
        }
        return files
    }

    @Test func noEraFactIsWrittenOutsideTheEra() throws {
        let files = try Self.sources()
        #expect(files.count > 100)
        var found: [String] = []
        for (path, code) in files {
            for fact in Self.distinctiveFacts where code.contains("\"" + fact) || code.contains(fact + "\"") {
                found.append("\(path): \(fact)")
            }
        }
        #expect(found.isEmpty, "\(found)")
    }

    /// Only the workstation's setup names the profile; everything else is handed it.
    @Test func onlyTheWorkstationChoosesTheEra() throws {
        let choosers = try Self.sources().filter { $0.code.contains(".kubernetesInAction") }.map(\.path)
        #expect(choosers == ["Sources/World/Workstation/StandardWorkstation.swift"])
    }

    @Test func theBookEraIsLate2017() {
        let era = Era.kubernetesInAction
        #expect(era.kubernetes.major == "1" && era.kubernetes.minor == "8")
        #expect(era.kubectl.laterCommands == ["wait", "api-resources"])
        #expect(era.gke.locationColumn == "ZONE" && era.gke.deleteConfirms)
        #expect(era.docker.userAgent == "docker/17.12.0-ce go/go1.9.2")
        #expect(Era.Kubectl.versionInfo(version: "v1.8.0", gitCommit: "c", buildDate: "d", goVersion: "go1.8.3")
            == "version.Info{Major:\"1\", Minor:\"8\", GitVersion:\"v1.8.0\", GitCommit:\"c\", GitTreeState:\"clean\", BuildDate:\"d\", GoVersion:\"go1.8.3\", Compiler:\"gc\", Platform:\"linux/amd64\"}")
        // Every later command has a note on today's way.
        for command in era.kubectl.laterCommands { #expect(era.kubectl.notes?.laterCommand[command] != nil) }
    }
}
