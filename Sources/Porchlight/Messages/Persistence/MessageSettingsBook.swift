import Fluent
import Foundation

/// A store's message settings, created with defaults (and a fresh link-signing key) on first use.
struct MessageSettingsBook: Sendable {
    let database: Database
    let world: World
    let storeID: UUID

    func load() async throws -> MessageSettingsRecord {
        if let existing = try await find() { return existing }
        let record = MessageSettingsRecord()
        record.id = world.uuid()
        record.storeID = storeID
        record.updatedAt = world.now()
        record.settings = MessageSettings()
        record.signingKey = SecureToken.base64URL(world.randomBytes(32))
        try await database.sql.raw("""
            INSERT INTO message_settings (id, updated_at, settings, signing_key, store_id)
            VALUES (\(bind: record.id), \(bind: record.updatedAt), \(bind: record.settings), \(bind: record.signingKey),
                    \(bind: storeID))
            ON CONFLICT (store_id) DO NOTHING
            """).run()
        // Whoever won a race to create the row, everyone now reads the same one.
        guard let stored = try await find() else { throw APIError.notFound("Message settings") }
        return stored
    }

    func update(_ settings: MessageSettings) async throws -> MessageSettingsRecord {
        let record = try await load()
        record.settings = settings
        record.updatedAt = world.now()
        try await record.save(on: database)
        return record
    }

    private func find() async throws -> MessageSettingsRecord? {
        try await MessageSettingsRecord.query(on: database).filter(\.$storeID == storeID).first()
    }
}
