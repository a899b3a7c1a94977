import Vapor

extension Application {
    /// What a command wants the process to exit with; `PorchlightMain` exits with it once the application
    /// has shut down cleanly, so a command can report "partly done" without throwing.
    var exitCode: Int32 {
        get { storage[ExitCodeKey.self] ?? 0 }
        set { storage[ExitCodeKey.self] = newValue }
    }
}

private struct ExitCodeKey: StorageKey { typealias Value = Int32 }
