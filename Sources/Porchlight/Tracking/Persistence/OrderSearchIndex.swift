import Fluent
import Foundation
import SQLKit

/// Keeps `order_search_terms` in step with orders and parcels, inside the transaction that writes them.
enum OrderSearchIndex {
    static func insert(_ terms: Set<String>, orderID: UUID, storeID: UUID, on database: Database) async throws {
        try await insert(terms.sorted().map { (storeID, $0, orderID) }, on: database)
    }

    /// Many orders' terms at once, in statements small enough for SQLite's limit on bound values.
    static func insert(_ rows: [(storeID: UUID, term: String, orderID: UUID)], on database: Database) async throws {
        for chunk in rows.chunked(300) {
            var insert = database.sql.insert(into: "order_search_terms").columns("store_id", "term", "order_id")
            for row in chunk { insert = insert.values(SQLBind(row.storeID), SQLBind(row.term), SQLBind(row.orderID)) }
            try await insert.ignoringConflicts(with: ["store_id", "term", "order_id"]).run()
        }
    }

    static func terms(of order: OrderRecord, trackingNumbers: [String]) -> [(storeID: UUID, term: String, orderID: UUID)] {
        let terms = SearchTerms.forOrder(number: order.orderNumber, email: order.email, customerName: order.customerName)
            .union(trackingNumbers.map(SearchTerms.forTrackingNumber))
        return terms.sorted().map { (order.storeID, $0, order.id!) }
    }

    static func index(_ order: OrderRecord, on database: Database) async throws {
        try await insert(SearchTerms.forOrder(number: order.orderNumber, email: order.email, customerName: order.customerName),
                         orderID: try order.requireID(), storeID: order.storeID, on: database)
    }

    static func index(_ shipment: ShipmentRecord, on database: Database) async throws {
        try await insert([SearchTerms.forTrackingNumber(shipment.trackingNumber)],
                         orderID: shipment.orderID, storeID: shipment.storeID, on: database)
    }
}
