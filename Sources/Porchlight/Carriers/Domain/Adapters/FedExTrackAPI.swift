import Foundation

/// FedEx Track API v1, authorised with an OAuth client-credentials token.
/// Scan `code` is the scan event's `eventType` (two letters, e.g. "OD"); `category` is its
/// `derivedStatusCode`, FedEx's own coarser reading of the same event (e.g. "IT" for an "HP" scan).
enum FedExTrackAPI {
    static let defaultBaseURL = "https://apis.fedex.com"

    static func tokenRequest(clientID: String, clientSecret: String) -> CarrierHTTPRequest {
        CarrierHTTPRequest(
            method: "POST", path: "/oauth/token",
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"],
            body: CarrierHTTPRequest.formBody([
                ("grant_type", "client_credentials"), ("client_id", clientID), ("client_secret", clientSecret),
            ]))
    }

    static func trackRequest(trackingNumber: String, accessToken: String) -> CarrierHTTPRequest {
        CarrierHTTPRequest(
            method: "POST", path: "/track/v1/trackingnumbers",
            headers: ["Authorization": "Bearer \(accessToken)", "Content-Type": "application/json",
                      "Accept": "application/json", "X-locale": "en_US"],
            body: CarrierHTTPRequest.jsonBody(TrackBody(trackingNumber: trackingNumber)))
    }

    /// Without `includeDetailedScans` FedEx returns only the latest status, not the history.
    private struct TrackBody: Encodable {
        struct Info: Encodable { var trackingNumberInfo: [String: String] }
        var includeDetailedScans = true
        var trackingInfo: [Info]

        init(trackingNumber: String) {
            trackingInfo = [Info(trackingNumberInfo: ["trackingNumber": trackingNumber])]
        }
    }

    static func parse(_ data: Data, trackingNumber: String) throws -> CarrierReport {
        let body = try WebhookFields.decode(data)
        // 4xx bodies: {"transactionId": "...", "errors": [{"code": "TRACKING.TRACKINGNUMBER.NOTFOUND", ...}]}
        if let errors = try body.objects("errors"), !errors.isEmpty { throw refusal(errors[0]) }
        guard let results = try body.object("output")?.objects("completeTrackResults"),
              let complete = results.first(where: { $0.string("trackingNumber") == trackingNumber }) ?? results.first
        else { throw CarrierParseError.malformed("FedEx answer has no output.completeTrackResults") }
        let trackResults = try complete.objects("trackResults") ?? []
        let answered = trackResults.filter { $0.object("error") == nil }
        guard !answered.isEmpty else {
            if let error = trackResults.lazy.compactMap({ $0.object("error") }).first { throw refusal(error) }
            throw CarrierParseError.malformed("FedEx answer has no trackResults")
        }
        // FedEx reuses numbers: each shipment that carried this one gets a result; the parcel being
        // tracked now is the one with the newest scan.
        let candidates = try answered.map { result in (result, try (result.objects("scanEvents") ?? []).compactMap(scan)) }
        let (result, scans) = candidates.max { latest($0.1) < latest($1.1) } ?? candidates[0]
        return CarrierReport(
            carrier: "fedex", trackingNumber: trackingNumber, scans: AdapterShape.oldestFirst(scans),
            estimatedDelivery: estimate(result), service: result.object("serviceDetail")?.string("description"))
    }

    static let notFoundCodes: Set<String> = ["TRACKING.TRACKINGNUMBER.NOTFOUND", "TRACKING.TRACKINGNUMBER.INVALID"]

    private static func refusal(_ error: WebhookFields) -> CarrierParseError {
        let code = error.string("code") ?? "?"
        let message = error.string("message") ?? "no message"
        if notFoundCodes.contains(code) || AdapterShape.soundsLikeNotFound(message) {
            return .notFound("FedEx \(code): \(message)")
        }
        return .malformed("FedEx error \(code): \(message)")
    }

    private static func latest(_ scans: [CarrierScan]) -> Date {
        scans.map(\.occurredAt).max() ?? .distantPast
    }

    /// An event without a code or a readable time cannot be placed in the history, so it is dropped.
    private static func scan(_ event: WebhookFields) -> CarrierScan? {
        let category = event.string("derivedStatusCode")
        guard let code = event.string("eventType") ?? category,
              let occurredAt = event.string("date").flatMap(WebhookTime.instant) else { return nil }
        let place = event.object("scanLocation")
        // The exception text carries the reason ("Customer not available or business closed").
        let description = event.string("eventDescription")
        let exception = event.string("exceptionDescription").flatMap { $0 == description ? nil : $0 }
        return CarrierScan(
            code: code, category: category,
            text: AdapterShape.joined([description, exception], separator: ": ") ?? event.string("derivedStatus") ?? code,
            occurredAt: occurredAt,
            location: AdapterShape.joined(
                [place?.string("city"), place?.string("stateOrProvinceCode"), place?.string("countryCode")], separator: ", "))
    }

    /// The estimated window when FedEx gives one, else its estimated or committed delivery date.
    private static func estimate(_ result: WebhookFields) -> DeliveryWindow? {
        let window = result.object("estimatedDeliveryTimeWindow")?.object("window")
        if let estimate = WebhookShape.window(earliest: window?.string("begins"), latest: window?.string("ends")) {
            return estimate
        }
        let dates = (try? result.objects("dateAndTimes")) ?? []
        for type in ["ESTIMATED_DELIVERY", "COMMITMENT"] {
            if let day = dates.first(where: { $0.string("type") == type })?.string("dateTime").flatMap(WebhookTime.day) {
                return DeliveryWindow(earliest: day, latest: day)
            }
        }
        return nil
    }
}
