import Fluent
import SQLKit

struct CreateJobs: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("jobs")
            .id()
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("type", .string, .required)
            .field("payload", .string, .required)
            .field("state", .string, .required)
            .field("run_at", .datetime, .required)
            .field("priority", .int, .required)
            .field("unique_key", .string)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("locked_by", .string)
            .field("lease_until", .datetime)
            .field("last_error", .string)
            .field("finished_at", .datetime)
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .unique(on: "store_id", "unique_key")
            .create()
        // In the claim's own order, so the next due jobs are read straight off the index, never sorted.
        try await database.sql.raw("CREATE INDEX jobs_due ON jobs (state, priority DESC, run_at)").run()
        try await database.createIndex("jobs_by_store", on: "jobs", columns: ["store_id", "state"])
    }

    func revert(on database: Database) async throws {
        try await database.schema("jobs").delete()
    }
}
