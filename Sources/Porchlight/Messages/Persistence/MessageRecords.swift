import Fluent
import Foundation

final class MessageRecord: Model, @unchecked Sendable {
    static let schema = "messages"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    // data
    @Field(key: "type") var type: String
    @Field(key: "category") var category: String
    @Field(key: "status") var status: String
    @Field(key: "idempotency_key") var idempotencyKey: String
    /// JSON array of the parcels a status message speaks for; several when coalesced.
    @Field(key: "shipment_ids") var shipmentIDsJSON: String
    @OptionalField(key: "substatus") var substatus: String?
    /// When the journey first wanted it sent; staleness is measured from here.
    @Field(key: "due_at") var dueAt: Date
    /// When it will go, after quiet hours or the frequency cap have held it.
    @Field(key: "scheduled_at") var scheduledAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "skip_reason") var skipReason: String?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "recipient") var recipient: String
    @OptionalField(key: "subject") var subject: String?

    // relationships
    @Field(key: "store_id") var storeID: UUID
    @Field(key: "order_id") var orderID: UUID

    init() {}

    var messageType: MessageType? { MessageType(rawValue: type) }

    var shipmentIDs: [UUID] {
        get { (try? JSONDecoder().decode([UUID].self, from: Data(shipmentIDsJSON.utf8))) ?? [] }
        set { shipmentIDsJSON = Self.encode(newValue) }
    }

    static func encode(_ shipmentIDs: [UUID]) -> String {
        "[" + shipmentIDs.map { "\"\($0.uuidString)\"" }.joined(separator: ",") + "]"
    }
}

final class OutboxEmailRecord: Model, @unchecked Sendable {
    static let schema = "outbox_emails"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "mime") var mime: String
    @Field(key: "html") var html: String
    @Field(key: "text") var text: String
    @OptionalField(key: "message_id") var messageID: UUID?
    @Field(key: "store_id") var storeID: UUID

    init() {}
}

final class MessageTemplateRecord: Model, @unchecked Sendable {
    static let schema = "message_templates"

    @ID(key: .id) var id: UUID?
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "type") var type: String
    @Field(key: "locale") var locale: String
    @Field(key: "subject") var subject: String
    @Field(key: "html") var html: String
    @Field(key: "text") var text: String
    @Field(key: "store_id") var storeID: UUID

    init() {}
}

final class MessageSettingsRecord: Model, @unchecked Sendable {
    static let schema = "message_settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "settings") var settings: MessageSettings
    /// Signs the one-click links in this store's emails.
    @Field(key: "signing_key") var signingKey: String
    @Field(key: "store_id") var storeID: UUID

    init() {}
}

final class UnsubscribeRecord: Model, @unchecked Sendable {
    static let schema = "unsubscribes"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "email_normalized") var emailNormalized: String
    @Field(key: "category") var category: String
    @Field(key: "store_id") var storeID: UUID

    init() {}
}

final class ReviewRecord: Model, @unchecked Sendable {
    static let schema = "reviews"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    /// "sku:<SKU>" or "title:<title>", so products without SKUs can still be rated.
    @Field(key: "product_key") var productKey: String
    @Field(key: "product_title") var productTitle: String
    @Field(key: "stars") var stars: Int
    @OptionalField(key: "comment") var comment: String?
    @Field(key: "order_id") var orderID: UUID
    @Field(key: "store_id") var storeID: UUID

    init() {}
}
