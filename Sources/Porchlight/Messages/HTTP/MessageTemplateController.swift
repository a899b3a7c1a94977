import Fluent
import Vapor

/// A store's message templates: read the default, override it, preview it on a real order, send a test.
enum MessageTemplateController {
    struct TemplateJSON: Content {
        var type: String
        var locale: String
        var customized: Bool
        var subject: String
        var html: String
        var text: String
    }

    struct PreviewBody: Content {
        var order_id: UUID?
        var subject: String?
        var html: String?
        var text: String?
        var to: String?
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let customized = try await book(req).overridden()
        let list = MessageType.allCases.map { type in
            ["type": type.rawValue, "category": type.category.rawValue,
             "customized_locales": customized.filter { $0.type == type.rawValue }.map(\.locale).sorted().joined(separator: ",")]
        }
        let response = Response(status: .ok)
        try response.content.encode(["templates": list], as: .json)
        return response
    }

    @Sendable static func show(req: Request) async throws -> TemplateJSON {
        let (type, language) = try target(req)
        let own = try await book(req).find(type, locale: language)
        let template = own ?? req.application.services.messageTemplates.defaultTemplate(type, locale: language)
        return TemplateJSON(type: type.rawValue, locale: language, customized: own != nil,
                            subject: template.subject, html: template.html, text: template.text)
    }

    @Sendable static func update(req: Request) async throws -> TemplateJSON {
        let (type, language) = try target(req)
        let template = try req.content.decode(StoreTemplate.self)
        try await book(req).save(template, type: type, language: language)
        return TemplateJSON(type: type.rawValue, locale: language, customized: true,
                            subject: template.subject, html: template.html, text: template.text)
    }

    @Sendable static func delete(req: Request) async throws -> HTTPStatus {
        let (type, language) = try target(req)
        guard try await book(req).delete(type, language: language) else {
            throw APIError.notFound("A customized \(type.rawValue) template in '\(language)'")
        }
        return .noContent
    }

    /// Renders the saved (or default) template, or a draft sent in the body, on one of the store's orders.
    @Sendable static func preview(req: Request) async throws -> RenderedMessageJSON {
        let (type, language) = try target(req)
        let body = try req.content.decode(PreviewBody.self)
        let (_, rendered) = try await render(req, type: type, language: language, body: body)
        return RenderedMessageJSON(rendered)
    }

    /// Sends the rendered template now, to the store's support address or `to`; it is not a customer message.
    @Sendable static func test(req: Request) async throws -> Response {
        let (type, language) = try target(req)
        let body = req.body.data == nil ? PreviewBody() : try req.content.decode(PreviewBody.self)
        let store = try req.currentStore
        guard let address = body.to ?? store.supportEmail, EmailAddress.isPlausible(address) else {
            throw APIError.validation("Set the store's support_email or pass \"to\" with an email address.")
        }
        let (facts, rendered) = try await render(req, type: type, language: language, body: body)
        let app = req.application
        let id = app.world.uuid()
        var mail = MailComposer(fromAddress: app.services.config.mailFrom)
            .compose(rendered, facts: facts, messageID: MailComposer.messageID(id, site: app.siteURL),
                     to: MailAddress(name: nil, address: address))
        mail.subject = "[Test] " + mail.subject
        do {
            try await app.services.mailRoute.deliver(mail, storeID: store.requireID(), messageID: nil, on: req.db,
                                                     world: app.world) { _ in }
        } catch let error as MailError {
            throw APIError(status: .badGateway, code: "mail_server_error", message: "The mail server did not take the test: \(error)")
        }
        let response = Response(status: .accepted)
        try response.content.encode(["sent_to": address], as: .json)
        return response
    }

    private static func render(_ req: Request, type: MessageType, language: String,
                               body: PreviewBody) async throws -> (MessageFacts, RenderedMessage) {
        let store = try req.currentStore
        let storeID = try store.requireID()
        var draft = try await book(req).find(type, locale: language)
            ?? req.application.services.messageTemplates.defaultTemplate(type, locale: language)
        if let subject = body.subject { draft.subject = subject }
        if let html = body.html { draft.html = html }
        if let text = body.text { draft.text = text }
        do { try draft.validate() } catch {
            throw APIError(status: .unprocessableEntity, code: "template_invalid", message: error.message)
        }
        let order = try await sampleOrder(req, storeID: storeID, id: body.order_id)
        order.locale = language
        let app = req.application
        let shipments = try await ShipmentRecord.query(on: req.db).filter(\.$storeID == storeID)
            .filter(\.$orderID == order.requireID()).all().compactMap(\.id)
        let facts = try await MessageFactsLoader(database: req.db, world: app.world, storeID: storeID, site: app.siteURL)
            .load(type: type, order: order, shipmentIDs: shipments, substatus: nil)
        let rendered = app.services.messageTemplates.render(type, locale: language,
                                                            context: MessageContext.build(facts), override: draft)
        return (facts, rendered)
    }

    private static func sampleOrder(_ req: Request, storeID: UUID, id: UUID?) async throws -> OrderRecord {
        if let id { return try await req.application.orderBook(storeID: storeID).find(id) }
        guard let latest = try await OrderRecord.query(on: req.db).filter(\.$storeID == storeID)
            .sort(\.$placedAt, .descending).first() else {
            throw APIError.validation("Previews use one of your orders; create an order first or pass order_id.")
        }
        return latest
    }

    private static func target(_ req: Request) throws -> (MessageType, String) {
        guard let type = req.parameters.get("type").flatMap(MessageType.init(rawValue:)) else {
            throw APIError.notFound("That message type")
        }
        guard let locale = req.parameters.get("locale"), ["en", "es"].contains(locale) else {
            throw APIError.notFound("That language (use en or es)")
        }
        return (type, locale)
    }

    private static func book(_ req: Request) throws -> StoreTemplateBook {
        StoreTemplateBook(database: req.db, world: req.application.world, storeID: try req.currentStore.requireID())
    }
}

struct RenderedMessageJSON: Content {
    var subject: String
    var html: String
    var text: String

    init(_ rendered: RenderedMessage) {
        subject = rendered.subject
        html = rendered.html
        text = rendered.text
    }
}
