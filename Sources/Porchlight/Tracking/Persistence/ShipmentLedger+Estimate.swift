import Fluent
import Foundation
import SQLKit

extension ShipmentLedger {
    /// Re-estimates the parcel's window after news, then the order's: the order is complete when its
    /// last parcel arrives, so it takes the latest window among parcels still on their way.
    /// Runs after the event's transaction, because building an estimator reads the store's history.
    /// The parcel and order are the ones the caller has just saved, so they are not read again.
    func reestimate(_ shipment: ShipmentRecord, order: OrderRecord) async throws {
        let shipmentID = try shipment.requireID()
        // Only changes are written: most events leave the window as it was, and on SQLite every write
        // waits its turn for the one writer.
        var parcelWindow = shipment.window
        if let estimate = try await estimateWindow(shipment, order),
           estimate.window != shipment.window || estimate.source.name != shipment.estimateSource {
            parcelWindow = estimate.window
            try await database.sql.raw("""
                UPDATE shipments SET estimated_earliest = \(bind: estimate.window.earliest),
                    estimated_latest = \(bind: estimate.window.latest), estimate_source = \(bind: estimate.source.name)
                WHERE id = \(bind: shipmentID) AND store_id = \(bind: book.storeID)
                """).run()
        }
        let windows = try await ShipmentRecord.query(on: database)
            .filter(\.$storeID == book.storeID).filter(\.$orderID == shipment.orderID).all()
            .filter { $0.shipmentStatus != .delivered }
            .compactMap { $0.id == shipmentID ? parcelWindow : $0.window }
        guard let earliest = windows.map(\.earliest).max(), let latest = windows.map(\.latest).max(),
              earliest != order.estimatedEarliest || latest != order.estimatedLatest else { return }
        try await database.sql.raw("""
            UPDATE orders SET estimated_earliest = \(bind: earliest), estimated_latest = \(bind: latest)
            WHERE id = \(bind: shipment.orderID) AND store_id = \(bind: book.storeID)
            """).run()
    }
}

extension EstimateSource {
    /// Stored with the window, so support can tell where a promise came from.
    var name: String {
        switch self {
        case .history: "history"
        case .carrier: "carrier"
        case .defaults: "defaults"
        case .outForDelivery: "out_for_delivery"
        }
    }
}
