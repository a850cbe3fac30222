import Kernel
import Simulation

/// A write stream to a file: appends each write as it happens.
final class WriteStreamState {
    let path: String
    var open = false
    var ended = false
    init(path: String) { self.path = path }
}

extension NodeRuntime {
    func makeFSModule() -> JSValue {
        let i = interpreter
        let fs = i.newObject()
        let fileSystem = machine.fileSystem
        let user = context.user

        func encoding(_ value: JSValue) throws -> String? {
            switch value {
            case .string(let name): return name
            case .object(let options): return options.ownValue("encoding").flatMap { if case .string(let s) = $0 { return s } else { return nil } }
            default: return nil
            }
        }
        func data(_ value: JSValue) throws -> [UInt8] {
            try i.bytes(of: value)
        }
        /// Runs a file-system call and turns FileSystemError into node's Error.
        func attempt<T>(_ syscall: String, _ path: String, _ body: () throws(FileSystemError) -> T) throws -> T {
            do {
                return try body()
            } catch {
                throw JSThrow(value: self.systemError(error.code, syscall: syscall, path: path))
            }
        }
        let statsPrototype = object("Stats")
        statsPrototype.hiddenKeys = []
        for (name, kind) in [("isFile", FileKind.file), ("isDirectory", .directory), ("isSymbolicLink", .symlink)] {
            i.defineMethod(statsPrototype, name) { _, this, _, _ in
                guard case .object(let stats) = this, case .string(let actual)? = stats.ownValue("_kind") else { return .boolean(false) }
                return .boolean(actual == "\(kind)")
            }
        }
        func stats(_ path: String, follow: Bool) throws -> JSValue {
            let status = try attempt(follow ? "stat" : "lstat", path) { () throws(FileSystemError) in
                try fileSystem.status(path, followSymlinks: follow, as: user)
            }
            let object = JSObject(prototype: statsPrototype, className: "Stats")
            let typeBits: UInt16 = status.kind == .directory ? 0o040000 : (status.kind == .symlink ? 0o120000 : 0o100000)
            object.setHidden("_kind", .string("\(status.kind)"))
            object.setOwn("dev", .number(2049))
            object.setOwn("mode", .number(Double(typeBits | status.metadata.mode)))
            object.setOwn("nlink", .number(Double(status.linkCount)))
            object.setOwn("uid", .number(Double(status.metadata.owner)))
            object.setOwn("gid", .number(Double(status.metadata.group)))
            object.setOwn("size", .number(Double(status.size)))
            let modified = Double(status.metadata.modified.nanosecondsSinceEpoch / 1_000_000)
            for name in ["atime", "mtime", "ctime", "birthtime"] {
                object.setOwn(name, .object(JSObject(prototype: i.datePrototype, kind: .date(modified), className: "Date")))
            }
            return .object(object)
        }

        let readFile: (JSValue, JSValue) throws -> JSValue = { [unowned self] pathValue, options in
            let path = try self.path(pathValue)
            if fileSystem.isDirectory(path) { throw JSThrow(value: self.systemError(.EISDIR, syscall: "read")) }
            let bytes = try attempt("open", path) { () throws(FileSystemError) in try fileSystem.readFile(path, as: user) }
            // Without an encoding node hands back a Buffer.
            guard try encoding(options) != nil else { return .object(i.makeBuffer(bytes)) }
            return .string(String(decoding: bytes, as: UTF8.self))
        }
        let writeFile: (JSValue, JSValue, Bool) throws -> Void = { [unowned self] pathValue, content, append in
            let path = try self.path(pathValue)
            let bytes = try data(content)
            try attempt("open", path) { () throws(FileSystemError) in try fileSystem.writeFile(path, bytes, append: append, as: user) }
        }
        let synchronous: [(String, Int, NativeFunction)] = [
            ("readFileSync", 2, { _, _, arguments, _ in try readFile(arguments[argument: 0], arguments[argument: 1]) }),
            ("writeFileSync", 3, { _, _, arguments, _ in try writeFile(arguments[argument: 0], arguments[argument: 1], false); return .undefined }),
            ("appendFileSync", 3, { _, _, arguments, _ in try writeFile(arguments[argument: 0], arguments[argument: 1], true); return .undefined }),
            ("existsSync", 1, { [unowned self] _, _, arguments, _ in
                guard case .string = arguments[argument: 0] else { return .boolean(false) }
                return .boolean(fileSystem.exists(try self.path(arguments[0])))
            }),
            ("statSync", 1, { [unowned self] _, _, arguments, _ in try stats(try self.path(arguments[argument: 0]), follow: true) }),
            ("lstatSync", 1, { [unowned self] _, _, arguments, _ in try stats(try self.path(arguments[argument: 0]), follow: false) }),
            ("readdirSync", 1, { [unowned self] interpreter, _, arguments, _ in
                let path = try self.path(arguments[argument: 0])
                let names = try attempt("scandir", path) { () throws(FileSystemError) in try fileSystem.listDirectory(path, as: user) }
                return .object(interpreter.newArray(names.map { .string($0) }))
            }),
            ("mkdirSync", 1, { [unowned self] _, _, arguments, _ in
                let path = try self.path(arguments[argument: 0])
                try attempt("mkdir", path) { () throws(FileSystemError) in try fileSystem.createDirectory(path, as: user) }
                return .undefined
            }),
            ("unlinkSync", 1, { [unowned self] _, _, arguments, _ in
                let path = try self.path(arguments[argument: 0])
                try attempt("unlink", path) { () throws(FileSystemError) in try fileSystem.remove(path, as: user) }
                return .undefined
            }),
            ("rmdirSync", 1, { [unowned self] _, _, arguments, _ in
                let path = try self.path(arguments[argument: 0])
                try attempt("rmdir", path) { () throws(FileSystemError) in try fileSystem.remove(path, as: user) }
                return .undefined
            }),
            ("renameSync", 2, { [unowned self] _, _, arguments, _ in
                let source = try self.path(arguments[argument: 0])
                let destination = try self.path(arguments[argument: 1])
                try attempt("rename", source) { () throws(FileSystemError) in try fileSystem.move(source, to: destination, as: user) }
                return .undefined
            }),
        ]
        for (name, length, body) in synchronous {
            i.defineMethod(fs, name, length: length, body)
            // The callback form: same work, result delivered in a later turn.
            let asyncName = String(name.dropLast(4))
            i.defineMethod(fs, asyncName, length: length + 1) { [unowned self] interpreter, this, arguments, _ in
                var callArguments = arguments
                let callback = callArguments.last.flatMap { self.function($0) }
                if callback != nil { callArguments.removeLast() }
                if asyncName == "exists" {
                    let result = try body(interpreter, this, callArguments, false)
                    self.callLater(callback, [result])
                    return .undefined
                }
                do {
                    let result = try body(interpreter, this, callArguments, false)
                    self.callLater(callback, [.null, result])
                } catch let thrown as JSThrow {
                    self.callLater(callback, [thrown.value])
                }
                return .undefined
            }
        }

        let streamPrototype = JSObject(prototype: emitterPrototype, className: "WriteStream")
        streamPrototype.hiddenKeys = []
        func streamState(_ this: JSValue) -> (JSObject, WriteStreamState)? {
            guard case .object(let object) = this, case .host(let host) = object.kind, let state = host as? WriteStreamState else { return nil }
            return (object, state)
        }
        i.defineMethod(streamPrototype, "write", length: 1) { [unowned self] interpreter, this, arguments, _ in
            guard let (object, state) = streamState(this), !state.ended else { return .boolean(false) }
            do {
                try fileSystem.writeFile(state.path, data(arguments[argument: 0]), append: true, as: user)
                object.setOwn("bytesWritten", .number(try interpreter.toNumber(object.ownValue("bytesWritten") ?? .number(0))
                                                      + Double(try data(arguments[argument: 0]).count)))
            } catch let error as FileSystemError {
                let failure = self.systemError(error.code, syscall: "write")
                self.callLater(interpreter.makeFunction("") { interpreter, _, _, _ in
                    try interpreter.emit(.object(object), "error", [failure])
                    return .undefined
                }, [])
            }
            if let callback = arguments.last.flatMap({ self.function($0) }) { self.callLater(callback, [.null]) }
            return .boolean(true)
        }
        i.defineMethod(streamPrototype, "end", length: 1) { [unowned self] interpreter, this, arguments, _ in
            guard let (object, state) = streamState(this), !state.ended else { return .undefined }
            if case .undefined = arguments[argument: 0] {} else if self.function(arguments[0]) == nil {
                _ = try interpreter.call(try interpreter.getProperty(this, "write"), this: this, arguments: [arguments[0]])
            }
            state.ended = true
            self.callLater(interpreter.makeFunction("") { interpreter, _, _, _ in
                try interpreter.emit(.object(object), "finish", [])
                try interpreter.emit(.object(object), "close", [])
                return .undefined
            }, [])
            return .undefined
        }
        i.defineMethod(fs, "createWriteStream", length: 2) { [unowned self] interpreter, _, arguments, _ in
            let path = try self.path(arguments[argument: 0])
            var flags = "w"
            if case .object(let options) = arguments[argument: 1], case .string(let value)? = options.ownValue("flags") { flags = value }
            let state = WriteStreamState(path: path)
            let stream = JSObject(prototype: streamPrototype, kind: .host(state), className: "WriteStream")
            stream.setOwn("path", .string(path))
            stream.setOwn("bytesWritten", .number(0))
            var event = ("open", JSValue.number(9))
            do {
                try fileSystem.writeFile(path, [], append: flags.hasPrefix("a"), as: user)
                state.open = true
            } catch {
                event = ("error", self.systemError((error as? FileSystemError)?.code ?? .EIO, syscall: "open", path: path))
            }
            self.callLater(interpreter.makeFunction("") { interpreter, _, _, _ in
                try interpreter.emit(.object(stream), event.0, [event.1])
                return .undefined
            }, [])
            return .object(stream)
        }
        return .object(fs)
    }
}
