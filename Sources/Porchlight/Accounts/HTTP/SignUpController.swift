import Vapor

/// `/admin/sign-up`: a new store and its owner in one form, then straight into the setup wizard.
enum SignUpController {
    struct Form: Content {
        var store_name: String?
        var slug: String?
        var name: String?
        var email: String?
        var password: String?
    }

    /// Open to anyone with `PORCHLIGHT_SIGNUP=open`; by default only until the first account exists,
    /// so a fresh install can be claimed and nobody else can add stores to it afterwards.
    static func isOpen(_ req: Request) async throws -> Bool {
        switch req.application.services.config.signup {
        case .open: true
        case .closed: false
        case .firstAccount: try await !req.accounts.hasAnyAccount()
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        guard try await isOpen(req) else { return closed(req) }
        return page(req, form: Form(), error: nil)
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        try DashboardCookies.requireFormToken(req)
        guard try await isOpen(req) else { return closed(req) }
        let form = try req.content.decode(Form.self)
        let storeName = (form.store_name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let slug = (form.slug ?? "").isEmpty ? StoreRules.suggestSlug(from: storeName) : (form.slug ?? "").lowercased()
        let signUp = AccountDirectory.SignUp(storeName: storeName, slug: slug, name: form.name ?? "",
                                             email: form.email ?? "", password: form.password ?? "")
        do {
            let created = try await req.accounts.signUp(signUp, stores: req.storeDirectory)
            let started = try await req.sessionBook.start(for: created.user)
            let response = req.redirect(to: "/admin/setup", redirectType: .normal)
            response.cookies[DashboardCookies.session] = DashboardCookies.sessionCookie(
                started.token, expires: started.expiresAt, request: req)
            return response
        } catch let error as AccountError {
            return page(req, form: form, error: error.message, status: .unprocessableEntity)
        }
    }

    private static func page(_ req: Request, form: Form, error: String?, status: HTTPResponseStatus = .ok) -> Response {
        DashboardPage.signedOut(req, "admin/sign-up", title: "Create your store", BrandContext.compact([
            "store_name": form.store_name, "slug": form.slug, "name": form.name, "email": form.email, "error": error,
        ]), status: status)
    }

    private static func closed(_ req: Request) -> Response {
        DashboardPage.signedOut(req, "admin/message", title: "Sign-up is closed", [
            "message": "This Porchlight already has its account. Ask its owner to invite you from Settings → People.",
        ], status: .forbidden)
    }
}
