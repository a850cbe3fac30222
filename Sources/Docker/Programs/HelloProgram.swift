import Machine

/// The `/hello` binary of the `hello-world` image: prints its greeting and exits 0.
public struct HelloProgram: Program {
    public init() {}

    public func run(_ context: ProgramContext) async throws -> Int32 {
        context.print(Self.message)
        return 0
    }

    /// The text of the image as published in 2017.
    static let message = """

        Hello from Docker!
        This message shows that your installation appears to be working correctly.

        To generate this message, Docker took the following steps:
         1. The Docker client contacted the Docker daemon.
         2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
         3. The Docker daemon created a new container from that image which runs the
            executable that produces the output you are currently reading.
         4. The Docker daemon streamed that output to the Docker client, which sent it
            to your terminal.

        To try something more ambitious, you can run an Ubuntu container with:
         $ docker run -it ubuntu bash

        Share images, automate workflows, and more with a free Docker ID:
         https://cloud.docker.com/

        For more examples and ideas, visit:
         https://docs.docker.com/engine/userguide/


        """
}

/// Registers the programs that images of the simulated Hub run and no other branch provides.
public enum DockerPrograms {
    public static func register(in registry: ProgramRegistry) {
        registry.register("hello", HelloProgram())
    }
}
