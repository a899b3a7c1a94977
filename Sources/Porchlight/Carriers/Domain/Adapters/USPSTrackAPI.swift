import Foundation

/// USPS Tracking API v3 (`expand=DETAIL`), authorised with an OAuth client-credentials token.
/// Scan `code` is the event's `eventCode` (Pub 199 scan event codes, e.g. "01", "OF"). USPS gives a
/// coarse `statusCategory` only for the current status, so it becomes the `category` of the events
/// whose `eventType` matches the top-level `status`; older events have none.
enum USPSTrackAPI {
    static let defaultBaseURL = "https://apis.usps.com"

    static func tokenRequest(clientID: String, clientSecret: String) -> CarrierHTTPRequest {
        CarrierHTTPRequest(
            method: "POST", path: "/oauth2/v3/token",
            headers: ["Content-Type": "application/json", "Accept": "application/json"],
            body: CarrierHTTPRequest.jsonBody([
                "grant_type": "client_credentials", "client_id": clientID, "client_secret": clientSecret,
            ]))
    }

    static func trackRequest(trackingNumber: String, accessToken: String) -> CarrierHTTPRequest {
        CarrierHTTPRequest(
            method: "GET", path: "/tracking/v3/tracking/" + CarrierHTTPRequest.pathSegment(trackingNumber),
            query: [URLQueryItem(name: "expand", value: "DETAIL")],
            headers: ["Authorization": "Bearer \(accessToken)", "Accept": "application/json"])
    }

    static func parse(_ data: Data, trackingNumber: String) throws -> CarrierReport {
        let body = try WebhookFields.decode(data)
        if let error = body.object("error") { throw refusal(error) }
        if let error = body.string("error") {
            throw CarrierParseError.malformed("USPS error \(error): \(body.string("error_description") ?? "no description")")
        }
        guard let events = try body.objects("trackingEvents") else {
            throw CarrierParseError.malformed("USPS answer has no trackingEvents")
        }
        let current = body.string("status")
        let category = body.string("statusCategory")
        let scans = events.compactMap { event -> CarrierScan? in
            let isCurrent = current.map { event.string("eventType")?.caseInsensitiveCompare($0) == .orderedSame } ?? false
            return scan(event, category: isCurrent ? category : nil)
        }
        return CarrierReport(
            carrier: "usps", trackingNumber: trackingNumber, scans: AdapterShape.oldestFirst(scans),
            estimatedDelivery: estimate(body), service: body.string("mailClass").flatMap(plainText))
    }

    /// 4xx bodies: {"apiVersion": "...", "error": {"code": "404", "message": "...", "errors": [{"detail": "..."}]}}
    private static func refusal(_ error: WebhookFields) -> CarrierParseError {
        let code = error.string("code") ?? (error.raw["code"] as? NSNumber)?.stringValue ?? "?"
        let details = ((try? error.objects("errors")) ?? []).flatMap { [$0.string("title"), $0.string("detail")] }
        let message = AdapterShape.joined([error.string("message")] + details, separator: " ") ?? "no message"
        if code == "404" || AdapterShape.soundsLikeNotFound(message) { return .notFound("USPS \(code): \(message)") }
        return .malformed("USPS error \(code): \(message)")
    }

    /// An event without a readable time cannot be placed in the history, so it is dropped.
    private static func scan(_ event: WebhookFields, category: String?) -> CarrierScan? {
        let text = event.string("eventType")
        guard let code = event.string("eventCode") ?? text, let occurredAt = occurredAt(event) else { return nil }
        return CarrierScan(
            code: code, category: category, text: text ?? code, occurredAt: occurredAt,
            location: AdapterShape.joined(
                [event.string("eventCity"), event.string("eventState"), event.string("eventCountry")], separator: ", "))
    }

    /// `GMTTimestamp` is exact; otherwise the local `eventTimestamp` at `GMTOffset` ("-05:00", or "-7:00"
    /// as the spec's example writes it), and UTC when USPS gives no offset at all.
    static func occurredAt(_ event: WebhookFields) -> Date? {
        if let instant = event.string("GMTTimestamp").flatMap(WebhookTime.instant) { return instant }
        guard let local = event.string("eventTimestamp") else { return nil }
        if let offset = event.string("GMTOffset").flatMap(normalizedOffset),
           let instant = WebhookTime.instant(local + offset) {
            return instant
        }
        return WebhookTime.instant(local)
    }

    /// "-7:00" becomes "-07:00"; offsets WebhookTime already reads pass through unchanged.
    private static func normalizedOffset(_ offset: String) -> String? {
        if WebhookTime.offsetSeconds(offset) != nil { return offset }
        guard offset.utf8.count == 5, offset.first == "+" || offset.first == "-" else { return nil }
        let padded = String(offset.prefix(1)) + "0" + String(offset.dropFirst())
        return WebhookTime.offsetSeconds(padded) != nil ? padded : nil
    }

    /// The expected date, else the predicted one; both are days at the destination.
    private static func estimate(_ body: WebhookFields) -> DeliveryWindow? {
        let day = ["expectedDeliveryTimeStamp", "expectedDeliveryDate", "predictedDeliveryDate", "predictedDeliveryTimeStamp"]
            .lazy.compactMap { body.string($0).flatMap(WebhookTime.day) }.first
        return day.map { DeliveryWindow(earliest: $0, latest: $0) }
    }

    /// Mail classes arrive as HTML ("USPS Ground Advantage<SUP>&#153;</SUP>"); keep only the words.
    static func plainText(_ html: String) -> String? {
        let stripped = html
            .replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&#?[A-Za-z0-9]+;", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
        return AdapterShape.joined([stripped], separator: "")
    }
}
