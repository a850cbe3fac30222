import Kernel

/// `/usr/games/fortune`: prints one saying picked with the world's seeded random source.
public struct FortuneProgram: Program {
    public init() {}

    /// Short sayings written for this simulation.
    static let sayings = [
        "A container that restarts forever is still trying to tell you something.",
        "Read the logs before you read the source.",
        "The pod you are looking for is in another namespace.",
        "Every cluster is small until the first outage.",
        "Today is a good day to label something.",
        "A readiness probe is a promise; keep it honest.",
        "Patience is a virtue; exponential back-off is a policy.",
        "You will soon scale up, and then wonder why.",
        "Declare what you want, and let the controllers worry.",
        "An image without a tag is a surprise waiting to happen.",
        "The shortest path to production runs through a test cluster.",
        "A good name is worth more than a clever selector.",
        "Somewhere, a node is running out of disk.",
        "Small images travel fast.",
        "What is not in version control did not happen.",
        "Your next deployment will roll out smoothly, one replica at a time.",
        "Even a single replica deserves a service.",
        "Trust the scheduler; verify the resource requests.",
        "The answer is in the events, near the bottom.",
        "Ports are like promises: expose only the ones you keep.",
        "A quiet pager is the best reward.",
        "One more YAML file will not hurt. Probably.",
        "Good fences make good namespaces.",
        "Restart policies forgive; crash loops remember.",
        "Your configuration will find its way into a ConfigMap.",
        "Do not fear the rollback; fear the change without one.",
        "Cattle, not pets. But do give them good names.",
        "Health checks are cheaper than midnight phone calls.",
        "The cluster remembers what the terminal forgets.",
        "A secret shared in a chat window is no longer a secret.",
        "Luck favours the well-labelled.",
        "Every watch begins with a list.",
        "You will meet an interesting port number soon.",
        "Desired state today, actual state tomorrow.",
        "Beware of the container that needs to be root.",
        "The simplest pod is still a pod.",
        "Tomorrow's outage is being written in today's shortcut.",
        "An idle node is a happy node, but an expensive one.",
        "There is always one more replica than you counted.",
        "Keep calm and describe the pod.",
    ]

    public func run(_ context: ProgramContext) async throws -> Int32 {
        let index = context.loop.random.integer(in: 0...(Self.sayings.count - 1))
        context.emit(Self.sayings[index] + "\n")
        return 0
    }
}

/// `/hello` of the hello-world image: Docker's greeting of the book's era, then exit 0.
public struct HelloWorldProgram: Program {
    public init() {}

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

    public func run(_ context: ProgramContext) async throws -> Int32 {
        context.emit(Self.message)
        return 0
    }
}
