import Vapor

/// The dashboard's two cookies: the session, and the token that guards forms shown before sign-in.
/// Both are HttpOnly and SameSite; Secure whenever Porchlight is served over https.
enum DashboardCookies {
    static let session = "porchlight_session"
    static let formToken = "porchlight_form"

    static func sessionCookie(_ token: String, expires: Date, request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, expires: expires, maxAge: nil, path: "/", isSecure: isSecure(request),
                          isHTTPOnly: true, sameSite: .lax)
    }

    static func expired(request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
                          isSecure: isSecure(request), isHTTPOnly: true, sameSite: .lax)
    }

    /// Renders a page shown before sign-in with its form token (double-submit: the cookie and the hidden
    /// field must match). The browser's token is reused while it lasts, so several open forms stay valid.
    static func withFormToken(_ request: Request, render: (String) -> Response) -> Response {
        if let existing = request.cookies[formToken]?.string, existing.count >= 32 { return render(existing) }
        let token = SecureToken.base64URL(request.application.world.randomBytes(32))
        let response = render(token)
        response.cookies[formToken] = HTTPCookies.Value(string: token, maxAge: 86_400, path: "/admin",
                                                        isSecure: isSecure(request), isHTTPOnly: true, sameSite: .strict)
        return response
    }

    static func requireFormToken(_ request: Request) throws {
        try CSRFCheck.require(request, expected: request.cookies[formToken]?.string ?? "")
    }

    private static func isSecure(_ request: Request) -> Bool {
        request.application.services.config.publicURL.lowercased().hasPrefix("https://")
    }
}
