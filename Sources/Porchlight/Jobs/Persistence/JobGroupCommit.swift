import Fluent
import Foundation
import Logging
import NIOConcurrencyHelpers
import SQLKit

/// A job run in the transaction that stores it, with what its producer already made of it.
struct InlineJob: Sendable {
    var job: NewJob
    var storeID: UUID
    var attachment: (any Sendable)?
}

/// Runs a group's new jobs of one type inside the storing transaction; returns what to do once it committed.
typealias InlineJobRunner = @Sendable (_ jobs: [InlineJob], _ transaction: any Database) async throws -> @Sendable () async -> Void

/// Enqueues jobs from many concurrent requests in shared INSERTs: while one write is in flight, the jobs
/// that arrive wait for the next, and each caller returns only after the write holding its job committed.
/// Under load a commit carries hundreds of jobs; alone, a job is written at once, with no timer to wait for.
/// Types with a runner are run in that same transaction and stored as done, so their callers hear back only
/// once the work is done, and a burst is worked off as fast as it is taken in. Should running them fail, the
/// group is stored again for the worker instead, which retries each job on its own.
final class JobGroupCommit: Sendable {
    private struct Pending {
        var inline: InlineJob
        var done: CheckedContinuation<Bool, any Error>
    }

    private struct State {
        var pending: [Pending] = []
        var writing = false
    }

    private let state = NIOLockedValueBox(State())
    private let runners = NIOLockedValueBox<[String: InlineJobRunner]>([:])
    let signal = JobSignal()
    let gate: WriteGate
    let lane: CommitLane
    let logger: Logger
    /// A dozen parameters a row keeps one statement well inside SQLite's and PostgreSQL's limits.
    private let maxBatch = 500

    init(gate: WriteGate, lane: CommitLane, logger: Logger) {
        self.gate = gate
        self.lane = lane
        self.logger = logger
    }

    /// From now on, jobs of `type` are run as they are stored.
    func runInline(_ type: String, with runner: @escaping InlineJobRunner) {
        runners.withLockedValue { $0[type] = runner }
    }

    /// Returns false when the store already had a job with the same unique key, now or earlier.
    /// `attachment` goes to the type's inline runner, e.g. the payload already parsed.
    func enqueue(_ job: NewJob, storeID: UUID, attachment: (any Sendable)? = nil, world: World) async throws -> Bool {
        try await withCheckedThrowingContinuation { continuation in
            let leads = state.withLockedValue { state -> Bool in
                state.pending.append(Pending(inline: InlineJob(job: job, storeID: storeID, attachment: attachment),
                                             done: continuation))
                defer { state.writing = true }
                return !state.writing
            }
            if leads {
                Task(executorPreference: lane.executor) {
                    await self.writeAll(on: self.lane.database(logger: self.logger), world: world)
                }
            }
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
                let added = try await write(batch.map(\.inline), on: database, world: world)
                for (pending, new) in zip(batch, Self.new(batch.map(\.inline), added: added)) {
                    pending.done.resume(returning: new)
                }
            } catch {
                for pending in batch { pending.done.resume(throwing: error) }
            }
        }
    }

    /// The store-qualified unique keys of the jobs that were added.
    private func write(_ batch: [InlineJob], on database: any Database, world: World) async throws -> Set<JobKey> {
        let runners = runners.withLockedValue { $0 }
        let (inline, queued) = (batch.filter { runners[$0.job.type] != nil }, batch.filter { runners[$0.job.type] == nil })
        if !inline.isEmpty {
            do {
                let (added, afterCommit) = try await gate.run(urgent: true) {
                    try await database.transaction { [lane] tx in
                        // Fluent runs the body in a task of its own, which does not inherit the lane.
                        try await withTaskExecutorPreference(lane.executor) {
                            try await Self.run(inline, with: runners, alongside: queued, on: tx, world: world)
                        }
                    }
                }
                for action in afterCommit { await action() }
                if !queued.isEmpty { signal.notify() }
                return added
            } catch {
                logger.warning("Running \(inline.count) jobs as they were stored failed; they are queued for the worker instead: \(String(describing: error))")
            }
        }
        let added = try await gate.run(urgent: true) { try await Self.insert(batch, on: database, world: world) }
        signal.notify()
        return added
    }

    /// Inserted in key order, so two instances' writes taking the same keys (a delivery sent to both) wait
    /// for each other instead of deadlocking.
    private static func run(_ inline: [InlineJob], with runners: [String: InlineJobRunner], alongside queued: [InlineJob],
                            on tx: any Database, world: World) async throws -> (Set<JobKey>, [@Sendable () async -> Void]) {
        let inline = inline.map { (JobKey($0.storeID, $0.job.uniqueKey ?? ""), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        var added = try await insert(inline, finished: true, on: tx, world: world)
        if !queued.isEmpty { added.formUnion(try await insert(queued, on: tx, world: world)) }
        let new = zip(inline, Self.new(inline, added: added)).filter(\.1).map(\.0)
        var afterCommit: [@Sendable () async -> Void] = []
        for (type, jobs) in Dictionary(grouping: new, by: \.job.type) {
            if let runner = runners[type] { afterCommit.append(try await runner(jobs, tx)) }
        }
        return (added, afterCommit)
    }

    private static func insert(_ batch: [InlineJob], finished: Bool = false, on database: any Database,
                               world: World) async throws -> Set<JobKey> {
        let statement = JobQueue.insert(batch.map { ($0.job, $0.storeID) }, world: world,
                                        onConflict: "DO NOTHING RETURNING store_id, unique_key", finished: finished)
        let rows = try await database.sql.raw(statement).all()
        var added = Set<JobKey>()
        for row in rows {
            guard let uniqueKey = try row.decodeNil(column: "unique_key") ? nil : row.decode(column: "unique_key", as: String.self)
            else { continue }
            added.insert(JobKey(try row.decode(column: "store_id", as: UUID.self), uniqueKey))
        }
        return added
    }

    /// Whether each job is new: its key was added, and it is the first in the group to carry that key.
    /// A job without a key is always new.
    private static func new(_ jobs: [InlineJob], added: Set<JobKey>) -> [Bool] {
        var seen = Set<JobKey>()
        return jobs.map { job in
            job.job.uniqueKey.map { let key = JobKey(job.storeID, $0); return added.contains(key) && seen.insert(key).inserted } ?? true
        }
    }
}

/// A job's unique key within its store. Not a formatted string: formatting ids was measurable in a burst.
struct JobKey: Hashable, Comparable, Sendable {
    var storeID: UUID
    var uniqueKey: String

    init(_ storeID: UUID, _ uniqueKey: String) {
        (self.storeID, self.uniqueKey) = (storeID, uniqueKey)
    }

    static func < (lhs: JobKey, rhs: JobKey) -> Bool {
        lhs.storeID == rhs.storeID ? lhs.uniqueKey < rhs.uniqueKey : lhs.storeID < rhs.storeID
    }
}
