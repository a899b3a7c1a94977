import Vapor

struct UsersCommand: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = ["add": AddUserCommand()]
    var help = "Manage the people who sign in to a store's dashboard."
}

/// `porchlight users add --store maple --email sam@maple.example` prints a link to choose a password:
/// for a first owner on a closed install, or for anyone locked out of their email.
struct AddUserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "store", help: "The store's slug.") var store: String?
        @Option(name: "email", help: "The person's email address.") var email: String?
        @Option(name: "name", help: "Their name, as the dashboard shows it.") var name: String?
        @Option(name: "role", help: "owner or staff (default owner).") var role: String?
    }

    var help: String { "Add a person to a store (or give an existing one a new link) and print a link to choose a password." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let storeID = try await storeID(slug: signature.store, app: app) else {
            throw APIError.validation("--store is required.")
        }
        guard let role = UserRole(rawValue: signature.role ?? "owner") else { throw APIError.validation("--role is owner or staff.") }
        let email = EmailAddress.normalized(signature.email ?? "")
        let existing = try await AccountDirectory(database: app.db, world: app.world, hashing: app.passwordHashing).user(email: email)
        if let existing, existing.storeID != storeID { throw APIError.validation("\(email) belongs to another store.") }
        let user: UserRecord = if let existing { existing } else { try await StoreTeam(database: app.db, world: app.world, storeID: storeID)
            .invite(email: email, name: signature.name ?? "", role: role) }
        let token = try await PasswordResets(database: app.db, world: app.world)
            .issue(for: user, lifetime: PasswordResets.invitationLifetime)
        print(app.siteURL.base + "/admin/reset-password/" + token)
    }
}
