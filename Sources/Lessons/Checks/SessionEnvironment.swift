import REPL

/// The live session is where the course runs steps: its checks and setup are journaled.
extension Session: StepEnvironment {}
