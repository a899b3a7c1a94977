import Fluent
import Foundation

/// Finds a store's parcels by the tracking number a carrier reports, which may be spaced or cased differently.
struct ShipmentFinder: Sendable {
    let database: Database
    let storeID: UUID

    func shipments(trackingNumber: String) async throws -> [ShipmentRecord] {
        let numbers = Array(Set([trackingNumber, CarrierDetector.normalize(trackingNumber)]))
        return try await ShipmentRecord.query(on: database)
            .filter(\.$storeID == storeID).filter(\.$trackingNumber ~~ numbers).all()
    }
}
