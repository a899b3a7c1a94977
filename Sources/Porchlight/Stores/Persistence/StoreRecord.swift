import Fluent
import Foundation

final class StoreRecord: Model, @unchecked Sendable {
    static let schema = "stores"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    /// Bumped on every change customers can see, so cached pages notice new branding.
    @Field(key: "revision") var revision: Int

    // data
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @OptionalField(key: "logo_url") var logoURL: String?
    @Field(key: "accent_color") var accentColor: String
    @Field(key: "background_color") var backgroundColor: String
    @OptionalField(key: "font") var font: String?
    @OptionalField(key: "support_email") var supportEmail: String?
    @OptionalField(key: "support_url") var supportURL: String?
    @OptionalField(key: "return_policy_url") var returnPolicyURL: String?
    @Field(key: "default_locale") var defaultLocale: String
    @Field(key: "suggestions") var suggestions: [ProductSuggestion]

    init() {}

    init(id: UUID, slug: String, branding: StoreBranding, now: Date) {
        self.id = id
        self.slug = slug
        self.createdAt = now
        self.updatedAt = now
        self.revision = 1
        self.suggestions = []
        apply(branding)
    }

    func apply(_ branding: StoreBranding) {
        name = branding.name
        logoURL = branding.logoURL
        accentColor = branding.accentColor.description
        backgroundColor = branding.backgroundColor.description
        font = branding.font
        supportEmail = branding.supportEmail
        supportURL = branding.supportURL
        returnPolicyURL = branding.returnPolicyURL
        defaultLocale = branding.defaultLocale
    }

    var branding: StoreBranding {
        StoreBranding(
            name: name, logoURL: logoURL,
            accentColor: HexColor(accentColor) ?? StoreBranding.defaultAccent,
            backgroundColor: HexColor(backgroundColor) ?? StoreBranding.defaultBackground,
            font: font, supportEmail: supportEmail, supportURL: supportURL,
            returnPolicyURL: returnPolicyURL, defaultLocale: defaultLocale)
    }

    func requireID() throws -> UUID {
        guard let id else { throw FluentError.idRequired }
        return id
    }
}
