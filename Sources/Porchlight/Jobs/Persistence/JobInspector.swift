import Fluent
import Foundation
import SQLKit

/// Read and repair access to the queue for people: counts, dead letters, and retrying them.
/// A store-scoped inspector sees only that store's jobs; the CLI may pass nil to see all.
struct JobInspector: Sendable {
    let database: Database
    let world: World
    let storeID: UUID?

    private var sql: SQLDatabase { database.sql }

    struct DeadJob: Sendable, Codable, Equatable {
        var id: UUID
        var storeID: UUID
        var type: String
        var attempts: Int
        var lastError: String?
        var failedAt: Date?
        var payload: String
    }

    func counts() async throws -> [JobState: Int] {
        var query = sql.select().column("state").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("jobs").groupBy("state")
        if let storeID { query = query.where("store_id", .equal, storeID) }
        var counts = Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0, 0) })
        for row in try await query.all() {
            guard let state = JobState(rawValue: try row.decode(column: "state", as: String.self)) else { continue }
            counts[state] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// Seconds since the longest-waiting due job became due; 0 when nothing is waiting.
    func oldestDueAge() async throws -> Double {
        let now = world.now()
        var query = sql.select().column(SQLFunction("MIN", args: SQLIdentifier("run_at")), as: "oldest").from("jobs")
            .where("state", .equal, JobState.queued.rawValue).where("run_at", .lessThanOrEqual, now)
        if let storeID { query = query.where("store_id", .equal, storeID) }
        guard let row = try await query.first(), let oldest = try row.decodeNil(column: "oldest") ? nil
            : try row.decode(column: "oldest", as: Date.self) else { return 0 }
        return max(0, now.timeIntervalSince(oldest))
    }

    func dead(limit: Int = 50) async throws -> [DeadJob] {
        var query = sql.select().columns("id", "store_id", "type", "attempts", "last_error", "finished_at", "payload")
            .from("jobs").where("state", .equal, JobState.dead.rawValue)
            .orderBy("finished_at", .descending).limit(limit)
        if let storeID { query = query.where("store_id", .equal, storeID) }
        return try await query.all().map { row in
            DeadJob(id: try row.decode(column: "id", as: UUID.self),
                    storeID: try row.decode(column: "store_id", as: UUID.self),
                    type: try row.decode(column: "type", as: String.self),
                    attempts: try row.decode(column: "attempts", as: Int.self),
                    lastError: try row.decode(column: "last_error", as: String?.self),
                    failedAt: try row.decode(column: "finished_at", as: Date?.self),
                    payload: try row.decode(column: "payload", as: String.self))
        }
    }

    /// Puts a dead job back in the queue with fresh attempts. False when no such dead job exists here.
    func retry(_ id: UUID) async throws -> Bool {
        let now = world.now()
        var query = sql.update("jobs")
            .set("state", to: JobState.queued.rawValue).set("attempts", to: 0).set("run_at", to: now)
            .set("finished_at", to: SQLLiteral.null).set("updated_at", to: now)
            .where("id", .equal, id).where("state", .equal, JobState.dead.rawValue)
        if let storeID { query = query.where("store_id", .equal, storeID) }
        let updated = try await query.returning("id").all()
        return !updated.isEmpty
    }
}
