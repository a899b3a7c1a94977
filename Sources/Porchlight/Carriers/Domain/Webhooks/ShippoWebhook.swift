import Foundation

/// Shippo webhooks. `track_updated` carries a Track; transaction and batch events are
/// acknowledged and ignored. Shippo sends no event id, so `eventID` is always nil.
enum ShippoWebhook {
    static func parse(_ data: Data) throws -> WebhookDelivery {
        let body = try WebhookFields.decode(data)
        guard let event = body.string("event") else {
            throw CarrierParseError.malformed("Shippo webhook without an event")
        }
        guard event == "track_updated" else { return .ignored(eventID: nil) }

        guard let track = body.object("data") else {
            throw CarrierParseError.malformed("track_updated without data")
        }
        guard let trackingNumber = track.string("tracking_number") else {
            throw CarrierParseError.malformed("track_updated without a tracking_number")
        }
        var scans = (try track.objects("tracking_history") ?? []).compactMap(scan)
        // tracking_status is normally the newest history entry repeated; it stands alone only
        // when Shippo sent no history.
        if let current = track.object("tracking_status").flatMap(scan), !scans.contains(current) {
            scans.append(current)
        }
        let eta = track.string("eta")
        let report = CarrierReport(
            carrier: WebhookShape.carrierCode(track.string("carrier")),
            trackingNumber: trackingNumber,
            scans: scans,
            estimatedDelivery: WebhookShape.window(earliest: eta, latest: eta),
            service: track.object("servicelevel")?.string("name"))
        return WebhookDelivery(eventID: nil, reports: [report])
    }

    /// One TrackingStatus; skipped without a status or a readable time.
    static func scan(_ entry: WebhookFields) -> CarrierScan? {
        guard let status = entry.string("status"),
              let occurredAt = (entry.string("status_date") ?? entry.string("object_created")).flatMap(WebhookTime.instant)
        else { return nil }
        let substatus = entry.object("substatus")
        // "other" is Shippo admitting it couldn't classify the carrier's event; the status says more.
        let code = substatus?.string("code").flatMap { $0 == "other" ? nil : $0 } ?? status
        let location = entry.object("location")
        return CarrierScan(
            code: code,
            category: status,
            text: entry.string("status_details") ?? substatus?.string("text") ?? status,
            occurredAt: occurredAt,
            location: WebhookShape.location(location?.string("city"), location?.string("state"),
                                            location?.string("country")))
    }
}
