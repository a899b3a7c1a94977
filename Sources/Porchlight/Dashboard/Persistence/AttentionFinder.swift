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
        let today = DeliveryWindow.dayString(now, .gmt)
        let troubled = ["Exception", "AttemptFail", "Expired", "AvailableForPickup"]
        let moving = ["Pending", "InfoReceived", "InTransit", "OutForDelivery"]
        var rows = try await candidates(SQLQueryString("s.status IN (\(binds: troubled))"), limit: limit)
        rows += try await candidates(SQLQueryString("s.status IN (\(binds: moving)) AND s.estimated_latest < \(bind: today)"), limit: limit)
        rows += try await candidates(SQLQueryString("s.substatus = \(bind: Substatus.delayed) AND s.status = 'InTransit'"), limit: limit)
        rows += try await candidates(SQLQueryString("s.carrier_source = 'undetected' AND s.status <> 'Delivered'"), limit: limit)
        var seen = Set<UUID>()
        let found = rows.filter { seen.insert($0.shipmentID).inserted }.compactMap { row -> Item? in
            guard row.orderState == OrderState.open.rawValue,
                  let item = AttentionRules.evaluate(row.facts(now: now), settings: row.settings) else { return nil }
            return Item(item: item, orderID: row.orderID, orderNumber: row.orderNumber, customerName: row.customerName,
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
        var orderNumber: String
        var customerName: String?
        var orderState: String

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
            SELECT s.id, s.order_id, s.status, s.substatus, s.carrier, s.carrier_code, s.carrier_source, s.tracking_number,
                   s.estimated_latest, s.last_movement_at, s.last_event_at, s.created_at,
                   o.order_number, o.customer_name, o.state
            FROM shipments s JOIN orders o ON o.id = s.order_id AND o.store_id = s.store_id
            WHERE s.store_id = \(bind: storeID) AND 
            """)
        sql += condition
        // No ORDER BY: sorting every match would read them all; the rules rank what comes back.
        sql.appendInterpolation(unsafeRaw: " LIMIT \(limit)")
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
                             createdAt: try row.decode(column: "created_at", as: Date.self),
                             orderNumber: try row.decode(column: "order_number", as: String.self),
                             customerName: try row.decode(column: "customer_name", as: String?.self),
                             orderState: try row.decode(column: "state", as: String.self))
        }
    }

    /// A window's last day ends at midnight after it; UTC is close enough for "is it late?".
    static func endOfDay(_ day: String) -> Date? {
        DeliveryWindow.date(fromDay: day, in: .gmt)?.addingTimeInterval(12 * 3_600)
    }
}
