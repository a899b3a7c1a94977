import NIOConcurrencyHelpers

/// One writer at a time within this process, waited for asynchronously. SQLite takes one writer per file
/// and its driver retries a busy lock by spinning, so the heavy writers on the webhook path, the group
/// commit and every transaction that applies carrier events, queue here instead of burning a core
/// against each other.
/// Urgent writers go first: a webhook's sender is waiting for its answer, while applying can wait,
/// so in a burst the queue grows and is worked off once the burst is over.
final class WriteGate: Sendable {
    private struct State {
        var held = false
        var urgent: [CheckedContinuation<Void, Never>] = []
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = NIOLockedValueBox(State())
    /// PostgreSQL has row locks and many connections; there the gate lets everyone through.
    let enabled: Bool

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func run<T: Sendable>(urgent: Bool = false, _ body: () async throws -> T) async throws -> T {
        guard enabled else { return try await body() }
        await acquire(urgent: urgent)
        defer { release() }
        return try await body()
    }

    private func acquire(urgent: Bool) async {
        await withCheckedContinuation { continuation in
            let granted = state.withLockedValue { state -> Bool in
                if !state.held {
                    state.held = true
                    return true
                }
                if urgent { state.urgent.append(continuation) } else { state.waiting.append(continuation) }
                return false
            }
            if granted { continuation.resume() }
        }
    }

    /// Hands the gate straight to the next waiter, urgent ones first, so nobody overtakes those queued.
    private func release() {
        let next = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
            if !state.urgent.isEmpty { return state.urgent.removeFirst() }
            if !state.waiting.isEmpty { return state.waiting.removeFirst() }
            state.held = false
            return nil
        }
        next?.resume()
    }
}
