import Foundation

/// UPS Tracking API v1, authorised with an OAuth client-credentials token.
/// Scan `code` is the activity's 3-digit `status.statusCode`; `category` is its `status.type` letter.
enum UPSTrackAPI {
    static let defaultBaseURL = "https://onlinetools.ups.com"
    /// UPS asks every caller to name itself; support sees it next to the transaction id.
    static let transactionSource = "porchlight"

    static func tokenRequest(clientID: String, clientSecret: String) -> CarrierHTTPRequest {
        let credentials = Data("\(clientID):\(clientSecret)".utf8).base64EncodedString()
        return CarrierHTTPRequest(
            method: "POST", path: "/security/v1/oauth/token",
            headers: ["Authorization": "Basic \(credentials)", "Accept": "application/json",
                      "Content-Type": "application/x-www-form-urlencoded"],
            body: CarrierHTTPRequest.formBody([("grant_type", "client_credentials")]))
    }

    /// UPS wants a `transId` unique to each call (at most 32 characters) so its support can find it.
    /// Domain code has no randomness, so it defaults to the tracking number; pass a fresh id if you have one.
    static func trackRequest(trackingNumber: String, accessToken: String, transactionID: String? = nil) -> CarrierHTTPRequest {
        CarrierHTTPRequest(
            method: "GET", path: "/api/track/v1/details/" + CarrierHTTPRequest.pathSegment(trackingNumber),
            query: [URLQueryItem(name: "locale", value: "en_US")],
            headers: ["Authorization": "Bearer \(accessToken)", "Accept": "application/json",
                      "transId": String((transactionID ?? trackingNumber).prefix(32)),
                      "transactionSrc": transactionSource])
    }

    static func parse(_ data: Data, trackingNumber: String) throws -> CarrierReport {
        let body = try WebhookFields.decode(data)
        // 4xx bodies: {"response": {"errors": [{"code": "TW0001", "message": "..."}]}}
        if let errors = try body.object("response")?.objects("errors"), !errors.isEmpty {
            throw refusal(errors)
        }
        guard let shipment = try body.object("trackResponse")?.objects("shipment")?.first else {
            throw CarrierParseError.malformed("UPS answer has no trackResponse.shipment")
        }
        let packages = try shipment.objects("package") ?? []
        guard let package = packages.first(where: { $0.string("trackingNumber") == trackingNumber }) ?? packages.first else {
            // UPS answers an unknown number with 200 and a warning instead of a package.
            if let warnings = try shipment.objects("warnings"), !warnings.isEmpty { throw refusal(warnings) }
            throw CarrierParseError.malformed("UPS shipment has no package")
        }
        let scans = try (package.objects("activity") ?? []).compactMap(scan)
        return CarrierReport(
            carrier: "ups", trackingNumber: trackingNumber, scans: AdapterShape.oldestFirst(scans),
            estimatedDelivery: estimate(package), service: package.object("service")?.string("description"))
    }

    /// TW0001 "Tracking Information Not Found"; TV1002 "Invalid inquiry number".
    static let notFoundCodes: Set<String> = ["TW0001", "TV1002"]

    private static func refusal(_ messages: [WebhookFields]) -> CarrierParseError {
        let first = messages[0]
        let code = first.string("code") ?? "?"
        let message = first.string("message") ?? "no message"
        if notFoundCodes.contains(code) || AdapterShape.soundsLikeNotFound(message) {
            return .notFound("UPS \(code): \(message)")
        }
        return .malformed("UPS error \(code): \(message)")
    }

    /// An activity without a status or a readable time cannot be placed in the history, so it is dropped.
    private static func scan(_ activity: WebhookFields) -> CarrierScan? {
        guard let status = activity.object("status"), let occurredAt = occurredAt(activity) else { return nil }
        let category = status.string("type")
        guard let code = status.string("statusCode").map(threeDigits) ?? status.string("code") ?? category else { return nil }
        let address = activity.object("location")?.object("address")
        return CarrierScan(
            code: code, category: category,
            text: status.string("description") ?? status.string("simplifiedTextDescription") ?? code,
            occurredAt: occurredAt,
            location: AdapterShape.joined(
                [address?.string("city"), address?.string("stateProvince"),
                 address?.string("countryCode") ?? address?.string("country")], separator: ", "))
    }

    /// The GMT fields when present; otherwise local date and time at `gmtOffset` (UTC when that is missing too).
    static func occurredAt(_ activity: WebhookFields) -> Date? {
        if let day = activity.string("gmtDate"), let time = activity.string("gmtTime").flatMap(sixDigitTime),
           let instant = WebhookTime.compact(date: day, time: time) {
            return instant
        }
        guard let day = activity.string("date"), let time = activity.string("time").flatMap(sixDigitTime) else { return nil }
        let offset = activity.string("gmtOffset").flatMap(WebhookTime.offsetSeconds) ?? 0
        return WebhookTime.compact(date: day, time: time, offsetSeconds: offset)
    }

    /// UPS writes times as "071356", "07:13:56" (gmtTime in practice) or "74700" (leading zero dropped).
    static func sixDigitTime(_ text: String) -> String? {
        let digits = text.replacingOccurrences(of: ":", with: "")
        guard (1...6).contains(digits.utf8.count), digits.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return String(repeating: "0", count: 6 - digits.utf8.count) + digits
    }

    /// The tables are keyed "011"; pad in case a response drops the leading zeros.
    private static func threeDigits(_ code: String) -> String {
        guard code.utf8.count < 3, code.utf8.allSatisfy({ (48...57).contains($0) }) else { return code }
        return String(repeating: "0", count: 3 - code.utf8.count) + code
    }

    /// A rescheduled date (RDD) replaces the scheduled one (SDD); DEL is the actual delivery, not a promise.
    private static func estimate(_ package: WebhookFields) -> DeliveryWindow? {
        let dates = (try? package.objects("deliveryDate")) ?? []
        for type in ["RDD", "SDD"] {
            if let day = dates.first(where: { $0.string("type") == type })?.string("date").flatMap(WebhookTime.day) {
                return DeliveryWindow(earliest: day, latest: day)
            }
        }
        return nil
    }
}
