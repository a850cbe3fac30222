import Formatting
import KubernetesAPI

/// `kubectl create namespace|configmap|secret …`: generators with flags of their own.
extension Commands {
    static let createSubcommands: [CommandSpec] = [createNamespace, createConfigMap, createSecret]

    static let createNamespace: CommandSpec = CommandSpec(
        name: "namespace", aliases: ["ns"],
        summary: "Create a namespace with the specified name",
        usage: "kubectl create namespace NAME [--dry-run] [options]",
        declareFlags: { flags in
            flags.add("allow-missing-template-keys", nil, .bool, default: "true", Commands.allowMissingTemplateKeysHelp)
            flags.add("dry-run", nil, .bool, "If true, only print the object that would be sent, without sending it.")
            flags.add("output", "o", .string, "Output format. One of: json|yaml|wide|name|custom-columns=...|custom-columns-file=...|go-template=...|go-template-file=...|jsonpath=...|jsonpath-file=... See custom columns [http://kubernetes.io/docs/user-guide/kubectl-overview/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [http://kubernetes.io/docs/user-guide/jsonpath].")
            flags.add("template", nil, .string, "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].")
        },
        run: { invocation, flags in
            let name = try objectName(flags, command: "create namespace")
            let namespace = Namespace(metadata: ObjectMeta(name: name))
            if try ApplyCommand.printDryRun(namespace, invocation: invocation, flags: flags) { return 0 }
            let created = try invocation.client().create(namespace)
            invocation.print(Messages.operation(created, "created"))
            return 0
        })

    static let createConfigMap: CommandSpec = CommandSpec(
        name: "configmap", aliases: ["cm"],
        summary: "Create a configmap from a local file, directory or literal value",
        usage: "kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [options]",
        declareFlags: { flags in
            flags.add("from-file", nil, .strings, "Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.")
            flags.add("from-literal", nil, .strings, "Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)")
        },
        run: { invocation, flags in
            let name = try objectName(flags, command: "create configmap")
            var entries = DataEntries(kind: "ConfigMap")
            try entries.add(files: flags.strings("from-file"), invocation: invocation)
            try entries.add(literals: flags.strings("from-literal"))
            let data = entries.values.mapValues { String(decoding: $0, as: UTF8.self) }
            let configMap = ConfigMap(metadata: ObjectMeta(name: name, namespace: invocation.namespace), data: data)
            invocation.print(Messages.operation(try invocation.client().create(configMap), "created"))
            return 0
        })

    static let createSecret: CommandSpec = CommandSpec(
        name: "secret",
        summary: "Create a secret using specified subcommand",
        usage: "kubectl create secret [flags] [options]",
        subcommands: [createGenericSecret, createTLSSecret],
        run: { invocation, flags in
            // cobra prints the help of a command that only groups others.
            invocation.print(createSecret.helpText)
            return 0
        })

    static let createGenericSecret: CommandSpec = CommandSpec(
        name: "generic",
        summary: "Create a secret from a local file, directory or literal value",
        usage: "kubectl create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [options]",
        declareFlags: { flags in
            flags.add("from-file", nil, .strings, "Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.")
            flags.add("from-literal", nil, .strings, "Specify a key and literal value to insert in secret (i.e. mykey=somevalue)")
            flags.add("type", nil, .string, "The type of secret to create")
        },
        run: { invocation, flags in
            let name = try objectName(flags, command: "create secret generic")
            var entries = DataEntries(kind: "Secret")
            try entries.add(files: flags.strings("from-file"), invocation: invocation)
            try entries.add(literals: flags.strings("from-literal"))
            let type = flags.string("type") ?? ""
            let secret = Secret(metadata: ObjectMeta(name: name, namespace: invocation.namespace),
                                data: entries.values.mapValues(SecretBytes.init), type: type.isEmpty ? nil : type)
            invocation.print(Messages.operation(try invocation.client().create(secret), "created"))
            return 0
        })

    static let createTLSSecret: CommandSpec = CommandSpec(
        name: "tls",
        summary: "Create a TLS secret",
        usage: "kubectl create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file [options]",
        declareFlags: { flags in
            flags.add("cert", nil, .string, "Path to PEM encoded public key certificate.")
            flags.add("key", nil, .string, "Path to private key associated with given certificate.")
        },
        run: { invocation, flags in
            let name = try objectName(flags, command: "create secret tls")
            let keyPath = flags.string("key") ?? "", certPath = flags.string("cert") ?? ""
            guard !keyPath.isEmpty else { throw KubectlError.message("key must be specified.") }
            guard !certPath.isEmpty else { throw KubectlError.message("certificate must be specified.") }
            // tls.LoadX509KeyPair reads both files, then finds the PEM blocks.
            let cert = try DataEntries.read(certPath, invocation: invocation) { "failed to load key pair open \(certPath): \($0)" }
            let key = try DataEntries.read(keyPath, invocation: invocation) { "failed to load key pair open \(keyPath): \($0)" }
            if let problem = PEMKeyPair.problem(certificate: cert, key: key) {
                throw KubectlError.message("failed to load key pair " + problem)
            }
            let secret = Secret(metadata: ObjectMeta(name: name, namespace: invocation.namespace),
                                data: ["tls.crt": SecretBytes(cert), "tls.key": SecretBytes(key)], type: Secret.tlsType)
            invocation.print(Messages.operation(try invocation.client().create(secret), "created"))
            return 0
        })

    /// `NameFromCommandArgs`: exactly one positional word.
    private static func objectName(_ flags: ParsedFlags, command: String) throws -> String {
        guard flags.positional.count == 1 else {
            throw KubectlError.usage("exactly one NAME is required, got \(flags.positional.count)", command: command)
        }
        return flags.positional[0]
    }
}
