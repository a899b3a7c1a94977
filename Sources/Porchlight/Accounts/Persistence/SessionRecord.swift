import Fluent
import Foundation

/// A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a leaked
/// database cannot be replayed as a session.
final class SessionRecord: Model, @unchecked Sendable {
    static let schema = "sessions"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    // data
    @Field(key: "token_hash") var tokenHash: String
    /// Sent in every dashboard form and compared on submit.
    @Field(key: "csrf_token") var csrfToken: String

    // relationships
    @Field(key: "user_id") var userID: UUID
    @Field(key: "store_id") var storeID: UUID

    init() {}
}

/// A single-use link to choose a password: sent for "forgot password" and for invitations.
final class PasswordResetRecord: Model, @unchecked Sendable {
    static let schema = "password_resets"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    @Field(key: "token_hash") var tokenHash: String

    @Field(key: "user_id") var userID: UUID
    @Field(key: "store_id") var storeID: UUID

    init() {}
}
