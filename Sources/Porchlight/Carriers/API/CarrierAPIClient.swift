import Foundation
import Vapor

/// Calls the carriers' own tracking APIs with a store's credentials and turns the answers into reports.
/// Base URLs come from `UPS_BASE_URL`, `FEDEX_BASE_URL`, `USPS_BASE_URL` and `DHL_BASE_URL`, so tests
/// (and sandboxes) can point them elsewhere.
struct CarrierAPIClient: Sendable {
    let client: Client
    let baseURLs: [String: String]
    let tokens: OAuthTokenCache
    let world: World

    static var oauthCarriers: [String: any OAuthTrackingAPI.Type] {
        ["ups": UPSTrackAPI.self, "fedex": FedExTrackAPI.self, "usps": USPSTrackAPI.self]
    }
    static let supportedCarriers: Set<String> = ["ups", "fedex", "usps", "dhl"]

    func track(carrier: String, trackingNumber: String, settings: IntegrationSettings) async throws -> CarrierReport {
        if carrier == "dhl" {
            guard let apiKey = settings[.apiKey] else { throw CarrierCallError.notConfigured("DHL needs an api_key.") }
            let body = try await send(DHLTrackAPI.trackRequest(trackingNumber: trackingNumber, apiKey: apiKey), carrier)
            return try parse { try DHLTrackAPI.parse(body, trackingNumber: trackingNumber) }
        }
        guard let api = Self.oauthCarriers[carrier] else {
            throw CarrierCallError.notConfigured("Porchlight has no API adapter for '\(carrier)'; use a webhook.")
        }
        guard let clientID = settings[.clientID], let secret = settings[.clientSecret] else {
            throw CarrierCallError.notConfigured("\(carrier.uppercased()) needs a client_id and client_secret.")
        }
        let body = try await withToken(carrier, api, clientID: clientID, secret: secret) { token in
            try await send(api.trackRequest(trackingNumber: trackingNumber, accessToken: token), carrier)
        }
        return try parse { try api.parse(body, trackingNumber: trackingNumber) }
    }

    /// Uses the cached token; if the carrier says it is no longer valid, fetches a new one and tries once more.
    private func withToken(_ carrier: String, _ api: any OAuthTrackingAPI.Type, clientID: String, secret: String,
                           _ call: (String) async throws -> Data) async throws -> Data {
        let key = "\(carrier)|\(baseURL(carrier))|\(clientID)"
        for attempt in 0..<2 {
            let token: String
            if let cached = await tokens.token(for: key, now: world.now()) {
                token = cached
            } else {
                let body = try await send(api.tokenRequest(clientID: clientID, clientSecret: secret), carrier)
                let fresh = try parse { try OAuthToken.parse(body) }
                await tokens.store(fresh, for: key, now: world.now())
                token = fresh.accessToken
            }
            do {
                return try await call(token)
            } catch CarrierCallError.unauthorized where attempt == 0 {
                await tokens.forget(key)
            }
        }
        throw CarrierCallError.unauthorized
    }

    private func parse<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as CarrierParseError {
            switch error {
            case .notFound(let why): throw CarrierCallError.notFound(why)
            case .malformed(let why): throw CarrierCallError.rejected("unreadable answer: \(why)")
            }
        }
    }

    func baseURL(_ carrier: String) -> String {
        baseURLs[carrier] ?? Self.oauthCarriers[carrier]?.defaultBaseURL ?? DHLTrackAPI.defaultBaseURL
    }
}
