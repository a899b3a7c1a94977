import Vapor

/// `/admin/sign-in` and `/admin/sign-out`.
enum SignInController {
    struct Form: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await page(req, email: "", next: req.query[String.self, at: "next"], error: nil)
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        try DashboardCookies.requireFormToken(req)
        let form = try req.content.decode(Form.self)
        let now = req.application.world.now()
        if let wait = req.application.services.signInLimit.attempt(req.clientKey, now: now) {
            throw RateLimitedError(retryAfterSeconds: wait)
        }
        switch try await req.accounts.signIn(email: form.email ?? "", password: form.password ?? "") {
        case .signedIn(let user):
            let started = try await req.sessionBook.start(for: user)
            let response = req.redirect(to: safeNext(form.next), redirectType: .normal)
            response.cookies[DashboardCookies.session] = DashboardCookies.sessionCookie(
                started.token, expires: started.expiresAt, request: req)
            return response
        case .rejected:
            // The form again with a message, as any form with a mistake comes back; not an HTTP error.
            return try await page(req, email: form.email ?? "", next: form.next,
                                  error: "That email and password don't match an account.")
        case .locked(let until):
            let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
            let response = try await page(req, email: form.email ?? "", next: form.next, error:
                "Too many failed attempts. Wait \(minutes) minute\(minutes == 1 ? "" : "s") and try again, or reset your password.",
                status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(Int(until.timeIntervalSince(now).rounded(.up))))
            return response
        }
    }

    @Sendable static func signOut(req: Request) async throws -> Response {
        if let token = req.cookies[DashboardCookies.session]?.string { try await req.sessionBook.end(token: token) }
        let response = req.redirect(to: "/admin/sign-in?notice=\(Notice.signedOut.rawValue)", redirectType: .normal)
        response.cookies[DashboardCookies.session] = DashboardCookies.expired(request: req)
        return response
    }

    /// Only paths inside the dashboard, so the sign-in form can't be used to send people elsewhere.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/admin"), !next.hasPrefix("//"), !next.contains("\\"),
              !next.hasPrefix("/admin/sign-") else { return "/admin" }
        return next
    }

    private static func page(_ req: Request, email: String, next: String?, error: String?,
                             status: HTTPResponseStatus = .ok) async throws -> Response {
        let canSignUp = try await SignUpController.isOpen(req)
        return DashboardPage.signedOut(req, "admin/sign-in", title: "Sign in", BrandContext.compact([
            "email": email, "next": next.map(safeNext), "error": error,
            "can_sign_up": canSignUp,
        ]), status: status)
    }
}

extension Request {
    /// Who is knocking, for per-client limits: one IPv6 /64 counts as one client.
    var clientKey: String { LoginThrottle.clientKey(forAddress: remoteAddress?.ipAddress ?? "unknown") }

    var accounts: AccountDirectory {
        AccountDirectory(database: db, world: application.world, hashing: application.passwordHashing)
    }
}

extension Application {
    var passwordHashing: PasswordHashing {
        PasswordHashing(cost: services.config.passwordHashCost, threadPool: threadPool)
    }
}
