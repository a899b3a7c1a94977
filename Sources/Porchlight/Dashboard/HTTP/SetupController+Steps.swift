import Fluent
import Vapor

extension SetupController {
    struct BrandForm: Content {
        var accent_color: String?
        var background_color: String?
        var font: String?
        var logo: File?
    }

    /// Colours, font and an optional logo; the logo is checked and, for SVG, rebuilt before it is kept.
    @Sendable static func saveBrand(req: Request) async throws -> Response {
        let form = try req.content.decode(BrandForm.self)
        let store = try await DashboardPage.store(req)
        var branding = store.branding
        if let text = form.accent_color, !text.isEmpty {
            guard let color = HexColor(text) else { return try await page(req, extra: ["error": "Pick the brand colour again."], status: .unprocessableEntity) }
            branding.accentColor = color
        }
        if let text = form.background_color, !text.isEmpty {
            guard let color = HexColor(text) else { return try await page(req, extra: ["error": "Pick the background colour again."], status: .unprocessableEntity) }
            branding.backgroundColor = color
        }
        branding.font = form.font.flatMap { $0.isEmpty ? nil : String($0.prefix(60)) }
        if let file = form.logo, file.data.readableBytes > 0 {
            do {
                let logo = try LogoImage.validate(bytes: Array(file.data.readableBytesView), filename: file.filename,
                                                  declaredType: file.contentType?.description)
                try await StoreLogos(database: req.db, world: req.application.world, site: req.application.siteURL)
                    .save(logo, for: store)
                branding.logoURL = store.logoURL
            } catch let error as LogoError {
                return try await page(req, extra: ["error": error.message], status: .unprocessableEntity)
            }
        }
        store.apply(branding)
        try await bump(store, req)
        return req.redirect(to: "/admin/setup?notice=\(Notice.saved.rawValue)#connect", redirectType: .normal)
    }

    struct SecretForm: Content { var webhook_secret: String? }

    /// WooCommerce takes a secret we make (shown once, to paste into its form); Shopify signs with its own,
    /// which the merchant pastes here.
    @Sendable static func connect(req: Request) async throws -> Response {
        try req.dashboard.requireOwner()
        switch req.parameters.get("provider").flatMap(IntegrationProvider.init(rawValue:)) {
        case .woocommerce:
            let secret = try await WebhookSecrets.rotate(.woocommerce, req: req)
            return try await page(req, extra: ["new_secret": ["provider": "woocommerce", "value": secret]])
        case .shopify:
            let pasted = (try req.content.decode(SecretForm.self).webhook_secret ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard (8...4_096).contains(pasted.count) else {
                return try await page(req, extra: ["error": "Paste the whole secret Shopify shows under its webhook list.",
                                                   "open_shopify": true], status: .unprocessableEntity)
            }
            try await WebhookSecrets.save(pasted, for: .shopify, req: req)
            return req.redirect(to: "/admin/setup?notice=\(Notice.shopifyConnected.rawValue)#test", redirectType: .normal)
        default:
            throw Abort(.notFound)
        }
    }

    @Sendable static func createAPIKey(req: Request) async throws -> Response {
        try req.dashboard.requireOwner()
        let key = try await APIKeys(database: req.db, world: req.application.world, storeID: try req.dashboard.storeID)
            .create(name: "Setup wizard")
        return try await page(req, extra: ["new_key": key])
    }

    /// An order to the merchant's own address: its tracking page, and its confirmation email sent the usual way.
    @Sendable static func sendTestOrder(req: Request) async throws -> Response {
        let session = try req.dashboard
        let store = try await DashboardPage.store(req)
        let outcome = try await TestOrder.create(for: session.user, store: store, app: req.application)
        let tracking = req.application.siteURL.absolute(.tracking(token: outcome.order.trackingToken))
        let outbox: Bool = if case .outbox = req.application.services.mailRoute { true } else { false }
        return try await page(req, extra: ["test_order": [
            "number": outcome.order.orderNumber, "tracking_url": tracking, "email": session.user.email,
            "order_url": "/admin/orders/\(try outcome.order.requireID().uuidString.lowercased())", "outbox": outbox,
        ]])
    }
}
