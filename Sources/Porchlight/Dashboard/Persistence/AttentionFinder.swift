import Fluent
import Foundation
import SQLKit

/// Finds the parcels that need the merchant: a few indexed queries pick candidates, and the pure
/// `AttentionRules` decide why and what to do.
struct AttentionFinder: Sendable {
    let database: Database
    let storeID: UUID

    struct Item: Sendable {
        var item: AttentionItem
        var orderID: UUID
        var orderNumber: String
        var customerName: String?
        var trackingNumber: String
        var carrier: String?
    }

    func items(now: Date, limit: Int = 200) async throws -> [Item] {
        let today = HomeFigures.utcDay(now)
        let troubled = ["Exception", "AttemptFail", "Expired", "AvailableForPickup"]
        let moving = ["Pending", "InfoReceived", "InTransit", "OutForDelivery"]
        var rows = try await candidates(SQLQueryString("status IN (\(binds: troubled))"), limit: limit)
        rows += try await candidates(SQLQueryString("status IN (\(binds: moving)) AND estimated_latest < \(bind: today)"), limit: limit)
        rows += try await candidates(SQLQueryString("status = 'InTransit' AND substatus = \(bind: Substatus.delayed)"), limit: limit)
        rows += try await candidates(SQLQueryString("carrier_source = 'undetected' AND status <> 'Delivered'"), limit: limit)
        var seen = Set<UUID>()
        let unique = rows.filter { seen.insert($0.shipmentID).inserted }
        let orders = try await orderSummaries(Set(unique.map(\.orderID)))
        let found = unique.compactMap { row -> Item? in
            guard let order = orders[row.orderID], order.state == OrderState.open.rawValue,
                  let item = AttentionRules.evaluate(row.facts(now: now), settings: row.settings) else { return nil }
            return Item(item: item, orderID: row.orderID, orderNumber: order.orderNumber, customerName: order.customerName,
                        trackingNumber: row.trackingNumber, carrier: row.carrier)
        }
        return Array(AttentionRules.mostUrgentFirst(found, by: \.item).prefix(limit))
    }

    private struct Candidate {
        var shipmentID: UUID
        var orderID: UUID
        var status: ShipmentStatus
        var substatus: String?
        var carrier: String?
        var carrierCode: String?
        var carrierSource: String
        var trackingNumber: String
        var estimatedLatest: String?
        var lastMovementAt: Date?
        var lastEventAt: Date?
        var createdAt: Date

        func facts(now: Date) -> AttentionFacts {
            AttentionFacts(status: status, substatus: substatus.map(Substatus.init),
                           carrierDetected: carrierSource != "undetected",
                           windowLatest: estimatedLatest.flatMap(AttentionFinder.endOfDay),
                           lastMovementAt: lastMovementAt, createdAt: createdAt, now: now,
                           carrier: carrier, lastEventAt: lastEventAt)
        }

        /// USPS and DHL scan less often, so they get longer before a quiet parcel counts as stalled.
        var settings: AttentionRules.Settings {
            var settings = AttentionRules.Settings()
            settings.stallDays = PollingSettings.standard.stallDays(for: carrierCode)
            return settings
        }
    }

    private func candidates(_ condition: SQLQueryString, limit: Int) async throws -> [Candidate] {
        var sql = SQLQueryString("""
            SELECT id, order_id, status, substatus, carrier, carrier_code, carrier_source, tracking_number, estimated_latest,
                   last_movement_at, last_event_at, created_at
            FROM shipments WHERE store_id = \(bind: storeID) AND 
            """)
        sql += condition
        sql.appendInterpolation(unsafeRaw: " ORDER BY created_at LIMIT \(limit)")
        return try await database.sql.raw(sql).all().compactMap { row in
            guard let status = ShipmentStatus(rawValue: try row.decode(column: "status", as: String.self)) else { return nil }
            return Candidate(shipmentID: try row.decode(column: "id", as: UUID.self),
                             orderID: try row.decode(column: "order_id", as: UUID.self), status: status,
                             substatus: try row.decode(column: "substatus", as: String?.self),
                             carrier: try row.decode(column: "carrier", as: String?.self),
                             carrierCode: try row.decode(column: "carrier_code", as: String?.self),
                             carrierSource: try row.decode(column: "carrier_source", as: String.self),
                             trackingNumber: try row.decode(column: "tracking_number", as: String.self),
                             estimatedLatest: try row.decode(column: "estimated_latest", as: String?.self),
                             lastMovementAt: try row.decode(column: "last_movement_at", as: Date?.self),
                             lastEventAt: try row.decode(column: "last_event_at", as: Date?.self),
                             createdAt: try row.decode(column: "created_at", as: Date.self))
        }
    }

    private func orderSummaries(_ ids: Set<UUID>) async throws -> [UUID: OrderRecord] {
        guard !ids.isEmpty else { return [:] }
        let orders = try await OrderRecord.query(on: database).filter(\.$storeID == storeID)
            .filter(\.$id ~~ Array(ids)).all()
        return Dictionary(orders.compactMap { order in order.id.map { ($0, order) } }, uniquingKeysWith: { a, _ in a })
    }

    /// A window's last day ends at midnight after it; UTC is close enough for "is it late?".
    static func endOfDay(_ day: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: day)?.addingTimeInterval(86_400)
    }
}
