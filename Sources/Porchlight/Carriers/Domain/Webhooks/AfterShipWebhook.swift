import Foundation

/// AfterShip Tracking webhooks. `tracking_update` and `edd_revise` both carry the whole
/// tracking; other events (tracking_pending_time, …) are acknowledged and ignored.
enum AfterShipWebhook {
    static let trackingEvents: Set<String> = ["tracking_update", "edd_revise"]

    static func parse(_ data: Data) throws -> WebhookDelivery {
        let body = try WebhookFields.decode(data)
        guard let event = body.string("event") else {
            throw CarrierParseError.malformed("AfterShip webhook without an event")
        }
        let eventID = body.string("event_id")
        guard trackingEvents.contains(event) else { return .ignored(eventID: eventID) }

        guard let tracking = body.object("msg") else {
            throw CarrierParseError.malformed("\(event) without msg")
        }
        guard let trackingNumber = tracking.string("tracking_number") else {
            throw CarrierParseError.malformed("\(event) without a tracking_number")
        }
        let report = CarrierReport(
            carrier: WebhookShape.carrierCode(tracking.string("slug")),
            trackingNumber: trackingNumber,
            scans: (try tracking.objects("checkpoints") ?? []).compactMap(scan),
            estimatedDelivery: estimate(tracking),
            service: tracking.string("shipment_type"))
        return WebhookDelivery(eventID: eventID, reports: [report])
    }

    /// One checkpoint; skipped without a tag or a readable time. checkpoint_time is the carrier's
    /// local time and often has no offset, in which case it is read as UTC.
    static func scan(_ checkpoint: WebhookFields) -> CarrierScan? {
        let tag = checkpoint.string("tag")
        guard let code = checkpoint.string("subtag") ?? tag,
              let occurredAt = (checkpoint.string("checkpoint_time") ?? checkpoint.string("created_at"))
                .flatMap(WebhookTime.instant)
        else { return nil }
        // API versions from 2024 renamed country_iso3 to country_region.
        let country = checkpoint.string("country_region") ?? checkpoint.string("country_iso3")
        let location = WebhookShape.location(checkpoint.string("city"), checkpoint.string("state"), country)
        return CarrierScan(
            code: code,
            category: tag,
            text: checkpoint.string("message") ?? checkpoint.string("subtag_message") ?? code,
            occurredAt: occurredAt,
            location: location ?? checkpoint.string("location"))
    }

    /// The freshest promise first: AfterShip's latest estimate, then the carrier's own, then
    /// AfterShip's prediction, then the legacy single date.
    static func estimate(_ tracking: WebhookFields) -> DeliveryWindow? {
        if let latest = tracking.object("latest_estimated_delivery"),
           let window = WebhookShape.window(
               earliest: latest.string("datetime_min") ?? latest.string("datetime"),
               latest: latest.string("datetime_max") ?? latest.string("datetime")) {
            return window
        }
        for key in ["courier_estimated_delivery_date", "aftership_estimated_delivery_date"] {
            if let promise = tracking.object(key),
               let window = WebhookShape.window(
                   earliest: promise.string("estimated_delivery_date_min") ?? promise.string("estimated_delivery_date"),
                   latest: promise.string("estimated_delivery_date_max") ?? promise.string("estimated_delivery_date")) {
                return window
            }
        }
        let expected = tracking.string("expected_delivery")
        return WebhookShape.window(earliest: expected, latest: expected)
    }
}
