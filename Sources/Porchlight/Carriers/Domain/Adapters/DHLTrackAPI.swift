import Foundation

/// DHL Shipment Tracking - Unified API, authorised with an API key.
/// DHL has no fine event codes, so scan `code` is the event's `statusDetailed` (or else its short
/// `status` text) in lower case with spacing and a final full stop removed, falling back to
/// `statusCode`; `category` is `statusCode` ("pre-transit", "transit", "delivered", "failure", "unknown").
enum DHLTrackAPI {
    static let defaultBaseURL = "https://api-eu.dhl.com"

    /// English is asked for explicitly because the description-based codes in the table are English.
    static func trackRequest(trackingNumber: String, apiKey: String) -> CarrierHTTPRequest {
        CarrierHTTPRequest(
            method: "GET", path: "/track/shipments",
            query: [URLQueryItem(name: "trackingNumber", value: trackingNumber), URLQueryItem(name: "language", value: "en")],
            headers: ["DHL-API-Key": apiKey, "Accept": "application/json"])
    }

    static func parse(_ data: Data, trackingNumber: String) throws -> CarrierReport {
        let body = try WebhookFields.decode(data)
        // Errors are RFC 7807 problems: {"title": "No result found", "status": 404, "detail": "..."}
        if let status = body.raw["status"] as? NSNumber {
            let message = AdapterShape.joined([body.string("title"), body.string("detail")], separator: ": ") ?? "no detail"
            if status.intValue == 404 || AdapterShape.soundsLikeNotFound(message) {
                throw CarrierParseError.notFound("DHL \(status.intValue): \(message)")
            }
            throw CarrierParseError.malformed("DHL error \(status.intValue): \(message)")
        }
        guard let shipments = try body.objects("shipments") else {
            throw CarrierParseError.malformed("DHL answer has no shipments")
        }
        let wanted = trackingNumber.uppercased()
        guard let shipment = shipments.first(where: { $0.string("id")?.uppercased() == wanted }) ?? shipments.first else {
            throw CarrierParseError.notFound("DHL returned no shipment for this number")
        }
        var events = try shipment.objects("events") ?? []
        // Some services send only the current status, without a history.
        if events.isEmpty, let status = shipment.object("status") { events = [status] }
        let timeFrame = shipment.object("estimatedDeliveryTimeFrame")
        return CarrierReport(
            carrier: "dhl", trackingNumber: trackingNumber, scans: AdapterShape.oldestFirst(events.compactMap(scan)),
            estimatedDelivery: WebhookShape.window(earliest: timeFrame?.string("estimatedFrom"),
                                                   latest: timeFrame?.string("estimatedThrough"))
                ?? WebhookShape.window(earliest: shipment.string("estimatedTimeOfDelivery"), latest: nil),
            service: shipment.object("details")?.object("product")?.string("productName") ?? shipment.string("service"))
    }

    /// An event without a status or a readable time cannot be placed in the history, so it is dropped.
    private static func scan(_ event: WebhookFields) -> CarrierScan? {
        let category = event.string("statusCode")
        guard let code = (event.string("statusDetailed") ?? event.string("status")).flatMap(descriptionCode) ?? category,
              let occurredAt = event.string("timestamp").flatMap(WebhookTime.instant) else { return nil }
        let address = event.object("location")?.object("address")
        return CarrierScan(
            code: code, category: category,
            text: event.string("description") ?? event.string("status") ?? code,
            occurredAt: occurredAt,
            location: AdapterShape.joined([address?.string("addressLocality"), address?.string("countryCode")], separator: ", "))
    }

    /// "The shipment has been  successfully delivered." and "THE SHIPMENT HAS BEEN SUCCESSFULLY DELIVERED"
    /// are the same event; both become "the shipment has been successfully delivered".
    static func descriptionCode(_ text: String) -> String? {
        var words = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while words.hasSuffix(".") { words.removeLast() }
        return words.isEmpty ? nil : words
    }
}
