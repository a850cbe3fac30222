import Foundation

/// Seeds drawn from the repository: the golden transcripts and the lessons.
enum SeedCorpus {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func files(in folder: String, extension suffix: String) -> [String] {
        let root = repository.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { $0.pathExtension == suffix && $0.lastPathComponent != "README.md" }
            .sorted { $0.path < $1.path }
            .compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }

    static let transcripts = files(in: "transcripts", extension: "md")
    static let lessons = files(in: "lessons", extension: "yaml")

    /// Every command line of the golden transcripts.
    static let commandLines: [String] = transcripts.flatMap { text in
        text.split(separator: "\n").filter { $0.hasPrefix("$ ") }.map { String($0.dropFirst(2)) }
    }

    /// A pod as the API server returns it, for the template and JSONPath targets.
    static let podJSON = """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"kubia-4jfyf","namespace":"default","labels":{"app":"kubia","rel":"beta"},
        "annotations":{"kubernetes.io/created-by":"x"},"creationTimestamp":"2017-10-01T12:00:00Z"},
        "spec":{"containers":[{"name":"kubia","image":"luksa/kubia","ports":[{"containerPort":8080,"protocol":"TCP"}],
        "resources":{"requests":{"cpu":"100m","memory":"64Mi"}}}],"nodeName":"minikube"},
        "status":{"phase":"Running","podIP":"172.17.0.4","conditions":[{"type":"Ready","status":"True"}],
        "containerStatuses":[{"name":"kubia","ready":true,"restartCount":0,"state":{"running":{"startedAt":"2017-10-01T12:00:01Z"}}}]}}
        """
}
