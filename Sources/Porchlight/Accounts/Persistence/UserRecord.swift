import Fluent
import Foundation

/// A person who signs in to one store's dashboard. The password is kept only as a bcrypt hash.
final class UserRecord: Model, @unchecked Sendable {
    static let schema = "users"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date

    // data
    /// Lowercased and trimmed, so sign-in ignores how the address was typed.
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    /// Empty until an invited person chooses a password; an empty hash never verifies.
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: String
    @Field(key: "failed_sign_ins") var failedSignIns: Int
    @OptionalField(key: "last_failed_at") var lastFailedAt: Date?
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @OptionalField(key: "last_sign_in_at") var lastSignInAt: Date?

    // relationships
    @Field(key: "store_id") var storeID: UUID

    init() {}

    init(id: UUID, storeID: UUID, email: String, name: String, passwordHash: String, role: UserRole, now: Date) {
        self.id = id
        self.storeID = storeID
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.role = role.rawValue
        self.failedSignIns = 0
        self.createdAt = now
    }

    var dashboardUser: DashboardUser {
        get throws {
            DashboardUser(id: try requireID(), storeID: storeID, email: email, name: name,
                          role: UserRole(rawValue: role) ?? .staff)
        }
    }

    var failureState: LoginFailureState {
        LoginFailureState(count: failedSignIns, lastFailureAt: lastFailedAt, lockedUntil: lockedUntil)
    }

    func apply(_ state: LoginFailureState) {
        failedSignIns = state.count
        lastFailedAt = state.lastFailureAt
        lockedUntil = state.lockedUntil
    }

    func requireID() throws -> UUID {
        guard let id else { throw FluentError.idRequired }
        return id
    }
}
