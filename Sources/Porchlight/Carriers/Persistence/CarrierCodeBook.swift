import Fluent
import Foundation
import SQLKit

/// A store's mapping overrides, and the tally of raw codes no table knew, so the tables can be improved.
struct CarrierCodeBook: Sendable {
    let database: Database
    let world: World
    let storeID: UUID

    func map(source: String) async throws -> CarrierStatusMap? {
        guard let table = CarrierStatusTables.table(for: source) else { return nil }
        let rows = try await database.sql.raw("""
            SELECT code, status, substatus FROM carrier_status_overrides
            WHERE store_id = \(bind: storeID) AND carrier = \(bind: source)
            """).all()
        var overrides: [String: StatusMapping] = [:]
        for row in rows {
            guard let status = ShipmentStatus(rawValue: try row.decode(column: "status", as: String.self)) else { continue }
            overrides[try row.decode(column: "code", as: String.self)] =
                StatusMapping(status, try row.decode(column: "substatus", as: String?.self))
        }
        return CarrierStatusMap(table: table, overrides: overrides)
    }

    /// Counts one sighting of a code the table did not know.
    func countUnknown(source: String, code: String, text: String) async throws {
        let now = world.now()
        try await database.sql.raw("""
            INSERT INTO carrier_unknown_codes (id, first_seen_at, last_seen_at, carrier, code, sample_text, occurrences, store_id)
            VALUES (\(bind: world.uuid()), \(bind: now), \(bind: now), \(bind: source), \(bind: String(code.prefix(100))),
                    \(bind: String(text.prefix(300))), 1, \(bind: storeID))
            ON CONFLICT (store_id, carrier, code) DO UPDATE SET
                occurrences = carrier_unknown_codes.occurrences + 1, last_seen_at = excluded.last_seen_at,
                sample_text = excluded.sample_text
            """).run()
    }

    struct UnknownCode: Codable, Sendable {
        var carrier: String
        var code: String
        var sample_text: String
        var occurrences: Int
        var first_seen_at: Date
        var last_seen_at: Date
    }

    func unknownCodes() async throws -> [UnknownCode] {
        try await database.sql.raw("""
            SELECT carrier, code, sample_text, occurrences, first_seen_at, last_seen_at FROM carrier_unknown_codes
            WHERE store_id = \(bind: storeID) ORDER BY occurrences DESC, carrier, code LIMIT 500
            """).all(decoding: UnknownCode.self)
    }

    func setOverride(source: String, code: String, mapping: StatusMapping) async throws {
        try await database.sql.raw("""
            INSERT INTO carrier_status_overrides (id, updated_at, carrier, code, status, substatus, store_id)
            VALUES (\(bind: world.uuid()), \(bind: world.now()), \(bind: source), \(bind: code),
                    \(bind: mapping.status.rawValue), \(bind: mapping.substatus), \(bind: storeID))
            ON CONFLICT (store_id, carrier, code) DO UPDATE SET
                status = excluded.status, substatus = excluded.substatus, updated_at = excluded.updated_at
            """).run()
    }

    func removeOverride(source: String, code: String) async throws -> Bool {
        try await !database.sql.raw("""
            DELETE FROM carrier_status_overrides
            WHERE store_id = \(bind: storeID) AND carrier = \(bind: source) AND code = \(bind: code) RETURNING id
            """).all().isEmpty
    }
}
