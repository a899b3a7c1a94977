import Fluent
import Foundation

/// One store's API keys: made, listed and revoked. A key is shown once, when made; only its hash is kept.
struct APIKeys: Sendable {
    let database: Database
    let world: World
    let storeID: UUID

    func create(name: String) async throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...60).contains(trimmed.count) else { throw APIError.validation("Name the key (up to 60 characters).") }
        let key = SecureToken.apiKey(world: world)
        try await APIKeyRecord(id: world.uuid(), storeID: storeID, name: trimmed, key: key, now: world.now()).create(on: database)
        return key
    }

    func all() async throws -> [APIKeyRecord] {
        try await APIKeyRecord.query(on: database).filter(\.$storeID == storeID).sort(\.$createdAt).all()
    }

    func revoke(_ id: UUID) async throws {
        guard let key = try await APIKeyRecord.query(on: database).filter(\.$storeID == storeID)
            .filter(\.$id == id).first() else { throw APIError.notFound("That key") }
        key.revokedAt = key.revokedAt ?? world.now()
        try await key.save(on: database)
    }
}
