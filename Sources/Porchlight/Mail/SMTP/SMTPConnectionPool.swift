import Logging

/// A connection lent out by the pool for one message.
struct SMTPLease: Sendable {
    var connection: SMTPConnection
    /// The last transaction on it failed part-way, so the server needs an RSET before the next one.
    var needsReset: Bool
    /// It came from the pool rather than being opened for this message, so it may have gone stale.
    var reused: Bool
}

/// At most `maxConnections` open connections; idle ones are reused newest-first and closed after
/// `idleTimeout`. Senders beyond the limit wait for a connection to come back.
actor SMTPConnectionPool {
    typealias Connector = @Sendable () async throws -> SMTPConnection

    private struct Idle {
        var connection: SMTPConnection
        var needsReset: Bool
        var since: ContinuousClock.Instant
    }

    private enum Handoff {
        case connection(Idle)
        case slot
        case shutdown
    }

    private let maxConnections: Int
    private let idleTimeout: Duration
    private let connect: Connector
    private var idle: [Idle] = []
    /// Idle, lent out and being opened: what counts against `maxConnections`.
    private var open = 0
    private var waiters: [CheckedContinuation<Handoff, Never>] = []
    private var reaper: Task<Void, Never>?
    private var isShutdown = false

    init(maxConnections: Int, idleTimeout: Duration, connect: @escaping Connector) {
        self.maxConnections = max(1, maxConnections)
        self.idleTimeout = idleTimeout
        self.connect = connect
    }

    /// With `fresh`, never hands out a pooled connection: used to retry after a pooled one failed.
    func acquire(fresh: Bool) async throws -> SMTPLease {
        if isShutdown { throw MailError.connection("mailer is shut down") }
        if fresh, open >= maxConnections, !idle.isEmpty {
            retire(idle.removeFirst())
        }
        while !fresh, let entry = idle.popLast() {
            if entry.connection.isActive { return SMTPLease(connection: entry.connection, needsReset: entry.needsReset, reused: true) }
            retire(entry)
        }
        if open < maxConnections {
            open += 1
            return try await openConnection()
        }
        switch await withCheckedContinuation({ waiters.append($0) }) {
        case .connection(let entry) where !fresh && entry.connection.isActive:
            return SMTPLease(connection: entry.connection, needsReset: entry.needsReset, reused: true)
        case .connection(let entry):
            Task { await entry.connection.quit() }
            return try await openConnection()
        case .slot:
            return try await openConnection()
        case .shutdown:
            throw MailError.connection("mailer is shut down")
        }
    }

    /// Takes a lent connection back; one that is not `usable` (or no longer open) is closed instead.
    func release(_ connection: SMTPConnection, usable: Bool, needsReset: Bool) {
        guard usable, !isShutdown, connection.isActive else {
            Task { await connection.quit() }
            slotFreed()
            return
        }
        let entry = Idle(connection: connection, needsReset: needsReset, since: .now)
        if !waiters.isEmpty {
            waiters.removeFirst().resume(returning: .connection(entry))
            return
        }
        idle.append(entry)
        if reaper == nil { reaper = Task { await self.reapIdle() } }
    }

    /// Closes idle connections (with QUIT) and fails waiting senders; lent ones close when returned.
    func shutdown() async {
        isShutdown = true
        reaper?.cancel()
        reaper = nil
        let closing = idle
        idle = []
        open -= closing.count
        for waiter in waiters { waiter.resume(returning: .shutdown) }
        waiters = []
        await withTaskGroup(of: Void.self) { group in
            for entry in closing { group.addTask { await entry.connection.quit() } }
        }
    }

    /// Called with a slot already counted in `open`; gives the slot back if connecting fails.
    private func openConnection() async throws -> SMTPLease {
        do {
            let connection = try await connect()
            if isShutdown {
                Task { await connection.quit() }
                throw MailError.connection("mailer is shut down")
            }
            return SMTPLease(connection: connection, needsReset: false, reused: false)
        } catch {
            slotFreed()
            throw error
        }
    }

    private func retire(_ entry: Idle) {
        open -= 1
        Task { await entry.connection.quit() }
    }

    /// A connection is gone: its slot passes straight to a waiter, if any, so `open` stays exact.
    private func slotFreed() {
        if waiters.isEmpty { open -= 1 } else { waiters.removeFirst().resume(returning: .slot) }
    }

    /// Runs while there are idle connections and closes each once it has been idle for `idleTimeout`.
    private func reapIdle() async {
        while !Task.isCancelled, let oldest = idle.map(\.since).min() {
            let deadline = oldest.advanced(by: idleTimeout)
            if deadline > .now {
                do { try await Task.sleep(until: deadline, clock: .continuous) } catch { break }
                continue
            }
            let now = ContinuousClock.now
            let (expired, kept) = (idle.filter { $0.since.advanced(by: idleTimeout) <= now },
                                   idle.filter { $0.since.advanced(by: idleTimeout) > now })
            idle = kept
            expired.forEach(retire)
        }
        reaper = nil
    }
}
