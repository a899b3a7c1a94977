import Fluent
import Foundation

/// Starts, finds and ends dashboard sessions.
struct SessionBook: Sendable {
    let database: Database
    let world: World
    static let lifetime: TimeInterval = 14 * 86_400

    struct Started: Sendable {
        var token: String
        var expiresAt: Date
    }

    struct Found: Sendable {
        var user: DashboardUser
        var csrfToken: String
        var sessionID: UUID
    }

    func start(for user: UserRecord) async throws -> Started {
        let now = world.now()
        let token = SecureToken.base64URL(world.randomBytes(32))
        let session = SessionRecord()
        session.id = world.uuid()
        session.createdAt = now
        session.expiresAt = now.addingTimeInterval(Self.lifetime)
        session.tokenHash = SecureToken.hash(token)
        session.csrfToken = SecureToken.base64URL(world.randomBytes(32))
        session.userID = try user.requireID()
        session.storeID = user.storeID
        try await session.create(on: database)
        return Started(token: token, expiresAt: session.expiresAt)
    }

    func find(token: String) async throws -> Found? {
        guard (20...100).contains(token.count),
              let session = try await SessionRecord.query(on: database)
                .filter(\.$tokenHash == SecureToken.hash(token)).first(),
              session.expiresAt > world.now(),
              let user = try await UserRecord.query(on: database)
                .filter(\.$id == session.userID).filter(\.$storeID == session.storeID).first()
        else { return nil }
        return Found(user: try user.dashboardUser, csrfToken: session.csrfToken, sessionID: try session.requireID())
    }

    func end(token: String) async throws {
        try await SessionRecord.query(on: database).filter(\.$tokenHash == SecureToken.hash(token)).delete()
    }

    /// After a password change every other browser must sign in again.
    func endAll(userID: UUID, storeID: UUID) async throws {
        try await SessionRecord.query(on: database)
            .filter(\.$storeID == storeID).filter(\.$userID == userID).delete()
    }

    static func pruneExpired(on database: Database, now: Date) async throws {
        try await SessionRecord.query(on: database).filter(\.$expiresAt < now).delete()
        try await PasswordResetRecord.query(on: database).filter(\.$expiresAt < now).delete()
    }
}

extension SessionRecord {
    func requireID() throws -> UUID {
        guard let id else { throw FluentError.idRequired }
        return id
    }
}
