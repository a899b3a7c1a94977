import Fluent
import Foundation
import SQLKit

/// Single-use, expiring links to choose a password. Only the link's SHA-256 is stored.
struct PasswordResets: Sendable {
    let database: Database
    let world: World
    static let resetLifetime: TimeInterval = 3_600
    static let invitationLifetime: TimeInterval = 7 * 86_400

    func issue(for user: UserRecord, lifetime: TimeInterval = resetLifetime) async throws -> String {
        let token = SecureToken.base64URL(world.randomBytes(32))
        let now = world.now()
        let record = PasswordResetRecord()
        record.id = world.uuid()
        record.createdAt = now
        record.expiresAt = now.addingTimeInterval(lifetime)
        record.tokenHash = SecureToken.hash(token)
        record.userID = try user.requireID()
        record.storeID = user.storeID
        try await record.create(on: database)
        return token
    }

    /// The person the link is for, while it is unused and unexpired.
    func holder(of token: String) async throws -> UserRecord? {
        guard let record = try await usable(token) else { return nil }
        return try await UserRecord.query(on: database)
            .filter(\.$id == record.userID).filter(\.$storeID == record.storeID).first()
    }

    /// Sets the password and spends the link, in one transaction so a link can never be used twice.
    func complete(token: String, password: String, hashing: PasswordHashing) async throws -> UserRecord {
        guard let user = try await holder(of: token) else {
            throw AccountError.invalid("This link has expired or was already used. Ask for a new one.")
        }
        if let problem = PasswordRules.problem(with: password, email: user.email) { throw AccountError.invalid(problem) }
        let hash = try await hashing.hash(password)
        let now = world.now()
        try await database.transaction { db in
            // The conditional UPDATE is the lock: of two submits racing with one link, only one gets its row back.
            let spent = try await db.sql.raw("""
                UPDATE password_resets SET used_at = \(bind: now)
                WHERE token_hash = \(bind: SecureToken.hash(token)) AND used_at IS NULL RETURNING id
                """).all()
            guard !spent.isEmpty else { throw AccountError.invalid("This link was already used.") }
            user.passwordHash = hash
            user.apply(LoginFailureState())
            try await user.save(on: db)
            try await SessionBook(database: db, world: world).endAll(userID: try user.requireID(), storeID: user.storeID)
        }
        return user
    }

    private func usable(_ token: String) async throws -> PasswordResetRecord? {
        guard (20...100).contains(token.count) else { return nil }
        let record = try await PasswordResetRecord.query(on: database)
            .filter(\.$tokenHash == SecureToken.hash(token)).first()
        guard let record, record.usedAt == nil, record.expiresAt > world.now() else { return nil }
        return record
    }
}
