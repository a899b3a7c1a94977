import Fluent
import Foundation

/// A logo the merchant uploaded, checked (and for SVG rebuilt from an allowlist) before it is stored.
final class StoreLogoRecord: Model, @unchecked Sendable {
    static let schema = "store_logos"

    @ID(key: .id) var id: UUID?
    @Field(key: "updated_at") var updatedAt: Date

    @Field(key: "content_type") var contentType: String
    @Field(key: "bytes") var bytes: Data

    @Field(key: "store_id") var storeID: UUID

    init() {}
}

/// Saves an uploaded logo and points the store's branding at it.
struct StoreLogos: Sendable {
    let database: Database
    let world: World
    let site: SiteURL

    func save(_ logo: LogoImage, for store: StoreRecord) async throws {
        let storeID = try store.requireID()
        let now = world.now()
        try await database.transaction { db in
            let record = try await StoreLogoRecord.query(on: db).filter(\.$storeID == storeID).first() ?? StoreLogoRecord()
            if record.id == nil {
                record.id = world.uuid()
                record.storeID = storeID
            }
            record.updatedAt = now
            record.contentType = logo.contentType
            record.bytes = Data(logo.bytes)
            try await record.save(on: db)
            store.revision += 1
            store.updatedAt = now
            // A new name per upload, so browsers and mail clients may cache each one for good.
            store.logoURL = site.base + "/logos/\(store.slug)-\(store.revision).\(logo.fileExtension)"
            try await store.save(on: db)
        }
    }

    func logo(slug: String) async throws -> StoreLogoRecord? {
        guard let store = try await StoreRecord.query(on: database).filter(\.$slug == slug).first() else { return nil }
        return try await StoreLogoRecord.query(on: database).filter(\.$storeID == store.requireID()).first()
    }
}
