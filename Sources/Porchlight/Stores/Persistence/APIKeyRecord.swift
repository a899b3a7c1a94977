import Fluent
import Foundation

/// An API key, kept only as its SHA-256 so a leaked database leaks no usable key.
final class APIKeyRecord: Model, @unchecked Sendable {
    static let schema = "api_keys"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date

    @Field(key: "name") var name: String
    @Field(key: "key_hash") var keyHash: String
    @Field(key: "key_prefix") var keyPrefix: String
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    @Field(key: "store_id") var storeID: UUID

    init() {}

    init(id: UUID, storeID: UUID, name: String, key: String, now: Date) {
        self.id = id
        self.storeID = storeID
        self.name = name
        self.keyHash = SecureToken.hash(key)
        self.keyPrefix = String(key.prefix(SecureToken.apiKeyPrefix.count + 4))
        self.createdAt = now
    }
}
