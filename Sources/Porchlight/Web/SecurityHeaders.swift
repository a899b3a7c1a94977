import Vapor

/// Sends the headers every page needs. The nonce lets the one inline `<style>` (brand colours) run under a strict CSP.
struct SecurityHeaders: AsyncMiddleware {
    let world: World

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let nonce = SecureToken.base64URL(world.randomBytes(16))
        request.storage[CSPNonceKey.self] = nonce
        let response = try await next.respond(to: request)
        let headers = [
            ("Content-Security-Policy", Self.policy(nonce: nonce)),
            ("X-Content-Type-Options", "nosniff"),
            // Tracking URLs carry private tokens: never leak them to logo or product hosts.
            ("Referrer-Policy", "no-referrer"),
            ("X-Frame-Options", "DENY"),
        ]
        for (name, value) in headers where !response.headers.contains(name: name) {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        return response
    }

    static func policy(nonce: String) -> String {
        [
            "default-src 'none'",
            "img-src 'self' https: data:",
            "style-src 'self' 'nonce-\(nonce)'",
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
    var cspNonce: String { storage[CSPNonceKey.self] ?? "" }
}
