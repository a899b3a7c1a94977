import Vapor

enum StoreController {
    @Sendable static func show(req: Request) async throws -> StoreJSON {
        try StoreJSON(req.currentStore, site: req.application.siteURL)
    }

    struct UpdateBody: Content {
        var name: String?
        var logo_url: String?
        var accent_color: HexColor?
        var background_color: HexColor?
        var font: String?
        var support_email: String?
        var support_url: String?
        var return_policy_url: String?
        var default_locale: String?
        var suggestions: [ProductSuggestion]?
    }

    @Sendable static func update(req: Request) async throws -> StoreJSON {
        let store = try req.currentStore
        let body = try req.content.decode(UpdateBody.self)
        var branding = store.branding
        if let name = body.name { branding.name = name }
        if let value = body.logo_url { branding.logoURL = value.isEmpty ? nil : value }
        if let value = body.accent_color { branding.accentColor = value }
        if let value = body.background_color { branding.backgroundColor = value }
        if let value = body.font { branding.font = value.isEmpty ? nil : value }
        if let value = body.support_email { branding.supportEmail = value.isEmpty ? nil : value }
        if let value = body.support_url { branding.supportURL = value.isEmpty ? nil : value }
        if let value = body.return_policy_url { branding.returnPolicyURL = value.isEmpty ? nil : value }
        if let value = body.default_locale { branding.defaultLocale = value }
        try StoreDirectory.validate(branding)
        store.apply(branding)
        if let suggestions = body.suggestions {
            for suggestion in suggestions {
                if let problem = StoreRules.validateURL(suggestion.url, field: "suggestions.url") {
                    throw APIError.validation(problem)
                }
            }
            store.suggestions = suggestions
        }
        store.updatedAt = req.application.world.now()
        store.revision += 1
        try await store.save(on: req.db)
        return try StoreJSON(store, site: req.application.siteURL)
    }
}
