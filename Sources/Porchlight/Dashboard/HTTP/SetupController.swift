import Fluent
import Vapor

/// `/admin/setup`: the four steps from a new account to a live, branded tracking page.
/// Secrets made here are shown once, on the page that made them, and never put in a URL.
enum SetupController {
    @Sendable static func show(req: Request) async throws -> Response {
        try await page(req, extra: [:])
    }

    static func page(_ req: Request, extra: [String: Any], status: HTTPResponseStatus = .ok) async throws -> Response {
        let session = try req.dashboard
        let store = try await DashboardPage.store(req)
        let progress = try await SetupProgress.load(req, store: store)
        let site = req.application.siteURL
        var context: [String: Any] = [
            "form": BrandContext.compact([
                "name": store.name, "slug": store.slug, "accent": store.accentColor, "background": store.backgroundColor,
                "font": store.font,
            ]),
            "done": progress.context,
            "lookup_url": site.absolute(.lookup(slug: store.slug)),
            "shopify_url": site.absolute(.webhook(provider: "shopify", slug: store.slug)),
            "woocommerce_url": site.absolute(.webhook(provider: "woocommerce", slug: store.slug)),
            "api_base": site.base + "/api/v1",
            "example_csv": "/import/example.csv",
            "fonts": ["", "Georgia", "Helvetica", "Palatino", "Trebuchet MS", "Verdana"].map {
                ["value": $0, "label": $0.isEmpty ? "System font" : $0, "selected": $0 == (store.font ?? "")]
            },
            "is_owner": session.user.role.managesAccess,
        ]
        context.merge(extra) { $1 }
        return try DashboardPage.render(req, "admin/setup", title: "Set up your tracking page", section: .setup,
                                        store: store, context, status: status)
    }

    struct StoreForm: Content {
        var name: String
        var slug: String
    }

    @Sendable static func saveStore(req: Request) async throws -> Response {
        let form = try req.content.decode(StoreForm.self)
        let store = try await DashboardPage.store(req)
        var branding = store.branding
        branding.name = form.name.trimmingCharacters(in: .whitespacesAndNewlines)
        let slug = form.slug.trimmingCharacters(in: .whitespaces).lowercased()
        do {
            try StoreDirectory.validate(branding)
            if let problem = StoreRules.validateSlug(slug) { throw APIError.validation(problem) }
            if slug != store.slug, try await req.storeDirectory.store(slug: slug) != nil {
                throw APIError.validation("The web address /\(slug) is taken. Try another.")
            }
        } catch let error as APIError {
            return try await page(req, extra: ["error": error.message], status: .unprocessableEntity)
        }
        store.apply(branding)
        store.slug = slug
        try await bump(store, req)
        return req.redirect(to: "/admin/setup?notice=\(Notice.saved.rawValue)#brand", redirectType: .normal)
    }

    static func bump(_ store: StoreRecord, _ req: Request) async throws {
        store.revision += 1
        store.updatedAt = req.application.world.now()
        try await store.save(on: req.db)
    }
}
