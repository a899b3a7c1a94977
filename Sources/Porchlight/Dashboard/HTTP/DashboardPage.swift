import Vapor

/// Renders dashboard pages with what every one of them shows: the store, the person, the navigation
/// and the form token.
enum DashboardPage {
    enum Section: String { case home, attention, orders, setup, settings }

    static func render(_ req: Request, _ template: String, title: String, section: Section?,
                       store: StoreRecord, _ context: [String: Any], status: HTTPResponseStatus = .ok) throws -> Response {
        let session = try req.dashboard
        var values = context
        values["title"] = title
        values["csrf"] = session.csrfToken
        values["user"] = ["name": session.user.name, "email": session.user.email,
                          "role": session.user.role.label, "is_owner": session.user.role.managesAccess]
        values["store"] = BrandContext.store(store).merging(["slug": store.slug]) { $1 }
        if let section { values["nav"] = [section.rawValue: true] }
        if let notice = req.query[String.self, at: "notice"].flatMap(Notice.init(rawValue:)) {
            values["notice"] = notice.text
        }
        return req.application.pages.page(template, values, request: req, status: status)
    }

    /// Pages shown before sign-in: no navigation, no session.
    static func signedOut(_ req: Request, _ template: String, title: String, _ context: [String: Any],
                          status: HTTPResponseStatus = .ok) -> Response {
        DashboardCookies.withFormToken(req) { token in
            var values = context
            values["title"] = title
            values["csrf"] = token
            if let notice = req.query[String.self, at: "notice"].flatMap(Notice.init(rawValue:)) {
                values["notice"] = notice.text
            }
            return req.application.pages.page(template, values, request: req, status: status)
        }
    }

    /// The current store, read fresh: settings pages must show what was just saved.
    static func store(_ req: Request) async throws -> StoreRecord {
        guard let store = try await StoreRecord.find(try req.dashboard.storeID, on: req.db) else {
            throw Abort(.notFound)
        }
        return store
    }
}

/// One-line confirmations carried across a redirect as a fixed code, so no text from the URL reaches the page.
enum Notice: String {
    case signedOut = "signed-out", passwordChanged = "password-changed", resetSent = "reset-sent"
    case saved, invited, removed, shopifyConnected = "shopify-connected", keyRevoked = "key-revoked", eventAdded = "event-added", secretRotated = "secret-rotated"

    var text: String {
        switch self {
        case .signedOut: "You are signed out."
        case .passwordChanged: "Your password is changed. You are signed in."
        case .resetSent: "If that email has an account, a link to choose a new password is on its way."
        case .saved: "Saved."
        case .shopifyConnected: "Shopify's signing secret is saved. Orders arrive as soon as Shopify sends them."
        case .invited: "Invitation sent."
        case .removed: "Removed."
        case .keyRevoked: "The key is revoked. Anything still using it will get 401 errors."
        case .eventAdded: "Added to the timeline."
        case .secretRotated: "New secret made. Paste it into your store now: it is shown only once."
        }
    }
}
