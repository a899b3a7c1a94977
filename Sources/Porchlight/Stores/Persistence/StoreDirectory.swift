import Fluent
import Foundation

/// Creates stores and resolves API keys; the only place that writes `stores` and `api_keys`.
struct StoreDirectory: Sendable {
    let database: Database
    let world: World

    struct CreatedStore: Sendable {
        var store: StoreRecord
        var apiKey: String
    }

    func create(slug: String, branding: StoreBranding) async throws -> CreatedStore {
        if let problem = StoreRules.validateSlug(slug) { throw APIError.validation(problem) }
        try Self.validate(branding)
        if try await StoreRecord.query(on: database).filter(\.$slug == slug).first() != nil {
            throw APIError(status: .conflict, code: "slug_taken", message: "A store with slug '\(slug)' already exists.")
        }
        let now = world.now()
        let store = StoreRecord(id: world.uuid(), slug: slug, branding: branding, now: now)
        let key = SecureToken.apiKey(world: world)
        try await database.transaction { db in
            try await store.create(on: db)
            try await APIKeyRecord(id: world.uuid(), storeID: store.requireID(), name: "Default", key: key, now: now)
                .create(on: db)
        }
        return CreatedStore(store: store, apiKey: key)
    }

    func store(forAPIKey key: String) async throws -> StoreRecord? {
        guard key.hasPrefix(SecureToken.apiKeyPrefix) else { return nil }
        guard let record = try await APIKeyRecord.query(on: database)
            .filter(\.$keyHash == SecureToken.hash(key))
            .filter(\.$revokedAt == nil)
            .first() else { return nil }
        return try await StoreRecord.find(record.storeID, on: database)
    }

    func store(slug: String) async throws -> StoreRecord? {
        try await StoreRecord.query(on: database).filter(\.$slug == slug).first()
    }

    static func validate(_ branding: StoreBranding) throws {
        let name = branding.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...80).contains(name.count) else { throw APIError.validation("Store name must be 1 to 80 characters.") }
        for (value, field) in [(branding.logoURL, "logo_url"), (branding.supportURL, "support_url"),
                               (branding.returnPolicyURL, "return_policy_url")] {
            if let problem = StoreRules.validateURL(value, field: field) { throw APIError.validation(problem) }
        }
        if let email = branding.supportEmail, !email.isEmpty, !EmailAddress.isPlausible(email) {
            throw APIError.validation("support_email must be an email address.")
        }
        guard StoreRules.supportedLocales.contains(branding.defaultLocale) else {
            throw APIError.validation("default_locale must be one of: en, es.")
        }
    }
}
