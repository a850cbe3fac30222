import Kernel
import Simulation

extension NodeRuntime {
    func makeOSModule() -> JSValue {
        let i = interpreter
        let os = i.newObject()
        let constant: [(String, JSValue)] = [
            ("platform", .string("linux")), ("type", .string("Linux")), ("arch", .string("x64")), ("release", .string("4.9.13")),
            ("endianness", .string("LE")), ("tmpdir", .string("/tmp")), ("totalmem", .number(2_096_164_864)),
            ("freemem", .number(1_404_534_784)),
        ]
        for (name, value) in constant { i.defineMethod(os, name) { _, _, _, _ in value } }
        os.setOwn("EOL", .string("\n"))
        i.defineMethod(os, "hostname") { [unowned self] _, _, _, _ in .string(self.machine.hostname) }
        i.defineMethod(os, "homedir") { [unowned self] _, _, _, _ in .string(self.context.environment["HOME"] ?? self.context.user.home) }
        i.defineMethod(os, "uptime") { [unowned self] _, _, _, _ in
            .number(Double((self.loop.now - self.context.process.startTime).components.seconds) + 3_600)
        }
        i.defineMethod(os, "loadavg") { interpreter, _, _, _ in .object(interpreter.newArray([.number(0), .number(0), .number(0)])) }
        i.defineMethod(os, "cpus") { interpreter, _, _, _ in
            let cpus = (0..<2).map { _ -> JSValue in
                let cpu = interpreter.newObject()
                cpu.setOwn("model", .string("Intel(R) Xeon(R) CPU @ 2.20GHz"))
                cpu.setOwn("speed", .number(2200))
                let times = interpreter.newObject()
                for name in ["user", "nice", "sys", "idle", "irq"] { times.setOwn(name, .number(0)) }
                cpu.setOwn("times", .object(times))
                return .object(cpu)
            }
            return .object(interpreter.newArray(cpus))
        }
        i.defineMethod(os, "userInfo") { [unowned self] interpreter, _, _, _ in
            let info = interpreter.newObject()
            info.setOwn("uid", .number(Double(self.context.user.uid)))
            info.setOwn("gid", .number(Double(self.context.user.gid)))
            info.setOwn("username", .string(self.context.user.userName))
            info.setOwn("homedir", .string(self.context.user.home))
            info.setOwn("shell", .null)
            return .object(info)
        }
        i.defineMethod(os, "networkInterfaces") { [unowned self] interpreter, _, _, _ in
            let interfaces = interpreter.newObject()
            var ethernet = 0
            for address in self.machine.networkStack.addresses {
                let loopback = address.hasPrefix("127.")
                let entry = interpreter.newObject()
                entry.setOwn("address", .string(address))
                entry.setOwn("netmask", .string(loopback ? "255.0.0.0" : "255.255.0.0"))
                entry.setOwn("family", .string("IPv4"))
                let octets = address.split(separator: ".").compactMap { UInt8($0) }
                let mac = loopback ? "00:00:00:00:00:00"
                    : "02:42:" + octets.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined(separator: ":")
                entry.setOwn("mac", .string(mac))
                entry.setOwn("internal", .boolean(loopback))
                entry.setOwn("cidr", .string(address + (loopback ? "/8" : "/16")))
                let name = loopback ? "lo" : "eth\(ethernet)"
                if !loopback { ethernet += 1 }
                interfaces.setOwn(name, .object(interpreter.newArray([.object(entry)])))
            }
            return .object(interfaces)
        }
        return .object(os)
    }

    func makeDNSModule() -> JSValue {
        let i = interpreter
        let dns = i.newObject()
        func notFound(_ syscall: String, _ name: String) -> JSValue {
            let error = i.makeError("Error", "\(syscall) ENOTFOUND \(name)")
            if case .object(let object) = error {
                object.setOwn("code", .string("ENOTFOUND"))
                object.setOwn("errno", .string("ENOTFOUND"))
                object.setOwn("syscall", .string(syscall))
                object.setOwn("hostname", .string(name))
            }
            return error
        }
        i.defineMethod(dns, "resolveSrv", length: 2) { [unowned self] interpreter, _, arguments, _ in
            let name = try interpreter.toString(arguments[argument: 0])
            let callback = self.function(arguments.last ?? .undefined)
            guard let records = self.serviceRecords?(self.machine, name) else {
                self.callLater(callback, [notFound("querySrv", name)])
                return .undefined
            }
            let list = records.map { record -> JSValue in
                let entry = interpreter.newObject()
                entry.setOwn("name", .string(record.name))
                entry.setOwn("port", .number(Double(record.port)))
                entry.setOwn("priority", .number(Double(record.priority)))
                entry.setOwn("weight", .number(Double(record.weight)))
                return .object(entry)
            }
            self.callLater(callback, [.null, .object(interpreter.newArray(list))])
            return .undefined
        }
        let lookup: (String) -> NativeFunction = { syscall in
            { [unowned self] interpreter, _, arguments, _ in
                let name = try interpreter.toString(arguments[argument: 0])
                let callback = self.function(arguments.last ?? .undefined)
                let addresses = self.machine.networkStack.resolve(name)
                if addresses.isEmpty {
                    self.callLater(callback, [notFound(syscall, name)])
                } else if syscall == "getaddrinfo" {
                    self.callLater(callback, [.null, .string(addresses[0]), .number(4)])
                } else {
                    self.callLater(callback, [.null, .object(interpreter.newArray(addresses.map { .string($0) }))])
                }
                return .undefined
            }
        }
        i.defineMethod(dns, "lookup", length: 3, lookup("getaddrinfo"))
        i.defineMethod(dns, "resolve", length: 3, lookup("queryA"))
        i.defineMethod(dns, "resolve4", length: 3, lookup("queryA"))
        return .object(dns)
    }

    func makeEventsModule() -> JSValue {
        let i = interpreter
        let prototype = emitterPrototype
        let constructor = i.makeFunction("EventEmitter") { interpreter, this, _, isConstruct in
            if isConstruct { return .object(JSObject(prototype: prototype, className: "EventEmitter")) }
            return .undefined
        }
        constructor.setHidden("prototype", .object(prototype))
        prototype.setHidden("constructor", .object(constructor))
        constructor.setOwn("EventEmitter", .object(constructor))
        constructor.setOwn("defaultMaxListeners", .number(10))
        return .object(constructor)
    }

    func makeUtilModule() -> JSValue {
        let i = interpreter
        let util = i.newObject()
        i.defineMethod(util, "format", length: 1) { interpreter, _, arguments, _ in .string(try interpreter.format(arguments)) }
        i.defineMethod(util, "inspect", length: 2) { interpreter, _, arguments, _ in
            var depth = 2
            if case .object(let options) = arguments[argument: 1], case .number(let value)? = options.ownValue("depth") { depth = min(20, value.safeInteger) }
            return .string(interpreter.inspect(arguments[argument: 0], depth: depth))
        }
        i.defineMethod(util, "inherits", length: 2) { interpreter, _, arguments, _ in
            let child = try interpreter.getProperty(arguments[argument: 0], "prototype")
            let parent = try interpreter.getProperty(arguments[argument: 1], "prototype")
            if case .object(let childPrototype) = child { childPrototype.prototype = parent.asObject }
            try interpreter.setProperty(arguments[argument: 0], "super_", arguments[argument: 1])
            return .undefined
        }
        i.defineMethod(util, "isArray", length: 1) { _, _, arguments, _ in .boolean(arguments[argument: 0].asObject?.isArray ?? false) }
        i.defineMethod(util, "isString", length: 1) { _, _, arguments, _ in
            if case .string = arguments[argument: 0] { return .boolean(true) }
            return .boolean(false)
        }
        i.defineMethod(util, "isFunction", length: 1) { _, _, arguments, _ in .boolean(arguments[argument: 0].isCallable) }
        return .object(util)
    }

    func makeURLModule() -> JSValue {
        let i = interpreter
        let url = i.newObject()
        i.defineMethod(url, "parse", length: 2) { [unowned self] interpreter, _, arguments, _ in
            let text = try interpreter.toString(arguments[argument: 0])
            let parsed = ParsedURL(text)
            let result = JSObject(prototype: interpreter.objectPrototype, className: "Url")
            func optional(_ value: String?) -> JSValue { value.map { .string($0) } ?? .null }
            result.setOwn("protocol", optional(parsed.protocolName))
            result.setOwn("slashes", parsed.slashes ? .boolean(true) : .null)
            result.setOwn("auth", optional(parsed.auth))
            result.setOwn("host", optional(parsed.host))
            result.setOwn("port", optional(parsed.portText))
            result.setOwn("hostname", optional(parsed.hostname))
            result.setOwn("hash", optional(parsed.hash))
            result.setOwn("search", optional(parsed.search))
            if arguments[argument: 1].truthy {
                result.setOwn("query", self.parseQuery(parsed.query ?? ""))
            } else {
                result.setOwn("query", optional(parsed.query))
            }
            result.setOwn("pathname", optional(parsed.pathname))
            result.setOwn("path", optional(parsed.path))
            result.setOwn("href", .string(text))
            return .object(result)
        }
        return .object(url)
    }

    func parseQuery(_ query: String) -> JSValue {
        let result = JSObject(prototype: nil, className: "Object")
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1).map { percentDecode(String($0).replacingOccurrences(of: "+", with: " ")) ?? String($0) }
            let key = parts[0]
            let value = JSValue.string(parts.count > 1 ? parts[1] : "")
            if let existing = result.ownValue(key) {
                if case .object(let list) = existing, list.isArray { list.appendElement(value) } else {
                    result.setOwn(key, .object(interpreter.newArray([existing, value])))
                }
            } else {
                result.setOwn(key, value)
            }
        }
        return .object(result)
    }

    func makeQueryStringModule() -> JSValue {
        let i = interpreter
        let module = i.newObject()
        i.defineMethod(module, "parse", length: 1) { [unowned self] interpreter, _, arguments, _ in
            self.parseQuery(try interpreter.toString(arguments[argument: 0]))
        }
        i.defineMethod(module, "stringify", length: 1) { interpreter, _, arguments, _ in
            guard case .object(let object) = arguments[argument: 0] else { return .string("") }
            let parts = try object.enumerableKeys.map {
                percentEncode($0, keeping: "-_.!~*'()") + "=" + percentEncode(try interpreter.toString(object.ownValue($0) ?? .undefined), keeping: "-_.!~*'()")
            }
            return .string(parts.joined(separator: "&"))
        }
        return .object(module)
    }

    func makePathModule() -> JSValue {
        let i = interpreter
        let path = i.newObject()
        path.setOwn("sep", .string("/"))
        path.setOwn("delimiter", .string(":"))
        i.defineMethod(path, "join", length: 2) { interpreter, _, arguments, _ in
            let joined = try arguments.map { try interpreter.toString($0) }.filter { !$0.isEmpty }.joined(separator: "/")
            if joined.isEmpty { return .string(".") }
            var normalized = Interpreter.normalize(joined)
            if !joined.hasPrefix("/") { normalized.removeFirst() }
            if normalized.isEmpty { normalized = "." }
            if joined.hasSuffix("/") && normalized != "/" { normalized += "/" }
            return .string(normalized)
        }
        i.defineMethod(path, "resolve", length: 2) { [unowned self] interpreter, _, arguments, _ in
            var result = self.context.workingDirectory
            for argument in arguments {
                let part = try interpreter.toString(argument)
                result = part.hasPrefix("/") ? part : result + "/" + part
            }
            return .string(Interpreter.normalize(result))
        }
        i.defineMethod(path, "basename", length: 2) { interpreter, _, arguments, _ in
            var name = Paths.lastComponent(try interpreter.toString(arguments[argument: 0]))
            if case .string(let suffix) = arguments[argument: 1], name.hasSuffix(suffix), name != suffix { name.removeLast(suffix.count) }
            return .string(name)
        }
        i.defineMethod(path, "dirname", length: 1) { interpreter, _, arguments, _ in
            .string(interpreter.directoryName(try interpreter.toString(arguments[argument: 0])))
        }
        i.defineMethod(path, "extname", length: 1) { interpreter, _, arguments, _ in
            let name = Paths.lastComponent(try interpreter.toString(arguments[argument: 0]))
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return .string("") }
            return .string(String(name[dot...]))
        }
        i.defineMethod(path, "isAbsolute", length: 1) { interpreter, _, arguments, _ in
            .boolean(try interpreter.toString(arguments[argument: 0]).hasPrefix("/"))
        }
        return .object(path)
    }
}
