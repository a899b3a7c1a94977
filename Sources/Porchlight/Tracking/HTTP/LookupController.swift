import Fluent
import SQLKit
import Vapor

/// Order number + email → the private link. A wrong email and an unknown order get the same answer,
/// produced by the same work, so the form cannot be used to learn which orders exist.
enum LookupController {
    struct Form: Content {
        var order_number: String?
        var email: String?
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let store = try await requireStore(req)
        return render(req, store: store, form: Form(), notFound: false)
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        let store = try await requireStore(req)
        try checkRateLimits(req, store: store)
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let lookupNumber = NewOrder.lookupKey(form.order_number ?? "")
        let email = EmailAddress.normalized(form.email ?? "")
        if let token = try await matchingToken(req, storeID: store.requireID(), lookupNumber: lookupNumber, email: email) {
            return req.redirect(to: SitePath.tracking(token: token).path, redirectType: .normal)
        }
        return render(req, store: store, form: form, notFound: true)
    }

    /// Reads two columns, never a whole model, and compares against a stand-in when no order matches,
    /// so an unknown order and a wrong email cost the same work.
    private static func matchingToken(_ req: Request, storeID: UUID, lookupNumber: String,
                                      email: String) async throws -> String? {
        let rows = lookupNumber.isEmpty ? [] : try await req.db.sql.raw("""
            SELECT email_normalized, tracking_token FROM orders
            WHERE store_id = \(bind: storeID) AND lookup_number = \(bind: lookupNumber) LIMIT 5
            """).all()
        var candidates = try rows.map {
            (try $0.decode(column: "email_normalized", as: String.self), try $0.decode(column: "tracking_token", as: String.self))
        }
        if candidates.isEmpty { candidates = [("\u{0}", "")] }
        var found: String?
        for (storedEmail, token) in candidates where SecureToken.constantTimeEquals(storedEmail, email) {
            found = token
        }
        return found
    }

    private static func requireStore(_ req: Request) async throws -> StoreRecord {
        guard let slug = req.parameters.get("slug"),
              let store = try await req.storeDirectory.store(slug: slug) else { throw Abort(.notFound) }
        return store
    }

    private static func checkRateLimits(_ req: Request, store: StoreRecord) throws {
        let now = req.application.world.now()
        let ip = req.remoteAddress?.ipAddress ?? "unknown"
        let limits = req.application.lookupLimits
        if let wait = limits.perIP.attempt(ip, now: now) ?? limits.perStore.attempt(store.slug, now: now) {
            throw RateLimitedError(retryAfterSeconds: wait)
        }
    }

    private static func render(_ req: Request, store: StoreRecord, form: Form, notFound: Bool) -> Response {
        let language = LocaleChoice.language(store.defaultLocale)
        let context: [String: Any] = [
            "lang": language,
            "store": BrandContext.store(store),
            "theme": BrandContext.theme(store.branding),
            "copy": LookupCopy(language: language).dictionary,
            "action": SitePath.lookup(slug: store.slug).path,
            "not_found": notFound,
            "order_number": form.order_number ?? "",
            "email": form.email ?? "",
        ]
        return req.application.pages.page("lookup", context, request: req, status: notFound ? .notFound : .ok)
    }
}

struct LookupCopy {
    let language: String

    var dictionary: [String: String] {
        let es = language == "es"
        return [
            "title": es ? "Sigue tu pedido" : "Track your order",
            "intro": es ? "Introduce el número de pedido y el email con el que compraste."
                : "Enter your order number and the email you used at checkout.",
            "order_number": es ? "Número de pedido" : "Order number",
            "email": "Email",
            "submit": es ? "Ver mi pedido" : "Track my order",
            "not_found": es ? "No encontramos un pedido con esos datos. Revisa el número y el email e inténtalo de nuevo."
                : "We couldn't find an order with those details. Check the number and email and try again.",
            "returns": es ? "Política de devoluciones" : "Returns policy",
        ]
    }
}
