import Testing
@testable import Docker

@Suite struct ImageReferenceTests {
    struct Valid: Sendable, CustomTestStringConvertible {
        let input: String
        let full: String
        let familiar: String
        let domain: String
        let namespace: String?
        var testDescription: String { input }
    }

    static let digest = "sha256:" + String(repeating: "ab", count: 32)

    @Test(arguments: [
        Valid(input: "kubia", full: "docker.io/library/kubia", familiar: "kubia", domain: "docker.io", namespace: "library"),
        Valid(input: "kubia:latest", full: "docker.io/library/kubia:latest", familiar: "kubia:latest",
              domain: "docker.io", namespace: "library"),
        Valid(input: "luksa/kubia:v2", full: "docker.io/luksa/kubia:v2", familiar: "luksa/kubia:v2",
              domain: "docker.io", namespace: "luksa"),
        Valid(input: "docker.io/luksa/kubia", full: "docker.io/luksa/kubia", familiar: "luksa/kubia",
              domain: "docker.io", namespace: "luksa"),
        Valid(input: "index.docker.io/library/node:7", full: "docker.io/library/node:7", familiar: "node:7",
              domain: "docker.io", namespace: "library"),
        Valid(input: "localhost:5000/kubia", full: "localhost:5000/kubia", familiar: "localhost:5000/kubia",
              domain: "localhost:5000", namespace: nil),
        Valid(input: "localhost/kubia", full: "localhost/kubia", familiar: "localhost/kubia", domain: "localhost", namespace: nil),
        Valid(input: "registry.example.com:443/a/b@" + digest, full: "registry.example.com:443/a/b@" + digest,
              familiar: "registry.example.com:443/a/b@" + digest, domain: "registry.example.com:443", namespace: "a"),
        Valid(input: "gcr.io/google_containers/pause-amd64:3.0", full: "gcr.io/google_containers/pause-amd64:3.0",
              familiar: "gcr.io/google_containers/pause-amd64:3.0", domain: "gcr.io", namespace: "google_containers"),
        Valid(input: "library/busybox:1.27.2@" + digest, full: "docker.io/library/busybox:1.27.2@" + digest,
              familiar: "busybox:1.27.2@" + digest, domain: "docker.io", namespace: "library"),
        Valid(input: "docker.io/kubia", full: "docker.io/library/kubia", familiar: "kubia", domain: "docker.io", namespace: "library"),
        // Without a slash a host-like name is an official image with a tag, as in docker.
        Valid(input: "localhost:5000", full: "docker.io/library/localhost:5000", familiar: "localhost:5000",
              domain: "docker.io", namespace: "library"),
        Valid(input: "a/b/c", full: "docker.io/a/b/c", familiar: "a/b/c", domain: "docker.io", namespace: "a"),
        Valid(input: "my-app__v2.x:Tag_1", full: "docker.io/library/my-app__v2.x:Tag_1", familiar: "my-app__v2.x:Tag_1",
              domain: "docker.io", namespace: "library"),
    ])
    func normalizes(_ example: Valid) throws {
        let reference = try ImageReference(parsing: example.input)
        #expect(reference.description == example.full)
        #expect(reference.familiarString == example.familiar)
        #expect(reference.domain == example.domain)
        #expect(reference.namespace == example.namespace)
    }

    @Test func addsTheDefaultTagOnlyToBareNames() throws {
        #expect(try ImageReference(parsing: "kubia").withDefaultTag.description == "docker.io/library/kubia:latest")
        #expect(try ImageReference(parsing: "kubia:v1").withDefaultTag.familiarString == "kubia:v1")
        #expect(try ImageReference(parsing: "kubia@" + Self.digest).withDefaultTag.tag == nil)
        #expect(try ImageReference(parsing: "luksa/kubia").tagged("v3").familiarString == "luksa/kubia:v3")
    }

    @Test func knowsRegistriesAndAccounts() throws {
        let hub = try ImageReference(parsing: "luksa/kubia")
        #expect(hub.isDockerHub && !hub.isOfficial)
        #expect(hub.authServerAddress == "https://index.docker.io/v1/")
        #expect(try ImageReference(parsing: "node").isOfficial)
        #expect(try ImageReference(parsing: "localhost:5000/kubia").authServerAddress == "localhost:5000")
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        let input: String
        let message: String
        var testDescription: String { input }
    }

    @Test(arguments: [
        Invalid(input: "Kubia", message: "invalid reference format: repository name must be lowercase"),
        Invalid(input: "luksa/Kubia:v1", message: "invalid reference format: repository name must be lowercase"),
        Invalid(input: "localhost:5000/Kubia", message: "invalid reference format: repository name must be lowercase"),
        Invalid(input: "", message: "invalid reference format"),
        Invalid(input: "kubia:", message: "invalid reference format"),
        Invalid(input: "kubia:-v1", message: "invalid reference format"),
        Invalid(input: "kubia:" + String(repeating: "a", count: 129), message: "invalid reference format"),
        Invalid(input: "-kubia", message: "invalid reference format"),
        Invalid(input: "kubia/", message: "invalid reference format"),
        Invalid(input: "a//b", message: "invalid reference format"),
        Invalid(input: "a..b", message: "invalid reference format"),
        Invalid(input: "a___b", message: "invalid reference format"),
        Invalid(input: "my_registry:5000/x", message: "invalid reference format"),
        Invalid(input: "kubia@sha256:abc", message: "invalid reference format"),
        Invalid(input: "kubia@sha256:" + String(repeating: "a", count: 40), message: "invalid checksum digest length"),
        Invalid(input: "kubia@md5:" + String(repeating: "a", count: 32), message: "unsupported digest algorithm"),
        Invalid(input: String(repeating: "ab", count: 32),
                message: "invalid repository name (\(String(repeating: "ab", count: 32))), cannot specify 64-byte hexadecimal strings"),
        Invalid(input: String(repeating: "a/", count: 127) + "ab",
                message: "repository name must not be more than 255 characters"),
    ])
    func rejects(_ example: Invalid) {
        #expect(throws: ImageReferenceError(example.message)) { try ImageReference(parsing: example.input) }
    }

    @Test(arguments: [("latest", true), ("v1.0-rc_1", true), ("_x", true), (".x", false), ("-x", false), ("", false),
                      (String(repeating: "a", count: 128), true), (String(repeating: "a", count: 129), false), ("a:b", false)])
    func validatesTags(_ tag: String, _ valid: Bool) {
        #expect(ImageTag.isValid(tag) == valid)
    }
}
