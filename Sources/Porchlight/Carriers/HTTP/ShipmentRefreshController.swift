import Fluent
import Vapor

/// `POST /api/v1/shipments/{id}/refresh`: ask the carrier now, and answer with the updated parcel.
enum ShipmentRefreshController {
    @Sendable static func refresh(req: Request) async throws -> Response {
        let store = try req.currentStore
        let storeID = try store.requireID()
        let shipment: ShipmentRecord
        do {
            shipment = try await req.application.shipmentTracker.refresh(storeID: storeID,
                                                                         shipmentID: req.parameters.requireUUID("shipmentID"))
        } catch let error as CarrierCallError {
            throw apiError(error, now: req.application.world.now())
        }
        let events = try await ShipmentEventRecord.query(on: req.db)
            .filter(\.$storeID == storeID).filter(\.$shipmentID == shipment.requireID()).all()
        let response = Response(status: .ok)
        try response.content.encode(ShipmentJSON(shipment, events: events.map(ShipmentEventRow.init)), as: .json)
        return response
    }

    static func apiError(_ error: CarrierCallError, now: Date) -> Error {
        switch error {
        case .notConfigured(let why):
            return APIError(status: .conflict, code: "carrier_not_configured", message: why)
        case .rateLimited(let retryAt):
            let seconds = max(1, Int((retryAt ?? now.addingTimeInterval(60)).timeIntervalSince(now).rounded(.up)))
            return APIError(status: .tooManyRequests, code: "carrier_rate_limited",
                            message: "The carrier's rate limit is reached; try again in \(seconds) seconds.",
                            retryAfterSeconds: seconds)
        case .unavailable(let why):
            return APIError(status: .serviceUnavailable, code: "carrier_unavailable",
                            message: "The carrier's API is not answering right now (\(why)). Polling will try again.")
        case .unauthorized:
            return APIError(status: .conflict, code: "carrier_credentials_refused",
                            message: "The carrier refused this store's credentials; check them with PUT /api/v1/integrations.")
        case .rejected(let why), .notFound(let why):
            return APIError(status: .badGateway, code: "carrier_rejected", message: "The carrier could not answer: \(why)")
        }
    }
}
