import Foundation

/// EasyPost webhook Events. Only tracker events carry tracking; every other event type
/// (batch.created, refund.successful, …) is acknowledged and ignored.
enum EasyPostWebhook {
    static let trackerEvents: Set<String> = ["tracker.created", "tracker.updated"]

    /// Details that say nothing beyond the status, so the status is the more useful code.
    static let uninformativeDetails: Set<String> = [
        "unknown", "status_update", "in_transit", "out_for_delivery", "failure", "cancelled",
    ]
    /// Statuses so vague that any known detail says more.
    static let vagueStatuses: Set<String> = ["unknown", "error"]

    static func parse(_ data: Data) throws -> WebhookDelivery {
        let event = try WebhookFields.decode(data)
        guard let description = event.string("description") else {
            throw CarrierParseError.malformed("EasyPost event without a description")
        }
        if let object = event.string("object"), object != "Event" {
            throw CarrierParseError.malformed("EasyPost body is a \(object), not an Event")
        }
        let eventID = event.string("id")
        guard trackerEvents.contains(description) else { return .ignored(eventID: eventID) }

        guard let tracker = event.object("result") else {
            throw CarrierParseError.malformed("\(description) without a result")
        }
        guard let trackingCode = tracker.string("tracking_code") else {
            throw CarrierParseError.malformed("\(description) result without a tracking_code")
        }
        let details = try tracker.objects("tracking_details") ?? []
        let carrierDetail = tracker.object("carrier_detail")
        let estimate = carrierDetail?.string("est_delivery_date_local") ?? tracker.string("est_delivery_date")
        let report = CarrierReport(
            carrier: WebhookShape.carrierCode(tracker.string("carrier")),
            trackingNumber: trackingCode,
            scans: details.compactMap(scan),
            estimatedDelivery: WebhookShape.window(earliest: estimate, latest: estimate),
            service: carrierDetail?.string("service"))
        return WebhookDelivery(eventID: eventID, reports: [report])
    }

    /// One TrackingDetail; a detail with no status or no readable time can't be placed on the
    /// timeline, so it is skipped rather than failing the whole delivery.
    static func scan(_ detail: WebhookFields) -> CarrierScan? {
        guard let status = detail.string("status"),
              let occurredAt = detail.string("datetime").flatMap(WebhookTime.instant) else { return nil }
        let code = Self.code(status: status, detail: detail.string("status_detail"))
        let location = detail.object("tracking_location")
        return CarrierScan(
            code: code,
            category: status,
            text: detail.string("message") ?? detail.string("description") ?? code,
            occurredAt: occurredAt,
            location: WebhookShape.location(location?.string("city"), location?.string("state"),
                                            location?.string("country")))
    }

    /// EasyPost reuses a detail under several statuses ("arrived_at_destination" is both a
    /// delivered parcel and one reaching the destination hub), and its status is the authority on
    /// where the parcel is. So the detail is the code only when it refines the status: the table
    /// files both under the same main status, the status is vague, or the detail is new to us
    /// (then it is counted as unknown and mapped by the status anyway).
    static func code(status: String, detail: String?) -> String {
        guard let detail, !uninformativeDetails.contains(detail) else { return status }
        guard !vagueStatuses.contains(status),
              let refines = EasyPostStatusTable.codes[detail]?.status,
              let main = EasyPostStatusTable.categories[status]?.status else { return detail }
        return refines == main ? detail : status
    }
}
