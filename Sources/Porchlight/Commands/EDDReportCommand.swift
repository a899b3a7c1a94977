import Fluent
import SQLKit
import Vapor

/// `porchlight edd-report`: how often delivered parcels arrived inside the window promised when they shipped.
struct EDDReportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "store", help: "Only this store's shipments (its slug).") var store: String?
        @Option(name: "days", help: "Deliveries of the last N days (default 90).") var days: Int?
    }

    var help: String { "Report how often delivery-window estimates held, and how wide they were." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let store = try await storeID(slug: signature.store, app: app)
        let since = app.world.now().addingTimeInterval(-Double(signature.days ?? 90) * 86_400)
        let scope: SQLQueryString = store.map { "AND s.store_id = \(bind: $0)" } ?? ""
        let rows = try await app.db.sql.raw("""
            SELECT s.promised_earliest, s.promised_latest, s.delivered_at, s.carrier_code, o.time_zone
            FROM shipments s JOIN orders o ON o.id = s.order_id AND o.store_id = s.store_id
            WHERE s.status = 'Delivered' AND s.delivered_at > \(bind: since)
              AND s.promised_earliest IS NOT NULL AND s.promised_latest IS NOT NULL \(scope)
            """).all()
        let accuracy = try rows.map { row in
            let zone = TimeZone(identifier: try row.decode(column: "time_zone", as: String.self)) ?? .gmt
            return AccuracyRow(
                promised: DeliveryWindow(earliest: try row.decode(column: "promised_earliest", as: String.self),
                                         latest: try row.decode(column: "promised_latest", as: String.self)),
                deliveredDay: DeliveryWindow.dayString(try row.decode(column: "delivered_at", as: Date.self), zone),
                carrier: try row.decode(column: "carrier_code", as: String?.self) ?? "unknown")
        }
        context.console.print(AccuracyReport(rows: accuracy).render())
    }
}
