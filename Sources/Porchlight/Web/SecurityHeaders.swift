import Vapor

/// Sends the headers every page needs. A page's one inline `<style>` (brand colours) runs under a strict
/// CSP by carrying a nonce; the nonce is made only when a page asks for one, since most responses (JSON,
/// webhooks, files) have no inline style and the random bytes were a measurable share of a webhook burst.
struct SecurityHeaders: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let policy = request.storage[CSPNonceKey.self].map { Self.policy(nonce: $0) } ?? Self.policyWithoutNonce
        if !response.headers.contains(name: "Content-Security-Policy") {
            response.headers.add(name: "Content-Security-Policy", value: policy)
        }
        for (name, value) in Self.fixedHeaders where !response.headers.contains(name: name) {
            response.headers.add(name: name, value: value)
        }
        return response
    }

    private static let fixedHeaders = [
        ("X-Content-Type-Options", "nosniff"),
        // Tracking URLs carry private tokens: never leak them to logo or product hosts.
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "DENY"),
    ]

    static let policyWithoutNonce = policy(styleSource: "style-src 'self'")

    static func policy(nonce: String) -> String {
        policy(styleSource: "style-src 'self' 'nonce-\(nonce)'")
    }

    private static func policy(styleSource: String) -> String {
        [
            "default-src 'none'",
            "img-src 'self' https: data:",
            styleSource,
            "script-src 'self'",
            "connect-src 'self'",
            "font-src 'self'",
            // The setup wizard frames its own tracking-page preview; nothing else is ever framed.
            "frame-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ].joined(separator: "; ")
    }
}

private struct CSPNonceKey: StorageKey { typealias Value = String }

extension Request {
    /// This response's CSP nonce, made on first use; `SecurityHeaders` puts it in the policy.
    var cspNonce: String {
        if let nonce = storage[CSPNonceKey.self] { return nonce }
        let nonce = SecureToken.base64URL(application.world.randomBytes(16))
        storage[CSPNonceKey.self] = nonce
        return nonce
    }
}
