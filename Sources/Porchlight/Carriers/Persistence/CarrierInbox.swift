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
        var source: String
        var carrier: String
        var trackingNumber: String
        var scans: [Scan]
        var estimatedDelivery: DeliveryWindow?

        struct Scan: Codable, Sendable {
            var code: String
            var category: String?
            var text: String
            var occurredAt: Date
            var location: String?
        }

        var report: CarrierReport {
            CarrierReport(carrier: carrier, trackingNumber: trackingNumber,
                          scans: scans.map { CarrierScan(code: $0.code, category: $0.category, text: $0.text,
                                                         occurredAt: $0.occurredAt, location: $0.location) },
                          estimatedDelivery: estimatedDelivery)
        }
    }

    func hold(_ report: CarrierReport, source: String) async throws {
        let held = HeldReport(source: source, carrier: report.carrier, trackingNumber: report.trackingNumber,
                              scans: report.scans.map { .init(code: $0.code, category: $0.category, text: $0.text,
                                                              occurredAt: $0.occurredAt, location: $0.location) },
                              estimatedDelivery: report.estimatedDelivery)
        let now = world.now()
        let json = String(decoding: try JSONCoding.encoder.encode(held), as: UTF8.self)
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
