import CLibEdit
import Synchronization

/// Set from the SIGINT handler; a global `let` so the handler touches no lazy state.
private let interruptRequested = Atomic<Bool>(false)

/// Set from the SIGWINCH handler.
private let resizeRequested = Atomic<Bool>(false)

/// A process-wide record that the terminal changed size (SIGWINCH), for the line editor to
/// redraw at the new width.
public enum ResizeFlag {
    /// Installs the SIGWINCH handler that sets the flag.
    public static func installSignalHandler() {
        resizeRequested.store(false, ordering: .sequentiallyConsistent)
        _ = kubelab_install_resize_handler { _ in
            resizeRequested.store(true, ordering: .sequentiallyConsistent)
        }
    }

    /// Whether the terminal was resized since the last call; clears the flag.
    public static func consume() -> Bool {
        resizeRequested.exchange(false, ordering: .sequentiallyConsistent)
    }
}

/// A process-wide record that Ctrl-C (SIGINT) was pressed, polled by long-running commands.
public enum InterruptFlag {
    /// Installs the SIGINT handler that sets the flag.
    ///
    /// The handler is installed without `SA_RESTART`, so a blocking read of the
    /// terminal fails with `EINTR` and the line being typed can be cancelled.
    public static func installSignalHandler() {
        // Touch the atomic first so the handler never runs its initialisation.
        interruptRequested.store(false, ordering: .sequentiallyConsistent)
        _ = kubelab_install_interrupt_handler { _ in
            interruptRequested.store(true, ordering: .sequentiallyConsistent)
        }
    }

    /// Whether Ctrl-C was pressed since the last `consume()` or `reset()`; clears the flag.
    public static func consume() -> Bool {
        interruptRequested.exchange(false, ordering: .sequentiallyConsistent)
    }

    /// Whether Ctrl-C was pressed, without clearing the flag.
    public static var isSet: Bool {
        interruptRequested.load(ordering: .sequentiallyConsistent)
    }

    /// Forgets any earlier Ctrl-C, e.g. before starting a new command.
    public static func reset() {
        interruptRequested.store(false, ordering: .sequentiallyConsistent)
    }
}
