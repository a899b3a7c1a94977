import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// Enqueues jobs from many concurrent requests in shared INSERTs: while one write is in flight, the jobs
/// that arrive wait for the next, and each caller returns only after the write holding its job committed.
/// Under load a commit carries hundreds of jobs; alone, a job is written at once, with no timer to wait for.
final class JobGroupCommit: Sendable {
    private struct Pending {
        var job: NewJob
        var storeID: UUID
        var done: CheckedContinuation<Bool, any Error>
    }

    private struct State {
        var pending: [Pending] = []
        var writing = false
    }

    private let state = NIOLockedValueBox(State())
    let signal = JobSignal()
    let gate: WriteGate
    /// Twelve parameters a row keeps one statement well inside SQLite's and PostgreSQL's limits.
    private let maxBatch = 500

    init(gate: WriteGate) {
        self.gate = gate
    }

    /// Returns false when the store already had a job with the same unique key, now or earlier.
    func enqueue(_ job: NewJob, storeID: UUID, on database: any Database, world: World) async throws -> Bool {
        try await withCheckedThrowingContinuation { continuation in
            let leads = state.withLockedValue { state -> Bool in
                state.pending.append(Pending(job: job, storeID: storeID, done: continuation))
                defer { state.writing = true }
                return !state.writing
            }
            if leads { Task { await self.writeAll(on: database, world: world) } }
        }
    }

    private func writeAll(on database: any Database, world: World) async {
        while true {
            let batch = state.withLockedValue { state -> [Pending] in
                let batch = Array(state.pending.prefix(maxBatch))
                state.pending.removeFirst(batch.count)
                if batch.isEmpty { state.writing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                let added = try await gate.run(urgent: true) { try await Self.insert(batch, on: database, world: world) }
                var answered = Set<String>()
                for pending in batch {
                    let key = pending.job.uniqueKey.map { Self.key(pending.storeID, $0) }
                    pending.done.resume(returning: key.map { added.contains($0) && answered.insert($0).inserted } ?? true)
                }
                signal.notify()
            } catch {
                for pending in batch { pending.done.resume(throwing: error) }
            }
        }
    }

    /// The store-qualified unique keys of the jobs that were added.
    private static func insert(_ batch: [Pending], on database: any Database, world: World) async throws -> Set<String> {
        let statement = JobQueue.insert(batch.map { ($0.job, $0.storeID) }, world: world,
                                        onConflict: "DO NOTHING RETURNING store_id, unique_key")
        let rows = try await database.sql.raw(statement).all()
        var added = Set<String>()
        for row in rows {
            guard let uniqueKey = try row.decodeNil(column: "unique_key") ? nil : row.decode(column: "unique_key", as: String.self)
            else { continue }
            added.insert(key(try row.decode(column: "store_id", as: UUID.self), uniqueKey))
        }
        return added
    }

    private static func key(_ storeID: UUID, _ uniqueKey: String) -> String { "\(storeID) \(uniqueKey)" }
}
