import Fluent
import Foundation
import SQLKit

/// The durable queue, stored in the `jobs` table. Producers enqueue inside their own transaction,
/// so a job exists exactly when the change that caused it was committed.
struct JobQueue: Sendable {
    let database: Database
    let world: World

    private var sql: SQLDatabase { database.sql }

    /// Adds the job unless the store already has one with the same unique key.
    /// Returns false when the key was taken.
    @discardableResult
    static func enqueue(_ job: NewJob, storeID: UUID, on database: Database, world: World) async throws -> Bool {
        let rows = try await database.sql.raw(insert([(job, storeID)], world: world,
                                                     onConflict: "DO NOTHING RETURNING id")).all()
        return !rows.isEmpty
    }

    /// Adds many jobs of one store, a few hundred to a statement, skipping those whose unique key the store
    /// already has: for bulk writers such as the CSV import, where one INSERT per job was a quarter of the time.
    static func enqueue(_ jobs: [NewJob], storeID: UUID, on database: Database, world: World) async throws {
        for chunk in jobs.chunked(500) {
            try await database.sql.raw(insert(chunk.map { ($0, storeID) }, world: world, onConflict: "DO NOTHING")).run()
        }
    }

    /// The one INSERT every producer uses, for one job or several; `onConflict` says what a taken unique key means.
    /// `finished` stores jobs that were run in the inserting transaction: done, after one attempt.
    static func insert(_ jobs: [(job: NewJob, storeID: UUID)], world: World, onConflict: SQLQueryString,
                       finished: Bool = false) -> SQLQueryString {
        let now = world.now()
        let state: SQLQueryString = finished ? "'done'" : "'queued'"
        let rows = jobs.map { job, storeID -> SQLQueryString in
            """
            (\(bind: world.uuid()), \(bind: now), \(bind: now), \(bind: job.type), \(bind: job.payload),
             \(state), \(bind: job.runAt), \(bind: job.priority), \(bind: job.uniqueKey),
             \(unsafeRaw: finished ? "1" : "0"), \(bind: job.maxAttempts), \(bind: storeID), \(bind: finished ? now : nil))
            """
        }
        return """
            INSERT INTO jobs (id, created_at, updated_at, type, payload, state, run_at, priority, unique_key,
                              attempts, max_attempts, store_id, finished_at)
            VALUES \(rows.joined(separator: ", "))
            ON CONFLICT (store_id, unique_key) \(onConflict)
            """
    }

    func enqueue(_ job: NewJob, storeID: UUID) async throws -> Bool {
        try await Self.enqueue(job, storeID: storeID, on: database, world: world)
    }

    /// Leases up to `limit` due jobs to `worker`. Jobs whose worker's lease ran out (it crashed or hung)
    /// go back to the queue first, keeping their place by `run_at`. On PostgreSQL, SKIP LOCKED lets many
    /// workers claim side by side without waiting on or double-taking each other's rows.
    /// Both statements are shaped for the `(state, priority, run_at)` index, so claiming stays cheap
    /// however many finished jobs the table holds.
    /// `types` narrows the claim to some job types, or to all but some, so a worker can take batchable
    /// jobs by the hundred and the rest a few at a time.
    /// `reclaimingExpired: false` skips handing back expired leases, for a second claim in the same round.
    func claim(worker: String, limit: Int, lease: Double, types: JobTypeFilter = .all,
               reclaimingExpired: Bool = true) async throws -> [ClaimedJob] {
        let now = world.now()
        if reclaimingExpired {
            try await sql.raw("""
                UPDATE jobs SET state = 'queued', locked_by = NULL, lease_until = NULL, updated_at = \(bind: now)
                WHERE state = 'running' AND lease_until < \(bind: now)
                """).run()
        }
        let lock: SQLQueryString = database.isPostgres ? "FOR UPDATE SKIP LOCKED" : ""
        let rows = try await sql.raw("""
            UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = \(bind: worker),
                lease_until = \(bind: now.addingTimeInterval(lease)), updated_at = \(bind: now)
            WHERE id IN (
                SELECT id FROM jobs
                WHERE state = 'queued' AND run_at <= \(bind: now) \(types.clause)
                ORDER BY priority DESC, run_at ASC
                LIMIT \(bind: limit)
                \(lock))
            RETURNING id, store_id, type, payload, attempts, max_attempts
            """).all()
        return try rows.map { row in
            ClaimedJob(id: try row.decode(column: "id", as: UUID.self),
                       storeID: try row.decode(column: "store_id", as: UUID.self),
                       type: try row.decode(column: "type", as: String.self),
                       payload: try row.decode(column: "payload", as: String.self),
                       attempts: try row.decode(column: "attempts", as: Int.self),
                       maxAttempts: try row.decode(column: "max_attempts", as: Int.self))
        }
    }

    /// Only the worker holding the lease may settle a job, so a worker that lost its lease
    /// to another cannot overwrite that one's outcome.
    func complete(_ job: ClaimedJob, worker: String) async throws {
        let now = world.now()
        try await sql.raw("""
            UPDATE jobs SET state = 'done', finished_at = \(bind: now), updated_at = \(bind: now),
                lease_until = NULL, last_error = NULL
            WHERE id = \(bind: job.id) AND locked_by = \(bind: worker) AND state = 'running'
            """).run()
    }

    /// Settles many jobs run together in one statement.
    func complete(_ jobs: [ClaimedJob], worker: String) async throws {
        guard !jobs.isEmpty else { return }
        let now = world.now()
        try await sql.raw("""
            UPDATE jobs SET state = 'done', finished_at = \(bind: now), updated_at = \(bind: now),
                lease_until = NULL, last_error = NULL
            WHERE id IN (\(binds: jobs.map(\.id))) AND locked_by = \(bind: worker) AND state = 'running'
            """).run()
    }

    func reschedule(_ job: ClaimedJob, worker: String, at date: Date) async throws {
        try await sql.raw("""
            UPDATE jobs SET state = 'queued', run_at = \(bind: date), attempts = attempts - 1,
                lease_until = NULL, locked_by = NULL, updated_at = \(bind: world.now())
            WHERE id = \(bind: job.id) AND locked_by = \(bind: worker) AND state = 'running'
            """).run()
    }

    /// Schedules another attempt after a backoff, or moves the job to the dead letters.
    func fail(_ job: ClaimedJob, worker: String, error: String, permanent: Bool, policy: JobRetryPolicy) async throws {
        let now = world.now()
        var generator = world.randomNumberGenerator
        let dead = permanent || job.attempts >= job.maxAttempts
        let retryAt = now.addingTimeInterval(policy.delay(afterAttempt: job.attempts, jitter: generator.unitInterval()))
        try await sql.raw("""
            UPDATE jobs SET state = \(bind: dead ? JobState.dead.rawValue : JobState.queued.rawValue),
                run_at = \(bind: dead ? now : retryAt), last_error = \(bind: String(error.prefix(2_000))),
                finished_at = \(bind: dead ? now : nil), lease_until = NULL, locked_by = NULL, updated_at = \(bind: now)
            WHERE id = \(bind: job.id) AND locked_by = \(bind: worker) AND state = 'running'
            """).run()
    }

    /// Deletes finished jobs older than `cutoff`, a chunk at a time, so the table holds what is
    /// pending plus recent history. Their unique keys go with them; messages keep their own keys.
    @discardableResult
    func pruneDone(finishedBefore cutoff: Date, chunk: Int = 5_000) async throws -> Int {
        var total = 0
        while true {
            let deleted = try await sql.raw("""
                DELETE FROM jobs WHERE id IN (
                    SELECT id FROM jobs WHERE state = 'done' AND finished_at < \(bind: cutoff) LIMIT \(bind: chunk))
                RETURNING id
                """).all().count
            total += deleted
            if deleted < chunk { return total }
        }
    }

    /// Hands a job back untouched, e.g. when the worker is shutting down before running it.
    func release(_ job: ClaimedJob, worker: String) async throws {
        try await reschedule(job, worker: worker, at: world.now())
    }
}

extension JobQueue {
    /// Adds the job, or brings an existing one with the same key forward to `runAt`: a finished or dead one
    /// is revived, a waiting one is moved up. A running one is left alone, since it will reschedule itself.
    static func enqueueOrWake(_ job: NewJob, storeID: UUID, on database: Database, world: World) async throws {
        try await database.sql.raw(insert([(job, storeID)], world: world, onConflict: """
            DO UPDATE SET
                state = 'queued', attempts = 0,
                run_at = CASE WHEN jobs.state = 'queued' AND jobs.run_at < excluded.run_at THEN jobs.run_at
                              ELSE excluded.run_at END,
                last_error = NULL, finished_at = NULL, updated_at = excluded.updated_at
            WHERE jobs.state <> 'running'
            """)).run()
    }
}

extension JobTypeFilter {
    var clause: SQLQueryString {
        switch self {
        case .all, .except([]): ""
        case .only(let types): "AND type IN (\(binds: types.isEmpty ? [""] : types))"
        case .except(let types): "AND type NOT IN (\(binds: types))"
        }
    }
}
