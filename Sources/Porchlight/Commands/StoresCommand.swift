import Vapor

struct StoresCommand: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = ["create": CreateStoreCommand()]
    var help = "Manage stores."
}

/// `porchlight stores create --name "Maple & Moss" --slug maple` prints the new store and its API key as JSON.
struct CreateStoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "name", help: "The store's name as customers see it.") var name: String?
        @Option(name: "slug", help: "Short name used in URLs; suggested from the name when left out.") var slug: String?
        @Option(name: "logo-url", help: "https URL of the logo.") var logoURL: String?
        @Option(name: "accent-color", help: "Brand colour, e.g. #2f6b4f.") var accentColor: String?
        @Option(name: "background-color", help: "Page background, e.g. #fbf8f3.") var backgroundColor: String?
        @Option(name: "font", help: "Font family name.") var font: String?
        @Option(name: "support-email", help: "Where customers write for help.") var supportEmail: String?
        @Option(name: "support-url", help: "Help page URL.") var supportURL: String?
        @Option(name: "return-policy-url", help: "Returns policy URL.") var returnPolicyURL: String?
        @Option(name: "locale", help: "Default language: en or es.") var locale: String?
    }

    var help: String { "Create a store and print its id and API key (shown once) as JSON." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let name = signature.name, !name.isEmpty else { throw APIError.validation("--name is required.") }
        var branding = StoreBranding(name: name)
        branding.logoURL = signature.logoURL
        if let text = signature.accentColor {
            guard let color = HexColor(text) else { throw APIError.validation("--accent-color must look like #2f6b4f.") }
            branding.accentColor = color
        }
        if let text = signature.backgroundColor {
            guard let color = HexColor(text) else { throw APIError.validation("--background-color must look like #fbf8f3.") }
            branding.backgroundColor = color
        }
        branding.font = signature.font
        branding.supportEmail = signature.supportEmail
        branding.supportURL = signature.supportURL
        branding.returnPolicyURL = signature.returnPolicyURL
        branding.defaultLocale = signature.locale ?? "en"
        let slug = signature.slug ?? StoreRules.suggestSlug(from: name)
        let created = try await StoreDirectory(database: app.db, world: app.world).create(slug: slug, branding: branding)
        let output = CreatedStoreJSON(store_id: try created.store.requireID(), slug: created.store.slug,
                                      api_key: created.apiKey,
                                      lookup_url: app.siteURL.absolute(.lookup(slug: created.store.slug)))
        print(String(decoding: try JSONCoding.encoder.encode(output), as: UTF8.self))
    }
}

struct CreatedStoreJSON: Codable {
    var store_id: UUID
    var slug: String
    var api_key: String
    var lookup_url: String
}
