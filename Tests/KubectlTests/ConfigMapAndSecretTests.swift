@testable import Kubectl
import KubernetesAPI
import Testing

/// ConfigMap and Secret, added through their kind declarations: kubectl 1.8's generators,
/// printers and describers, and the server's key rules.
@Suite struct ConfigMapAndSecretTests {
    static let pem = """
        -----BEGIN CERTIFICATE-----
        TUlJQmtUQ0I=
        -----END CERTIFICATE-----

        """
    static let key = """
        -----BEGIN RSA PRIVATE KEY-----
        TUlJRXBBSUI=
        -----END RSA PRIVATE KEY-----

        """

    func harness() throws -> KubectlHarness {
        let harness = try KubectlHarness()
        try harness.machine.fileSystem.createDirectory("/root/conf", as: .root)
        try harness.write("/root/conf/sleep-interval", "25")
        try harness.write("/root/conf/my-nginx-config.conf", "server {}\n")
        try harness.write("/root/tls.crt", Self.pem)
        try harness.write("/root/tls.key", Self.key)
        try harness.write("/root/plain.txt", "not pem")
        return harness
    }

    /// (command, stdout, stderr) of each generator: the objects it creates or 1.8's error.
    static let createCases: [(String, String, String)] = [
        ("kubectl create configmap c --from-literal=a=1 --from-literal=b=x=y", "configmap \"c\" created\n", ""),
        ("kubectl create cm c --from-file=conf", "configmap \"c\" created\n", ""),
        ("kubectl create configmap c --from-file=k=conf/sleep-interval", "configmap \"c\" created\n", ""),
        ("kubectl create configmap c", "configmap \"c\" created\n", ""),
        // Flags of `create` before the subcommand's name do not hide it (cobra's Find).
        ("kubectl create -n default cm c --from-literal=a=1", "configmap \"c\" created\n", ""),
        ("kubectl create secret -n default generic s", "secret \"s\" created\n", ""),
        ("kubectl create configmap", "", "error: exactly one NAME is required, got 0\nSee 'kubectl create configmap -h' for help and examples.\n"),
        ("kubectl create configmap c --from-literal=a b", "", "error: exactly one NAME is required, got 2\nSee 'kubectl create configmap -h' for help and examples.\n"),
        ("kubectl create configmap c --from-literal=a:b=1", "",
         "error: \"a:b\" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n"),
        ("kubectl create configmap c --from-literal=..a=1", "", "error: \"..a\" is not a valid key name for a ConfigMap: must not start with '..'\n"),
        ("kubectl create configmap c --from-literal=a=1 --from-literal=a=2", "", "error: cannot add key a, another key by that name already exists: map[a:1].\n"),
        ("kubectl create configmap c --from-literal=a", "", "error: invalid literal source a, expected key=value\n"),
        ("kubectl create configmap c --from-literal==a", "", "error: invalid literal source =a, expected key=value\n"),
        ("kubectl create configmap c --from-file=missing", "", "error: error reading missing: no such file or directory\n"),
        ("kubectl create configmap c --from-file=k=conf", "", "error: cannot give a key name for a directory path.\n"),
        ("kubectl create configmap c --from-file==conf", "", "error: key name for file path conf missing.\n"),
        ("kubectl create configmap c --from-file=k=", "", "error: file path for key name k missing.\n"),
        ("kubectl create configmap c --from-file=a=b=c", "", "error: Key names or file paths cannot contain '='.\n"),
        ("kubectl create secret generic s --from-literal=a=1 --from-literal=a=2", "", "error: cannot add key a, another key by that name already exists: map[a:[49]].\n"),
        ("kubectl create secret generic s --from-literal=a/b=1", "",
         "error: \"a/b\" is not a valid key name for a Secret: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n"),
        ("kubectl create secret generic s --from-file=conf", "secret \"s\" created\n", ""),
        ("kubectl create secret tls t --cert=tls.crt --key=tls.key", "secret \"t\" created\n", ""),
        ("kubectl create secret tls t --cert=tls.crt", "", "error: key must be specified.\n"),
        ("kubectl create secret tls t --key=tls.key", "", "error: certificate must be specified.\n"),
        ("kubectl create secret tls t --cert=nope --key=tls.key", "", "error: failed to load key pair open nope: no such file or directory\n"),
        ("kubectl create secret tls t --cert=plain.txt --key=tls.key", "", "error: failed to load key pair tls: failed to find any PEM data in certificate input\n"),
        ("kubectl create secret tls t --cert=tls.key --key=tls.key", "",
         "error: failed to load key pair tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched\n"),
        ("kubectl create secret tls t --cert=tls.crt --key=plain.txt", "", "error: failed to load key pair tls: failed to find any PEM data in key input\n"),
        ("kubectl create secret tls t --cert=tls.crt --key=tls.crt", "", "error: failed to load key pair tls: found a certificate rather than a key in the PEM for the private key\n"),
    ]

    @Test(arguments: createCases)
    func generatorsCreateOrRefuse(_ testCase: (String, String, String)) throws {
        let result = try harness().run(testCase.0)
        #expect(result.output == testCase.1, "\(testCase.0)")
        #expect(result.error == testCase.2, "\(testCase.0)")
        #expect(result.status == (testCase.2.isEmpty ? 0 : 1))
    }

    @Test func configMapFromADirectoryTakesEachRegularFile() throws {
        let harness = try harness()
        try harness.machine.fileSystem.createDirectory("/root/conf/sub", as: .root)
        _ = harness.run("kubectl create configmap c --from-file=conf --from-literal=z=last")
        let configMap = try harness.client.get(ConfigMap.self, namespace: "default", name: "c")
        #expect(configMap.data == ["sleep-interval": "25", "my-nginx-config.conf": "server {}\n", "z": "last"])
    }

    @Test func tablesPrintDataCountsAndTypes() throws {
        let harness = try harness()
        _ = harness.run("kubectl create configmap c --from-literal=a=1 --from-literal=b=2")
        _ = harness.run("kubectl create secret generic s --from-literal=a=1")
        _ = harness.run("kubectl create secret tls t --cert=tls.crt --key=tls.key")
        #expect(harness.run("kubectl get cm").output == "NAME      DATA      AGE\nc         2         0s\n")
        #expect(harness.run("kubectl get secrets").output == "NAME      TYPE                DATA      AGE\ns         Opaque              1         0s\nt         kubernetes.io/tls   2         0s\n")
        #expect(!harness.run("kubectl get all").output.contains("configmap"))
        #expect(!harness.run("kubectl get all").output.contains("secret"))
    }

    @Test func yamlShowsSortedDataAndBase64Secrets() throws {
        let harness = try harness()
        _ = harness.run("kubectl create secret generic s --from-literal=b=hello --from-literal=a=kubia")
        let yaml = harness.run("kubectl get secret s -o yaml").output
        #expect(yaml.hasPrefix("apiVersion: v1\ndata:\n  a: a3ViaWE=\n  b: aGVsbG8=\nkind: Secret\nmetadata:\n"), "\(yaml)")
        #expect(yaml.hasSuffix("type: Opaque\n"), "\(yaml)")
    }

    @Test func describePrintsDataAs18Did() throws {
        let harness = try harness()
        _ = harness.run("kubectl create configmap c --from-literal=b=2 --from-literal=a=1")
        #expect(harness.run("kubectl describe cm c").output == """
            Name:         c
            Namespace:    default
            Labels:       <none>
            Annotations:  <none>

            Data
            ====
            a:
            ----
            1
            b:
            ----
            2

            """)
        _ = harness.run("kubectl create secret generic s --from-literal=a=kubia")
        #expect(harness.run("kubectl describe secret s").output == """
            Name:         s
            Namespace:    default
            Labels:       <none>
            Annotations:  <none>

            Type:  Opaque

            Data
            ====
            a:  5 bytes

            """)
    }

    /// The server checks keys and the TLS keys whatever the client, here a manifest.
    @Test(arguments: [
        ("data:\n  a:b: eA==\n", "The Secret \"s\" is invalid: data[a:b]: Invalid value: \"a:b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n"),
        ("type: kubernetes.io/tls\ndata:\n  tls.crt: eA==\n", "The Secret \"s\" is invalid: data[tls.key]: Required value\n"),
    ])
    func serverValidatesSecrets(_ body: String, _ error: String) throws {
        let harness = try harness()
        try harness.write("/root/s.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n" + body)
        #expect(harness.run("kubectl create -f s.yaml").error == error)
    }

    @Test func stringDataIsMergedIntoData() throws {
        let harness = try harness()
        try harness.write("/root/s.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  a: kubia\n")
        #expect(harness.run("kubectl create -f s.yaml").output == "secret \"s\" created\n")
        let secret = try harness.client.get(Secret.self, namespace: "default", name: "s")
        #expect(secret.data == ["a": SecretBytes("kubia")] && secret.stringData == nil && secret.type == "Opaque")
    }

    @Test(arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foobar", "Zm9vYmFy"),
    ])
    func base64RoundTrips(_ plain: String, _ encoded: String) {
        #expect(Base64.encode(Array(plain.utf8)) == encoded)
        #expect(Base64.decode(encoded) == .success(Array(plain.utf8)))
    }

    @Test(arguments: ["Zm9v!", "Zg=", "Z===", "Zg==Zg=="])
    func base64RefusesMalformedInput(_ text: String) {
        if case .success = Base64.decode(text) { Issue.record("accepted \(text)") }
    }

    /// Fuzz-style: arbitrary bytes through the PEM scanner and the base64 decoder never trap.
    @Test func pemAndBase64SurviveArbitraryInput() {
        var state: UInt64 = 0x9E3779B97F4A7C15
        for length in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(UInt8(truncatingIfNeeded: state >> 33))
            }
            let text = "-----BEGIN X-----\n" + String(decoding: bytes, as: UTF8.self) + "\n-----END X-----\n"
            _ = PEMKeyPair.problem(certificate: Array(text.utf8), key: bytes)
            _ = Base64.decode(String(decoding: bytes, as: UTF8.self))
        }
    }
}
