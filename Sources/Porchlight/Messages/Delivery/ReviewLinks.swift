import Foundation
import Vapor

/// One-click rating links. Each is signed with the store's key, so a link only ever records the
/// rating it was written for, for the order and product it was written for.
struct ReviewLinks: Sendable {
    let signingKey: String
    let site: SiteURL

    func url(token: String, productKey: String, stars: Int) -> String {
        var components = URLComponents()
        components.queryItems = [
            URLQueryItem(name: "item", value: productKey), URLQueryItem(name: "stars", value: String(stars)),
            URLQueryItem(name: "sig", value: signature(token: token, productKey: productKey, stars: stars)),
        ]
        return site.absolute(.review(token: token)) + "?" + (components.percentEncodedQuery ?? "")
    }

    func signature(token: String, productKey: String, stars: Int) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("review|\(token)|\(productKey)|\(stars)".utf8),
                                                  using: SymmetricKey(data: Data(signingKey.utf8)))
        return SecureToken.base64URL(Array(mac).prefix(16).map { $0 })
    }

    func isValid(_ signature: String, token: String, productKey: String, stars: Int) -> Bool {
        SecureToken.constantTimeEquals(signature, self.signature(token: token, productKey: productKey, stars: stars))
    }

    /// How a line item is known to reviews: its SKU, or its title when it has none.
    static func productKey(sku: String?, title: String) -> String {
        if let sku, !sku.isEmpty { return "sku:\(sku)" }
        return "title:\(title)"
    }
}
