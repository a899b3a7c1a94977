import Crypto
import Foundation

/// Proof that an inbound webhook came from its provider, checked on the raw body before it is
/// parsed. Every comparison runs over the whole value whatever it holds, so timing reveals nothing
/// about how close a forgery came. An empty secret never verifies: an HMAC keyed with nothing is
/// one anybody can compute.
enum WebhookSignature {
    /// Header names, lower-cased as the caller passes them.
    static let easyPostHeader = "x-hmac-signature"
    static let afterShipHeader = "aftership-hmac-sha256"
    static let shippoHeader = "shippo-auth-signature"
    /// Shippo's self-serve protection is a token in the webhook URL (`?token=`); the controller
    /// hands the query value over under this name.
    static let shippoTokenHeader = "x-porchlight-token"
    static let upsHeader = "credential"

    /// The request headers `verify` reads for a provider; the caller need pass no others. Shippo's URL
    /// token is the caller's to add, from the query.
    static func headerNames(_ provider: WebhookProvider) -> [String] {
        switch provider {
        case .easypost: [easyPostHeader]
        case .aftership: [afterShipHeader]
        case .shippo: [shippoHeader]
        case .ups: [upsHeader]
        }
    }

    static let easyPostPrefix = "hmac-sha256-hex="
    /// How far a signed Shippo timestamp may be from `now` before the delivery counts as a replay.
    static let shippoTolerance: TimeInterval = 300

    /// `headers` are keyed by lower-cased name. `now`, when given, also bounds the age of a signed
    /// Shippo timestamp; the other providers sign no time.
    static func verify(_ provider: WebhookProvider, body: Data, headers: [String: String], secret: String,
                       now: Date? = nil) -> Bool {
        guard !secret.isEmpty else { return false }
        switch provider {
        case .easypost:
            guard let header = header(easyPostHeader, in: headers), header.hasPrefix(easyPostPrefix),
                  let mac = Hex.decode(header.dropFirst(easyPostPrefix.count)) else { return false }
            // EasyPost's client libraries NFKD-normalise the secret before keying, so "sécret"
            // typed either way signs the same.
            let normalised = SymmetricKey(data: Data(secret.decomposedStringWithCompatibilityMapping.utf8))
            return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: body, using: normalised)
        case .aftership:
            return base64BodyHMACValid(header(afterShipHeader, in: headers), body: body, secret: secret)
        case .shippo:
            // Either proof will do: HMAC signing is provisioned by Shippo on request, the URL token is
            // what every account can set up itself.
            let signed = header(shippoHeader, in: headers).map { shippoSignatureValid($0, body: body, secret: secret, now: now) }
            let token = header(shippoTokenHeader, in: headers).map { constantTimeEqual($0, secret) }
            return (signed ?? false) || (token ?? false)
        case .ups:
            guard let credential = header(upsHeader, in: headers) else { return false }
            return constantTimeEqual(credential, secret)
        }
    }

    /// AfterShip, Shopify and WooCommerce: base64 of HMAC-SHA256 over the raw body, keyed with the
    /// secret exactly as the merchant copied it.
    static func base64BodyHMACValid(_ header: String?, body: Data, secret: String) -> Bool {
        guard !secret.isEmpty, let header = header?.trimmingCharacters(in: .whitespaces),
              let mac = Data(base64Encoded: header) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: body, using: key(secret))
    }

    /// `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>." + body>`, Stripe-style; several v1 entries
    /// may appear while Shippo rotates a secret.
    static func shippoSignatureValid(_ header: String, body: Data, secret: String, now: Date?) -> Bool {
        var timestamp: String?
        var macs: [[UInt8]] = []
        for field in header.split(separator: ",") {
            let pair = field.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { timestamp = String(pair[1]) }
            if pair[0] == "v1", let mac = Hex.decode(pair[1]) { macs.append(mac) }
        }
        guard let timestamp, let seconds = Int(timestamp), !macs.isEmpty else { return false }
        if let now, abs(now.timeIntervalSince1970 - Double(seconds)) > shippoTolerance { return false }
        let signed = Data((timestamp + ".").utf8) + body
        let signingKey = key(secret)
        return macs.reduce(false) { found, mac in
            HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: signed, using: signingKey) || found
        }
    }

    /// Equal-length digests compared by folding every byte, so neither length nor the first
    /// differing byte shows in the time taken.
    static func constantTimeEqual(_ given: String, _ expected: String) -> Bool {
        let left = SHA256.hash(data: Data(given.utf8)), right = SHA256.hash(data: Data(expected.utf8))
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func key(_ secret: String) -> SymmetricKey {
        SymmetricKey(data: Data(secret.utf8))
    }

    private static func header(_ name: String, in headers: [String: String]) -> String? {
        let value = headers[name] ?? headers.first { $0.key.lowercased() == name }?.value
        return value?.trimmingCharacters(in: .whitespaces)
    }
}
