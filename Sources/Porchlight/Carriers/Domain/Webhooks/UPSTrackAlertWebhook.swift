import Foundation

/// UPS Track Alert pushes: one activity per request, no history and no event id.
/// `code` is activityStatus.descriptionCode ("021", "011"), which is the 3-digit status code UPS's
/// Track API calls statusCode, so both share the UPS status table; `category` is activityStatus.type
/// ("I", "D", "X", "M", "MV", "U").
enum UPSTrackAlertWebhook {
    static func parse(_ data: Data) throws -> WebhookDelivery {
        let body = try WebhookFields.decode(data)
        guard let trackingNumber = body.string("trackingNumber") else {
            throw CarrierParseError.malformed("Track Alert without a trackingNumber")
        }
        guard let status = body.object("activityStatus") else {
            throw CarrierParseError.malformed("Track Alert without an activityStatus")
        }
        let type = status.string("type")
        // Without a descriptionCode the two-letter code ("OT") still beats nothing: the table won't
        // know it, so it is counted, and the type letter maps it.
        guard let code = descriptionCode(status) ?? status.string("code") ?? type else {
            throw CarrierParseError.malformed("Track Alert activityStatus without a code or type")
        }
        guard let occurredAt = occurredAt(body) else {
            throw CarrierParseError.malformed("Track Alert without a readable activity date and time")
        }
        let location = body.object("activityLocation")
        let scan = CarrierScan(
            code: code,
            category: type,
            text: status.string("description") ?? code,
            occurredAt: occurredAt,
            location: WebhookShape.location(location?.string("city"), location?.string("stateProvince"),
                                            location?.string("country")))
        let scheduled = body.string("scheduledDeliveryDate")
        let report = CarrierReport(
            carrier: "ups",
            trackingNumber: trackingNumber,
            scans: [scan],
            estimatedDelivery: WebhookShape.window(earliest: scheduled, latest: scheduled))
        return WebhookDelivery(eventID: nil, reports: [report])
    }

    /// Sent as "021" in the current spec and as the number 21 in older examples; the table is keyed "021".
    static func descriptionCode(_ status: WebhookFields) -> String? {
        guard let text = status.string("descriptionCode") ?? status.int("descriptionCode").map(String.init) else { return nil }
        guard text.utf8.count < 3, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return text }
        return String(repeating: "0", count: 3 - text.utf8.count) + text
    }

    /// The GMT pair is exact; failing that the local pair with a gmtOffset ("-04:00") if one was
    /// sent; failing that the local pair read as UTC, which is off by hours but keeps the event.
    static func occurredAt(_ body: WebhookFields) -> Date? {
        if let date = body.string("gmtActivityDate"), let time = body.string("gmtActivityTime"),
           let instant = WebhookTime.compact(date: date, time: time) {
            return instant
        }
        guard let date = body.string("localActivityDate"), let time = body.string("localActivityTime") else { return nil }
        let offset = body.string("gmtOffset").flatMap(WebhookTime.offsetSeconds) ?? 0
        return WebhookTime.compact(date: date, time: time, offsetSeconds: offset)
    }
}
