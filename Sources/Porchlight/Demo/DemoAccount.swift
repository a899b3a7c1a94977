import Fluent
import Foundation

/// The demo store's owner, so a new user can open the dashboard straight away. The password is made
/// fresh on every start and printed once, like the API key.
enum DemoAccount {
    static let email = "owner@maple.example"

    static func create(storeID: UUID, hashing: PasswordHashing, database: Database, world: World) async throws -> String {
        let password = SecureToken.base64URL(world.randomBytes(12))
        let user = UserRecord(id: world.uuid(), storeID: storeID, email: email, name: "Demo Owner",
                              passwordHash: try await hashing.hash(password), role: .owner, now: world.now())
        try await user.create(on: database)
        return password
    }
}
