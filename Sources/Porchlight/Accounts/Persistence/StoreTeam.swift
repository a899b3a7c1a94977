import Fluent
import Foundation

/// The people of one store: listing, inviting, changing roles and removing. Every query is scoped to `storeID`.
struct StoreTeam: Sendable {
    let database: Database
    let world: World
    let storeID: UUID

    func members() async throws -> [UserRecord] {
        try await UserRecord.query(on: database).filter(\.$storeID == storeID).sort(\.$createdAt).all()
    }

    func member(_ id: UUID) async throws -> UserRecord? {
        try await UserRecord.query(on: database).filter(\.$storeID == storeID).filter(\.$id == id).first()
    }

    /// Creates the account without a password; the invitation link lets the person choose one.
    func invite(email rawEmail: String, name rawName: String, role: UserRole) async throws -> UserRecord {
        let email = EmailAddress.normalized(rawEmail)
        guard EmailAddress.isPlausible(email) else { throw AccountError.invalid("Enter the person's email address.") }
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard name.count <= 80 else { throw AccountError.invalid("Names are at most 80 characters.") }
        guard try await UserRecord.query(on: database).filter(\.$email == email).first() == nil else {
            throw AccountError.invalid("\(email) already has a Porchlight account.")
        }
        let user = UserRecord(id: world.uuid(), storeID: storeID, email: email, name: name.isEmpty ? email : name,
                              passwordHash: "", role: role, now: world.now())
        try await user.create(on: database)
        return user
    }

    func change(_ id: UUID, to role: UserRole) async throws {
        guard let user = try await member(id) else { throw APIError.notFound("That person") }
        if role != .owner, user.role == UserRole.owner.rawValue { try await requireAnotherOwner(besides: id) }
        user.role = role.rawValue
        try await user.save(on: database)
    }

    func remove(_ id: UUID) async throws {
        guard let user = try await member(id) else { throw APIError.notFound("That person") }
        if user.role == UserRole.owner.rawValue { try await requireAnotherOwner(besides: id) }
        try await user.delete(on: database)
    }

    /// A store without an owner could never manage its keys again.
    private func requireAnotherOwner(besides id: UUID) async throws {
        let owners = try await UserRecord.query(on: database).filter(\.$storeID == storeID)
            .filter(\.$role == UserRole.owner.rawValue).filter(\.$id != id).count()
        guard owners > 0 else { throw AccountError.invalid("A store needs at least one owner.") }
    }
}
