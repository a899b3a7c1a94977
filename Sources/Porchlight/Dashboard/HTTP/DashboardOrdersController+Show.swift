import Fluent
import Vapor

extension DashboardOrdersController {
    /// One order: its parcels and their timelines, the customer's link, messages sent and scheduled,
    /// and a form to add an event by hand. Another store's order is a 404, as an unknown one is.
    @Sendable static func show(req: Request) async throws -> Response {
        let session = try req.dashboard
        let store = try await DashboardPage.store(req)
        let order = try await req.application.orderBook(storeID: session.storeID).find(try orderID(req))
        guard let loaded = try await TrackingReader(database: req.db).load(order: order) else { throw Abort(.notFound) }
        let messages = try await MessageRecord.query(on: req.db).filter(\.$storeID == session.storeID)
            .filter(\.$orderID == order.requireID()).sort(\.$scheduledAt).all()
        let eventsByParcel = Dictionary(grouping: loaded.events, by: \.shipmentID)
        let zone = order.zone
        let context: [String: Any] = [
            "order": BrandContext.compact([
                "id": try order.requireID().uuidString.lowercased(), "number": order.orderNumber,
                "customer": order.customerName, "email": order.email, "phone": order.phone,
                "placed": DateStamp.text(order.placedAt, zone: zone),
                "status": ShipmentStatus(rawValue: order.status).map(StatusLabels.text) ?? order.status,
                "state": order.state == OrderState.open.rawValue ? nil : order.state.capitalized,
                "window": [order.estimatedEarliest, order.estimatedLatest].compactMap { $0 }.joined(separator: " – "),
                "page_views": order.pageViews,
            ]),
            "tracking_url": req.application.siteURL.absolute(.tracking(token: order.trackingToken)),
            "parcels": try loaded.shipments.map { parcel in
                BrandContext.compact([
                    "id": try parcel.requireID().uuidString.lowercased(), "carrier": parcel.carrier ?? "Carrier not recognised",
                    "tracking_number": parcel.trackingNumber,
                    "status": ShipmentStatus(rawValue: parcel.status).map(StatusLabels.text) ?? parcel.status,
                    "events": (eventsByParcel[try parcel.requireID()] ?? []).sorted { $0.occurredAt > $1.occurredAt }.map { event in
                        BrandContext.compact(["when": DateStamp.text(event.occurredAt, zone: zone), "message": event.message,
                                              "location": event.location,
                                              "status": ShipmentStatus(rawValue: event.status).map(StatusLabels.text)])
                    },
                ])
            },
            "has_parcels": !loaded.shipments.isEmpty,
            "statuses": ShipmentStatus.allCases.filter { $0 != .pending }.map { ["value": $0.rawValue, "label": StatusLabels.text($0)] },
            "messages": messages.map { message in
                BrandContext.compact(["type": message.type.replacingOccurrences(of: "_", with: " ").capitalized,
                                      "status": message.status, "subject": message.subject,
                                      "when": DateStamp.text(message.sentAt ?? message.scheduledAt, zone: zone)])
            },
            "has_messages": !messages.isEmpty,
        ]
        return try DashboardPage.render(req, "admin/order", title: "Order \(order.orderNumber)", section: .orders,
                                        store: store, context)
    }

    struct EventForm: Content {
        var shipment_id: UUID
        var status: String
        var message: String?
        var location: String?
    }

    /// A manual event goes through the same ledger as a carrier's, so the customer's page and messages follow.
    @Sendable static func addEvent(req: Request) async throws -> Response {
        let session = try req.dashboard
        let id = try orderID(req)
        let form = try req.content.decode(EventForm.self)
        guard let status = ShipmentStatus(rawValue: form.status) else { throw Abort(.badRequest, reason: "Pick a status.") }
        let ledger = req.application.shipmentLedger(storeID: session.storeID)
        let parcel = try await ledger.book.findShipment(form.shipment_id)
        guard parcel.orderID == id else { throw Abort(.notFound) }
        let message = form.message?.trimmingCharacters(in: .whitespacesAndNewlines)
        let draft = NewShipmentEvent(status: status, substatus: nil, occurredAt: req.application.world.now(),
                                     message: message?.isEmpty == false ? message : nil,
                                     location: form.location?.isEmpty == false ? form.location : nil, carrierCode: nil)
        _ = try await ledger.record(draft, on: form.shipment_id)
        return req.redirect(to: "/admin/orders/\(id.uuidString.lowercased())?notice=\(Notice.eventAdded.rawValue)",
                            redirectType: .normal)
    }

    private static func orderID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("orderID").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        return id
    }
}

/// Dates as a merchant reads them, in the order's own time zone.
enum DateStamp {
    static func text(_ date: Date, zone: TimeZone) -> String {
        var style = Date.FormatStyle(date: .abbreviated, time: .shortened)
        style.timeZone = zone
        return date.formatted(style)
    }
}
