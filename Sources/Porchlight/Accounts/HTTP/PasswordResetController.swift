import Vapor

/// "Forgot your password?": an emailed single-use link, then a form to choose a new password.
enum PasswordResetController {
    struct RequestForm: Content { var email: String? }
    struct ChooseForm: Content { var password: String? }

    @Sendable static func requestPage(req: Request) async throws -> Response {
        DashboardPage.signedOut(req, "admin/forgot-password", title: "Reset your password", [:])
    }

    /// Answers the same whether or not the address has an account, so the form can't be used to find accounts.
    @Sendable static func request(req: Request) async throws -> Response {
        try DashboardCookies.requireFormToken(req)
        let now = req.application.world.now()
        if let wait = req.application.services.signInLimit.attempt("reset:" + req.clientKey, now: now) {
            throw RateLimitedError(retryAfterSeconds: wait)
        }
        let email = EmailAddress.normalized(try req.content.decode(RequestForm.self).email ?? "")
        if let user = try await req.accounts.user(email: email) {
            let token = try await resets(req).issue(for: user)
            let link = req.application.siteURL.base + "/admin/reset-password/\(token)"
            let mail = try AccountMail(from: req.application.services.config.mailFrom, world: req.application.world)
                .passwordReset(to: user, link: link)
            try await req.application.services.mailRoute.deliver(
                mail, storeID: user.storeID, messageID: nil, on: req.db, world: req.application.world) { _ in }
        }
        return req.redirect(to: "/admin/sign-in?notice=\(Notice.resetSent.rawValue)", redirectType: .normal)
    }

    @Sendable static func choosePage(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        guard let user = try await resets(req).holder(of: token) else { return expired(req) }
        return DashboardPage.signedOut(req, "admin/reset-password", title: "Choose a password",
                                       ["email": user.email, "action": "/admin/reset-password/\(token)"])
    }

    @Sendable static func choose(req: Request) async throws -> Response {
        try DashboardCookies.requireFormToken(req)
        let token = req.parameters.get("token") ?? ""
        let password = try req.content.decode(ChooseForm.self).password ?? ""
        do {
            let user = try await resets(req).complete(token: token, password: password, hashing: req.application.passwordHashing)
            let started = try await req.sessionBook.start(for: user)
            let response = req.redirect(to: "/admin?notice=\(Notice.passwordChanged.rawValue)", redirectType: .normal)
            response.cookies[DashboardCookies.session] = DashboardCookies.sessionCookie(
                started.token, expires: started.expiresAt, request: req)
            return response
        } catch let error as AccountError {
            guard let user = try await resets(req).holder(of: token) else { return expired(req) }
            return DashboardPage.signedOut(req, "admin/reset-password", title: "Choose a password",
                                           ["email": user.email, "action": "/admin/reset-password/\(token)",
                                            "error": error.message], status: .unprocessableEntity)
        }
    }

    private static func resets(_ req: Request) -> PasswordResets {
        PasswordResets(database: req.db, world: req.application.world)
    }

    private static func expired(_ req: Request) -> Response {
        DashboardPage.signedOut(req, "admin/message", title: "This link has expired", [
            "message": "Password links work once and for a limited time. Ask for a new one from the sign-in page.",
            "link": "/admin/forgot-password", "link_text": "Send a new link",
        ], status: .notFound)
    }
}
