import Vapor

enum ShipmentController {
    @Sendable static func create(req: Request) async throws -> Response {
        let store = try req.currentStore
        let body = try req.content.decode(CreateShipmentBody.self)
        let (shipment, created) = try await req.shipmentLedger(store)
            .addShipment(body.draft, to: req.parameters.requireUUID("orderID"))
        let response = Response(status: created ? .created : .ok)
        try response.content.encode(ShipmentJSON(shipment, events: []), as: .json)
        return response
    }

    @Sendable static func createEvent(req: Request) async throws -> Response {
        let store = try req.currentStore
        let body = try req.content.decode(CreateEventBody.self)
        let (event, created) = try await req.shipmentLedger(store)
            .record(try body.draft(), on: req.parameters.requireUUID("shipmentID"))
        let response = Response(status: created ? .created : .ok)
        try response.content.encode(EventJSON(ShipmentEventRow(event)), as: .json)
        return response
    }
}
