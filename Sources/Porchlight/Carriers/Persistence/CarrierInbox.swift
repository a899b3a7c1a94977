import Fluent
import Foundation
import SQLKit

/// Keeps pushed events for tracking numbers the store has not told us about yet: webhooks often beat the
/// store's own fulfilment call. When the parcel appears, its held events are applied; unclaimed ones expire.
struct CarrierInbox: Sendable {
    let database: Database
    let world: World
    let storeID: UUID
    /// How long an unclaimed event is kept.
    var holdFor: TimeInterval = 14 * 86_400

    struct HeldReport: Codable, Sendable {
        /// The table the report's codes come from, which is also who pushed it.
        var source: String
        var report: CarrierReport
    }

    func hold(_ report: CarrierReport, source: String) async throws {
        let now = world.now()
        let json = String(decoding: try JSONCoding.encoder.encode(HeldReport(source: source, report: report)), as: UTF8.self)
        try await database.sql.raw("""
            INSERT INTO carrier_holds (id, received_at, expires_at, provider, carrier, tracking_number, report, store_id)
            VALUES (\(bind: world.uuid()), \(bind: now), \(bind: now.addingTimeInterval(holdFor)), \(bind: source),
                    \(bind: report.carrier), \(bind: CarrierDetector.normalize(report.trackingNumber)),
                    \(bind: json)\(database.isPostgres ? "::jsonb" : ""), \(bind: storeID))
            """).run()
    }

    /// Takes the held reports for a number out of the inbox, oldest first.
    func claim(trackingNumber: String) async throws -> [HeldReport] {
        let number = CarrierDetector.normalize(trackingNumber)
        let rows = try await database.sql.raw("""
            DELETE FROM carrier_holds WHERE store_id = \(bind: storeID) AND tracking_number = \(bind: number)
            RETURNING received_at, report\(database.isPostgres ? "::text AS report" : "")
            """).all()
        return try rows.map { row -> (Date, HeldReport) in
            let text = try row.decode(column: "report", as: String.self)
            return (try row.decode(column: "received_at", as: Date.self),
                    try JSONCoding.decoder.decode(HeldReport.self, from: Data(text.utf8)))
        }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Drops unclaimed events past their time, across all stores (housekeeping).
    static func pruneExpired(on database: Database, now: Date) async throws {
        try await database.sql.raw("DELETE FROM carrier_holds WHERE expires_at < \(bind: now)").run()
    }
}
