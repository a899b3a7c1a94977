import Fluent
import Foundation

/// Reads and writes one store's integration settings, sealing them on the way in.
struct IntegrationVault: Sendable {
    let database: Database
    let world: World
    let box: SecretBox
    let storeID: UUID
    /// Told after a change, so caches of the store's secrets can let go of them.
    var changed: @Sendable (UUID) -> Void = { _ in }

    func save(_ provider: IntegrationProvider, _ settings: IntegrationSettings) async throws -> IntegrationRecord {
        do { try settings.validate(for: provider) } catch { throw APIError.validation(error.message) }
        let sealed = try box.seal(String(decoding: try JSONEncoder().encode(settings.values), as: UTF8.self))
        let now = world.now()
        let record = try await find(provider) ?? IntegrationRecord()
        if record.id == nil {
            record.id = world.uuid()
            record.createdAt = now
            record.storeID = storeID
            record.provider = provider.rawValue
        }
        record.updatedAt = now
        record.sealedSettings = sealed
        record.maskedSettings = settings.masked
        try await record.save(on: database)
        changed(storeID)
        return record
    }

    func settings(_ provider: IntegrationProvider) async throws -> IntegrationSettings? {
        guard let record = try await find(provider) else { return nil }
        let json = try box.open(record.sealedSettings)
        return IntegrationSettings(try JSONDecoder().decode([String: String].self, from: Data(json.utf8)))
    }

    func all() async throws -> [IntegrationRecord] {
        try await IntegrationRecord.query(on: database).filter(\.$storeID == storeID).sort(\.$provider).all()
    }

    func delete(_ provider: IntegrationProvider) async throws -> Bool {
        guard let record = try await find(provider) else { return false }
        try await record.delete(on: database)
        changed(storeID)
        return true
    }

    func find(_ provider: IntegrationProvider) async throws -> IntegrationRecord? {
        try await IntegrationRecord.query(on: database)
            .filter(\.$storeID == storeID).filter(\.$provider == provider.rawValue).first()
    }
}

extension IntegrationError {
    var message: String {
        switch self { case .invalid(let text): text }
    }
}
