import Foundation

/// UPS, FedEx and USPS share one call pattern: an OAuth 2 client-credentials token, then a tracking
/// request carrying it. DHL takes an API key instead and stands apart.
protocol OAuthTrackingAPI {
    static var defaultBaseURL: String { get }
    static func tokenRequest(clientID: String, clientSecret: String) -> CarrierHTTPRequest
    static func trackRequest(trackingNumber: String, accessToken: String) -> CarrierHTTPRequest
    static func parse(_ data: Data, trackingNumber: String) throws -> CarrierReport
}

extension FedExTrackAPI: OAuthTrackingAPI {}
extension USPSTrackAPI: OAuthTrackingAPI {}

extension UPSTrackAPI: OAuthTrackingAPI {
    static func trackRequest(trackingNumber: String, accessToken: String) -> CarrierHTTPRequest {
        trackRequest(trackingNumber: trackingNumber, accessToken: accessToken, transactionID: nil)
    }
}
