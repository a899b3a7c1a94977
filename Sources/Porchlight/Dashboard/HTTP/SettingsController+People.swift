import Vapor

extension SettingsController {
    struct InviteForm: Content {
        var email: String?
        var name: String?
        var role: String?
    }

    /// Adds a person and emails them a link to choose their password.
    @Sendable static func invite(req: Request) async throws -> Response {
        let session = try req.dashboard
        try session.requireOwner()
        let form = try req.content.decode(InviteForm.self)
        let world = req.application.world
        let team = StoreTeam(database: req.db, world: world, storeID: session.storeID)
        do {
            let person = try await team.invite(email: form.email ?? "", name: form.name ?? "",
                                               role: UserRole(rawValue: form.role ?? "") ?? .staff)
            let token = try await PasswordResets(database: req.db, world: world)
                .issue(for: person, lifetime: PasswordResets.invitationLifetime)
            let store = try await DashboardPage.store(req)
            let mail = try AccountMail(from: req.application.services.config.mailFrom, world: world)
                .invitation(to: person, storeName: store.name, inviter: session.user.name,
                            link: req.application.siteURL.base + "/admin/reset-password/\(token)")
            try await req.application.services.mailRoute.deliver(
                mail, storeID: session.storeID, messageID: nil, on: req.db, world: world) { _ in }
        } catch let error as AccountError {
            return try await page(req, extra: ["error": error.message], status: .unprocessableEntity)
        }
        return req.redirect(to: "/admin/settings?notice=\(Notice.invited.rawValue)#people", redirectType: .normal)
    }

    @Sendable static func removePerson(req: Request) async throws -> Response {
        let session = try req.dashboard
        try session.requireOwner()
        do {
            try await StoreTeam(database: req.db, world: req.application.world, storeID: session.storeID)
                .remove(try uuid(req, "userID"))
        } catch let error as AccountError {
            return try await page(req, extra: ["error": error.message], status: .unprocessableEntity)
        }
        return req.redirect(to: "/admin/settings?notice=\(Notice.removed.rawValue)#people", redirectType: .normal)
    }
}
