import Fluent

/// One row per CSV import: its progress while it runs, and its counts and first row errors afterwards.
struct CreateImportRuns: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("import_runs")
            .id()
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("file_name", .string, .required)
            .field("status", .string, .required)
            .field("bytes_total", .int64)
            .field("bytes_done", .int64, .required)
            .field("rows_done", .int, .required)
            .field("orders_created", .int, .required)
            .field("orders_existing", .int, .required)
            .field("parcels_added", .int, .required)
            .field("error_count", .int, .required)
            .field("errors", .string, .required)
            .field("warnings", .string, .required)
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .create()
        try await database.createIndex("import_runs_by_started", on: "import_runs", columns: ["store_id", "started_at"])
    }

    func revert(on database: Database) async throws {
        try await database.schema("import_runs").delete()
    }
}
