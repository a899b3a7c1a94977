import Fluent
import Vapor

/// `/admin/settings`: integrations, API keys and people. Staff see the page; only owners change these.
enum SettingsController {
    @Sendable static func show(req: Request) async throws -> Response {
        try await page(req, extra: [:])
    }

    static func page(_ req: Request, extra: [String: Any], status: HTTPResponseStatus = .ok) async throws -> Response {
        let session = try req.dashboard
        let store = try await DashboardPage.store(req)
        let world = req.application.world
        let integrations = try await req.application.integrationVault(storeID: session.storeID).all()
        let keys = try await APIKeys(database: req.db, world: world, storeID: session.storeID).all()
        let people = try await StoreTeam(database: req.db, world: world, storeID: session.storeID).members()
        let log = try await IntegrationLog(database: req.db, world: world, storeID: session.storeID).recent(limit: 50, provider: nil)
        var context: [String: Any] = [
            "integrations": integrations.map { record in
                ["provider": record.provider,
                 "settings": record.maskedSettings.sorted { $0.key < $1.key }.map { ["name": $0.key, "value": $0.value] },
                 "updated": record.updatedAt.formatted(.iso8601.year().month().day()),
                 "rotatable": record.provider == "woocommerce", "pasted": record.provider == "shopify"] as [String: Any]
            },
            "keys": try keys.map { key in
                BrandContext.compact(["id": try key.requireID().uuidString.lowercased(), "name": key.name,
                                      "prefix": key.keyPrefix + "…", "created": key.createdAt.formatted(.iso8601.year().month().day()),
                                      "revoked": key.revokedAt.map { $0.formatted(.iso8601.year().month().day()) }])
            },
            "people": try people.map { person in
                BrandContext.compact(["id": try person.requireID().uuidString.lowercased(), "name": person.name,
                                      "email": person.email, "role": UserRole(rawValue: person.role)?.label,
                                      "invited": person.passwordHash.isEmpty ? true : nil,
                                      "is_me": try person.requireID() == session.user.id ? true : nil])
            },
            "roles": UserRole.allCases.map { ["value": $0.rawValue, "label": $0.label] },
            "log": log.map { entry in
                BrandContext.compact([
                    "when": entry.receivedAt.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false)),
                    "provider": entry.provider, "topic": entry.topic, "outcome": entry.outcome.rawValue.replacingOccurrences(of: "_", with: " "),
                    "problem": [.rejectedSignature, .malformed, .failed].contains(entry.outcome) ? true : nil,
                    "status": entry.httpStatus, "summary": entry.summary, "order_number": entry.orderNumber,
                    "body": entry.bodyExcerpt.isEmpty ? nil : entry.bodyExcerpt,
                ])
            },
            "has_log": !log.isEmpty,
        ]
        context.merge(extra) { $1 }
        return try DashboardPage.render(req, "admin/settings", title: "Settings", section: .settings, store: store,
                                        context, status: status)
    }

    struct KeyForm: Content { var name: String? }

    @Sendable static func createKey(req: Request) async throws -> Response {
        let session = try req.dashboard
        try session.requireOwner()
        let name = try req.content.decode(KeyForm.self).name ?? ""
        do {
            let key = try await APIKeys(database: req.db, world: req.application.world, storeID: session.storeID).create(name: name)
            return try await page(req, extra: ["new_key": key])
        } catch let error as APIError {
            return try await page(req, extra: ["error": error.message], status: .unprocessableEntity)
        }
    }

    @Sendable static func revokeKey(req: Request) async throws -> Response {
        let session = try req.dashboard
        try session.requireOwner()
        try await APIKeys(database: req.db, world: req.application.world, storeID: session.storeID).revoke(try uuid(req, "keyID"))
        return req.redirect(to: "/admin/settings?notice=\(Notice.keyRevoked.rawValue)#keys", redirectType: .normal)
    }

    @Sendable static func rotateSecret(req: Request) async throws -> Response {
        try req.dashboard.requireOwner()
        guard let provider = req.parameters.get("provider").flatMap(IntegrationProvider.init(rawValue:)),
              provider == .woocommerce else { throw Abort(.notFound) }
        let secret = try await WebhookSecrets.rotate(provider, req: req)
        return try await page(req, extra: ["new_secret": ["provider": provider.rawValue, "value": secret]])
    }

    @Sendable static func removeIntegration(req: Request) async throws -> Response {
        let session = try req.dashboard
        try session.requireOwner()
        guard let provider = req.parameters.get("provider").flatMap(IntegrationProvider.init(rawValue:)) else { throw Abort(.notFound) }
        guard try await req.application.integrationVault(storeID: session.storeID).delete(provider) else { throw Abort(.notFound) }
        return req.redirect(to: "/admin/settings?notice=\(Notice.removed.rawValue)#integrations", redirectType: .normal)
    }

    static func uuid(_ req: Request, _ name: String) throws -> UUID {
        guard let id = req.parameters.get(name).flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        return id
    }
}
