import Foundation
import Testing

/// The module boundaries hold by the package's declared dependencies, not by what happens to be
/// built already: SwiftPM lets a target import any module it finds in the build directory, so
/// this test reads `Package.swift` and every source's imports and refuses an import of a package
/// target outside the importer's declared dependencies (with theirs).
@Suite struct ModuleBoundaryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Target {
        let name: String
        let isTest: Bool
        let dependencies: [String]
        var directory: String { (isTest ? "Tests/" : "Sources/") + name }
    }

    /// The targets `Package.swift` declares, with the names their dependency lists quote.
    static func targets() throws -> [Target] {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let declaration = try Regex(#"\.(target|executableTarget|testTarget|systemLibrary)\(\s*name:\s*"(\w+)"(?:,\s*dependencies:\s*\[([^\]]*)\])?"#)
        let quoted = try Regex(#""(\w+)""#)
        return manifest.matches(of: declaration).compactMap { match in
            guard let kind = match.output[1].substring, let name = match.output[2].substring else { return nil }
            let list = match.output[3].substring.map(String.init) ?? ""
            let dependencies = list.matches(of: quoted).compactMap { $0.output[1].substring.map(String.init) }
            return Target(name: String(name), isTest: kind == "testTarget", dependencies: dependencies)
        }
    }

    /// The modules each Swift file under `directory` imports.
    static func imports(under directory: String) throws -> [(file: String, module: String)] {
        let url = root.appendingPathComponent(directory)
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { return [] }
        let statement = try Regex(#"^\s*(?:@testable\s+|@_exported\s+)?import\s+(\w+)\s*$"#)
        var found: [(String, String)] = []
        for case let file as URL in walker where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in text.split(separator: "\n") {
                if let match = try statement.wholeMatch(in: String(line)), let module = match.output[1].substring {
                    found.append((String(file.path.dropFirst(root.path.count + 1)), String(module)))
                }
            }
        }
        return found
    }

    @Test func everyImportOfAPackageModuleIsADeclaredDependency() throws {
        let targets = try Self.targets()
        #expect(targets.count > 30)
        let byName = Dictionary(targets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func closure(_ name: String) -> Set<String> {
            var seen: Set<String> = []
            var pending = byName[name]?.dependencies ?? []
            while let next = pending.popLast() {
                guard seen.insert(next).inserted else { continue }
                pending += byName[next]?.dependencies ?? []
            }
            return seen
        }
        var violations: [String] = []
        for target in targets {
            let allowed = closure(target.name)
            for (file, module) in try Self.imports(under: target.directory)
            where byName[module] != nil && !(byName[module]?.isTest ?? false) && module != target.name && !allowed.contains(module) {
                violations.append("\(file) imports \(module)")
            }
        }
        #expect(violations.isEmpty, "\(violations)")
    }

    /// The seams issue #13 asks the compiler to keep: table of module, modules it must not reach.
    @Test(arguments: [
        ("NodeAgent", ["Docker", "DockerCLI", "DockerShim", "ControlPlane", "Cloud", "Kubectl"]),
        ("Kubectl", ["ControlPlane", "NodeAgent", "Docker", "DockerShim", "Cloud"]),
        ("KubernetesAPI", ["ControlPlane", "NodeAgent", "Docker", "Cloud", "Kubectl"]),
        ("ControlPlane", ["NodeAgent", "Docker", "DockerShim", "Cloud", "Kubectl"]),
        ("Kernel", ["Shell", "Userland", "Machine"]),
    ])
    func layersStayApart(module: String, forbidden: [String]) throws {
        let targets = try Self.targets()
        let byName = Dictionary(targets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<String> = []
        var pending = byName[module]?.dependencies ?? []
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            pending += byName[next]?.dependencies ?? []
        }
        #expect(byName[module] != nil)
        #expect(seen.intersection(forbidden).isEmpty, "\(module) reaches \(seen.intersection(forbidden).sorted())")
    }
}
