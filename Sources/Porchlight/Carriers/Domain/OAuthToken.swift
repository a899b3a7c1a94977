import Foundation

/// A client-credentials access token, as UPS, FedEx and USPS hand them out.
struct OAuthToken: Sendable, Equatable {
    var accessToken: String
    /// Seconds the token is valid for, counted from when it was issued.
    var expiresIn: TimeInterval

    /// Reads the standard `access_token` / `expires_in` pair. UPS and USPS send `expires_in` as a
    /// string ("14399"), FedEx as a number, so both are accepted.
    static func parse(_ data: Data) throws -> OAuthToken {
        let fields = try WebhookFields.decode(data)
        guard let accessToken = fields.string("access_token") else {
            let reason = [fields.string("error"), fields.string("error_description")].compactMap { $0 }
            throw CarrierParseError.malformed(
                reason.isEmpty ? "token response has no access_token" : "token refused: " + reason.joined(separator: ": "))
        }
        guard let expiresIn = seconds(fields.raw["expires_in"]), expiresIn.isFinite, expiresIn >= 0 else {
            throw CarrierParseError.malformed("token response has no usable expires_in")
        }
        return OAuthToken(accessToken: accessToken, expiresIn: expiresIn)
    }

    private static func seconds(_ value: Any?) -> TimeInterval? {
        switch value {
        case let text as String: TimeInterval(text.trimmingCharacters(in: .whitespaces))
        case let number as NSNumber: number.doubleValue
        default: nil
        }
    }
}
