import Vapor
import Foundation

/// Secrets handed to people: private tracking links and API keys.
enum SecureToken {
    /// 24 random bytes = 192 bits, comfortably above the 128-bit floor for unguessable links.
    static let trackingTokenBytes = 24
    static let apiKeyBytes = 32
    static let apiKeyPrefix = "pl_live_"

    static func trackingToken(world: World) -> String {
        base64URL(world.randomBytes(trackingTokenBytes))
    }

    static func apiKey(world: World) -> String {
        apiKeyPrefix + base64URL(world.randomBytes(apiKeyBytes))
    }

    /// API keys carry 256 random bits, so a fast hash is enough: there is nothing to brute-force.
    static func hash(_ secret: String) -> String {
        Hex.encode(SHA256.hash(data: Data(secret.utf8)))
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Compares without an early exit, so timing says nothing about where two secrets differ.
    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= x ^ y
        }
        return difference == 0
    }
}

extension SecureToken {
    /// Rejects obviously wrong tokens before touching the database.
    static func looksLikeTrackingToken(_ token: String) -> Bool {
        token.count == 32 && token.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)
                || byte == 0x2d || byte == 0x5f
        }
    }
}
