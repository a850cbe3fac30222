import Kernel

/// One directive of an nginx configuration file: `name arguments…;` or `name arguments… { … }`.
struct NginxDirective {
    var name: String
    var arguments: [String]
    var block: [NginxDirective]?
    var file: String
    var line: Int

    func children(named name: String) -> [NginxDirective] {
        (block ?? []).filter { $0.name == name }
    }

    func first(_ name: String) -> NginxDirective? {
        block?.first { $0.name == name }
    }
}

/// A configuration error, with nginx's `[emerg]` message.
struct NginxConfigurationError: Error {
    let message: String
}

/// Reads nginx.conf and the files it includes into a directive tree.
struct NginxConfigurationReader {
    let fileSystem: FileSystem
    /// Relative `include` paths are taken against the configuration prefix.
    var prefix = "/etc/nginx"

    static let knownDirectives: Set<String> = [
        "user", "worker_processes", "error_log", "pid", "events", "worker_connections", "http", "include",
        "default_type", "log_format", "access_log", "sendfile", "tcp_nopush", "tcp_nodelay", "keepalive_timeout",
        "gzip", "gzip_types", "gzip_vary", "gzip_proxied", "gzip_comp_level", "gzip_min_length", "server", "listen",
        "server_name", "location", "root", "index", "error_page", "types", "return", "try_files", "daemon",
        "autoindex", "alias", "add_header", "expires", "charset", "server_tokens", "client_max_body_size",
        "proxy_pass", "proxy_set_header", "proxy_http_version", "proxy_read_timeout", "upstream", "rewrite",
        "internal", "allow", "deny", "multi_accept", "use", "worker_rlimit_nofile", "types_hash_max_size",
        "server_names_hash_bucket_size", "ssl_protocols", "ssl_prefer_server_ciphers", "resolver", "set",
        "etag", "if_modified_since", "absolute_redirect", "port_in_redirect", "log_not_found",
    ]

    /// Parses `path` with its includes.
    func read(_ path: String) throws(NginxConfigurationError) -> [NginxDirective] {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.readFile(path)
        } catch {
            throw NginxConfigurationError(message: "open() \"\(path)\" failed (\(error.code.rawValue): \(error.code.message))")
        }
        var tokens = try tokenize(String(decoding: bytes, as: UTF8.self), file: path)[...]
        let directives = try parseBlock(&tokens, file: path, nested: false)
        return try expandIncludes(directives)
    }

    private struct Token {
        var text: String
        var line: Int
        var isSymbol: Bool
    }

    private func tokenize(_ text: String, file: String) throws(NginxConfigurationError) -> [Token] {
        var tokens: [Token] = []
        var line = 1
        var characters = Array(text)[...]
        while let character = characters.first {
            if character == "\n" { line += 1; characters.removeFirst(); continue }
            if character == " " || character == "\t" || character == "\r" { characters.removeFirst(); continue }
            if character == "#" {
                while let next = characters.first, next != "\n" { characters.removeFirst() }
                continue
            }
            if character == "{" || character == "}" || character == ";" {
                tokens.append(Token(text: String(character), line: line, isSymbol: true))
                characters.removeFirst()
                continue
            }
            var word = ""
            if character == "\"" || character == "'" {
                characters.removeFirst()
                while let next = characters.first, next != character {
                    if next == "\n" { line += 1 }
                    if next == "\\", characters.count > 1 {
                        characters.removeFirst()
                    }
                    word.append(characters.removeFirst())
                }
                guard !characters.isEmpty else {
                    throw NginxConfigurationError(message: "unexpected end of file, expecting \";\" or \"}\" in \(file):\(line)")
                }
                characters.removeFirst()
            } else {
                while let next = characters.first, !" \t\r\n;{}".contains(next) {
                    word.append(characters.removeFirst())
                }
            }
            tokens.append(Token(text: word, line: line, isSymbol: false))
        }
        return tokens
    }

    private func parseBlock(_ tokens: inout ArraySlice<Token>, file: String, nested: Bool,
                            checksNames: Bool = true) throws(NginxConfigurationError) -> [NginxDirective] {
        var directives: [NginxDirective] = []
        while let token = tokens.first {
            tokens.removeFirst()
            if token.isSymbol {
                if token.text == "}", nested { return directives }
                throw NginxConfigurationError(message: "unexpected \"\(token.text)\" in \(file):\(token.line)")
            }
            // Inside `types { }` each line is a MIME type, not a directive.
            guard !checksNames || Self.knownDirectives.contains(token.text) else {
                throw NginxConfigurationError(message: "unknown directive \"\(token.text)\" in \(file):\(token.line)")
            }
            var arguments: [String] = []
            while let next = tokens.first, !next.isSymbol {
                arguments.append(next.text)
                tokens.removeFirst()
            }
            guard let terminator = tokens.first else {
                throw NginxConfigurationError(message: "unexpected end of file, expecting \";\" or \"}\" in \(file):\(token.line)")
            }
            tokens.removeFirst()
            switch terminator.text {
            case ";":
                directives.append(NginxDirective(name: token.text, arguments: arguments, block: nil, file: file, line: token.line))
            case "{":
                let block = try parseBlock(&tokens, file: file, nested: true, checksNames: token.text != "types")
                directives.append(NginxDirective(name: token.text, arguments: arguments, block: block, file: file, line: token.line))
            default:
                throw NginxConfigurationError(message: "unexpected \"}\" in \(file):\(terminator.line)")
            }
        }
        if nested { throw NginxConfigurationError(message: "unexpected end of file, expecting \"}\" in \(file):\(tokens.last?.line ?? 0)") }
        return directives
    }

    /// Replaces each `include` by the directives of the files it names (`*` globs a directory).
    private func expandIncludes(_ directives: [NginxDirective]) throws(NginxConfigurationError) -> [NginxDirective] {
        var expanded: [NginxDirective] = []
        for var directive in directives {
            if directive.name == "include", let pattern = directive.arguments.first {
                let absolute = Paths.normalize(pattern, relativeTo: prefix)
                let directory = Paths.parent(absolute), name = Paths.lastComponent(absolute)
                if name.contains("*") {
                    let parts = name.split(separator: "*", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                    let names = (try? fileSystem.listDirectory(directory)) ?? []
                    for file in names where file.hasPrefix(parts[0]) && file.hasSuffix(parts.count > 1 ? parts[1] : "") {
                        expanded += try read(directory + "/" + file)
                    }
                } else {
                    expanded += try read(absolute)
                }
                continue
            }
            if let block = directive.block { directive.block = try expandIncludes(block) }
            expanded.append(directive)
        }
        return expanded
    }
}
