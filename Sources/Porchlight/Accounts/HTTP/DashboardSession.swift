import Vapor

/// The signed-in person and their store, for one dashboard request.
struct DashboardSession: Sendable {
    var user: DashboardUser
    var csrfToken: String
    var storeID: UUID { user.storeID }

    /// Staff may not manage keys, users or integrations; they get the same 403 page a forged request gets.
    func requireOwner() throws {
        guard user.role.managesAccess else {
            throw Abort(.forbidden, reason: "Only the store's owners can change this.")
        }
    }
}

/// Admits requests carrying a live session cookie, and checks the CSRF token on every form they submit.
/// Without a session, pages redirect to sign-in and come back afterwards.
struct DashboardAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard let token = request.cookies[DashboardCookies.session]?.string,
              let found = try await request.sessionBook.find(token: token) else {
            if request.method == .GET {
                let back = request.url.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                return request.redirect(to: "/admin/sign-in?next=\(back)")
            }
            return request.redirect(to: "/admin/sign-in", redirectType: .normal)
        }
        let session = DashboardSession(user: found.user, csrfToken: found.csrfToken)
        if request.method != .GET && request.method != .HEAD {
            // Middleware runs before the route collects the body; a body that arrives in several reads
            // (a browser's multipart upload, often) must be gathered here or the token would look missing.
            let limit = request.url.path.hasPrefix("/admin/import") ? ImportController.maxUpload
                : request.application.routes.defaultMaxBodySize
            _ = try await request.body.collect(max: limit.value).get()
            try CSRFCheck.require(request, expected: session.csrfToken)
        }
        request.storage[DashboardSessionKey.self] = session
        return try await next.respond(to: request)
    }
}

enum CSRFCheck {
    static let field = "csrf_token"

    /// Compares the form's token with the expected one in constant time; a missing or wrong token is a 403.
    static func require(_ request: Request, expected: String) throws {
        let sent = (try? request.content.get(String.self, at: field))
            ?? request.headers.first(name: "X-CSRF-Token") ?? ""
        guard !expected.isEmpty, SecureToken.constantTimeEquals(sent, expected) else {
            throw Abort(.forbidden, reason: "This form has expired. Go back, reload the page and try again.")
        }
    }
}

private struct DashboardSessionKey: StorageKey { typealias Value = DashboardSession }

extension Request {
    var dashboard: DashboardSession {
        get throws {
            guard let session = storage[DashboardSessionKey.self] else { throw Abort(.unauthorized) }
            return session
        }
    }

    var sessionBook: SessionBook { SessionBook(database: db, world: application.world) }
}
