import Foundation
import SQLKit

/// Gives many rows of one store's table their own new values in a single statement. Each statement is a
/// round trip to the database, and on a busy event path those round trips, not the work, were the cost.
struct BulkUpdate: Sendable {
    struct Column: Sendable {
        var name: String
        /// PostgreSQL types a parameter from its first non-null value, or as text when a column is all
        /// nulls, so every value is cast to the column's type there. SQLite needs no cast.
        var postgresType: String
    }

    let table: String
    /// The values of each row, in the order of `columns`; the first column is the row's id.
    let columns: [Column]
    /// Set on every row alongside the values, e.g. a counter that goes up by one.
    var alsoSet: [String] = []

    func run(_ rows: [[any Encodable & Sendable]], storeID: UUID, on database: any SQLDatabase) async throws {
        for chunk in rows.chunked(200) where !chunk.isEmpty {
            try await database.raw(statement(chunk, storeID: storeID, postgres: database.dialect.name == "postgresql")).run()
        }
    }

    func statement(_ rows: [[any Encodable & Sendable]], storeID: UUID, postgres: Bool) -> SQLQueryString {
        func value(_ column: Column) -> String { postgres ? "v.\(column.name)::\(column.postgresType)" : "v.\(column.name)" }
        let values = rows.map { row -> SQLQueryString in "(\(binds: row))" }
        let assignments = columns.dropFirst().map { "\($0.name) = \(value($0))" } + alsoSet
        return """
            WITH v(\(unsafeRaw: columns.map(\.name).joined(separator: ", "))) AS (VALUES \(values.joined(separator: ", ")))
            UPDATE \(unsafeRaw: table) SET \(unsafeRaw: assignments.joined(separator: ", "))
            FROM v WHERE \(unsafeRaw: table).id = \(unsafeRaw: value(columns[0])) AND \(unsafeRaw: table).store_id = \(bind: storeID)
            """
    }
}
