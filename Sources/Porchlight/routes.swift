import Vapor

func routes(_ app: Application) throws {
    app.get("healthz") { _ in "ok" }

    // Customer pages. No account: the token in the link is the credential.
    app.get("t", ":token", use: TrackingPageController.showOrJSON)
    app.get("t", ":token", "live", use: TrackingLiveController.stream)
    app.get(":slug", "track", use: LookupController.show)
    app.on(.POST, ":slug", "track", body: .collect(maxSize: "16kb"), use: LookupController.submit)
    app.get("t", ":token", "unsubscribe", use: EmailLinkController.unsubscribePage)
    app.on(.POST, "t", ":token", "unsubscribe", body: .collect(maxSize: "16kb"), use: EmailLinkController.unsubscribe)
    app.get("t", ":token", "review", use: EmailLinkController.rate)
    app.on(.POST, "t", ":token", "review", body: .collect(maxSize: "16kb"), use: EmailLinkController.comment)

    // The example CSV import file, for anyone deciding whether their export fits (docs/IMPORT.md).
    app.get("import", "example.csv", use: ImportExampleController.download)

    dashboardRoutes(app)

    // Operators: the development outbox (this machine only) and Prometheus metrics.
    app.get("admin", "outbox", use: OutboxController.index)
    app.get("admin", "outbox", ":emailID", use: OutboxController.show)
    app.get("metrics", use: MetricsController.show)

    // Storefronts pushing orders and parcels, signed with the store's webhook_secret. Constant
    // segments win over the carriers' `:provider` below.
    app.on(.POST, "webhooks", "shopify", ":slug", body: .collect(maxSize: "4mb"), use: StorefrontWebhookController.shopify)
    app.on(.POST, "webhooks", "woocommerce", ":slug", body: .collect(maxSize: "4mb"),
           use: StorefrontWebhookController.wooCommerce)

    // Carriers and aggregators pushing tracking updates; each request is verified by its signature.
    app.on(.POST, "webhooks", ":provider", ":slug", body: .collect(maxSize: "1mb"), use: CarrierWebhookController.receive)

    // REST API v1
    let api = app.grouped("api", "v1")
    api.get("openapi.yaml", use: OpenAPIController.show)
    let authed = api.grouped(APIKeyAuthenticator())
    authed.get("store", use: StoreController.show)
    authed.patch("store", use: StoreController.update)
    authed.post("orders", use: OrderController.create)
    authed.get("orders", use: OrderController.index)
    authed.get("orders", ":orderID", use: OrderController.show)
    authed.post("orders", ":orderID", "shipments", use: ShipmentController.create)
    authed.patch("orders", ":orderID", use: OrderStateController.update)
    authed.get("orders", ":orderID", "messages", use: MessageController.index)
    authed.post("shipments", ":shipmentID", "events", use: ShipmentController.createEvent)
    authed.get("message-settings", use: MessageSettingsController.show)
    authed.put("message-settings", use: MessageSettingsController.update)
    authed.get("message-templates", use: MessageTemplateController.index)
    authed.get("message-templates", ":type", ":locale", use: MessageTemplateController.show)
    authed.put("message-templates", ":type", ":locale", use: MessageTemplateController.update)
    authed.delete("message-templates", ":type", ":locale", use: MessageTemplateController.delete)
    authed.post("message-templates", ":type", ":locale", "preview", use: MessageTemplateController.preview)
    authed.post("message-templates", ":type", ":locale", "test", use: MessageTemplateController.test)
    authed.get("carriers", "detect", use: CarrierController.detect)
    authed.get("carriers", "unknown-codes", use: CarrierMappingController.unknownCodes)
    authed.get("carriers", ":carrier", "status-map", use: CarrierMappingController.show)
    authed.put("carriers", ":carrier", "status-map", ":code", use: CarrierMappingController.override)
    authed.delete("carriers", ":carrier", "status-map", ":code", use: CarrierMappingController.removeOverride)
    authed.post("shipments", ":shipmentID", "refresh", use: ShipmentRefreshController.refresh)
    authed.get("integrations", use: IntegrationController.index)
    authed.put("integrations", ":provider", use: IntegrationController.update)
    authed.delete("integrations", ":provider", use: IntegrationController.delete)
    authed.get("integration-log", use: IntegrationLogController.index)
    authed.get("jobs", use: JobController.index)
    authed.post("jobs", ":jobID", "retry", use: JobController.retry)
    api.get("**") { _ -> Response in throw APIError.notFound("That endpoint") }
}

extension TrackingPageController {
    /// `/t/{token}.json` and `/t/{token}` share one route segment, so the suffix picks the form.
    @Sendable static func showOrJSON(req: Request) async throws -> Response {
        guard let raw = req.parameters.get("token") else { throw Abort(.notFound) }
        if raw.hasSuffix(".json") {
            req.parameters.set("token", to: String(raw.dropLast(5)))
            return try await json(req: req)
        }
        return try await show(req: req)
    }
}
