import Vapor

/// The store as the API shows it: branding, never secrets.
struct StoreJSON: Content {
    var id: UUID
    var slug: String
    var name: String
    var logo_url: String?
    var accent_color: String
    var background_color: String
    var font: String?
    var support_email: String?
    var support_url: String?
    var return_policy_url: String?
    var default_locale: String
    var suggestions: [ProductSuggestion]
    var lookup_url: String

    init(_ store: StoreRecord, site: SiteURL) throws {
        id = try store.requireID()
        slug = store.slug
        name = store.name
        logo_url = store.logoURL
        accent_color = store.accentColor
        background_color = store.backgroundColor
        font = store.font
        support_email = store.supportEmail
        support_url = store.supportURL
        return_policy_url = store.returnPolicyURL
        default_locale = store.defaultLocale
        suggestions = store.suggestions
        lookup_url = site.absolute(.lookup(slug: store.slug))
    }
}
