import Fluent
import Foundation

/// One store's connection to one provider. The settings are sealed with the install's key.
final class IntegrationRecord: Model, @unchecked Sendable {
    static let schema = "integrations"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    // data
    @Field(key: "provider") var provider: String
    /// JSON of the settings, sealed by SecretBox.
    @Field(key: "sealed_settings") var sealedSettings: String
    /// What the API shows back, stored beside the sealed copy so listing never needs the key.
    @Field(key: "masked_settings") var maskedSettings: [String: String]

    // relationships
    @Field(key: "store_id") var storeID: UUID

    init() {}
}
