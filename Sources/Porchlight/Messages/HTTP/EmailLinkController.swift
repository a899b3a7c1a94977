import Fluent
import Vapor

/// The pages behind links in emails: unsubscribing (RFC 8058 one-click included) and one-click ratings.
/// The private tracking token in the link is the credential, as it is for the tracking page.
enum EmailLinkController {
    struct UnsubscribeForm: Content {
        var c: String?
    }

    struct ReviewForm: Content {
        var item: String?
        var stars: Int?
        var sig: String?
        var comment: String?
    }

    @Sendable static func unsubscribePage(req: Request) async throws -> Response {
        let (order, store) = try await orderAndStore(req)
        let category = try category(req.query[String.self, at: "c"])
        let copy = CustomerNoteCopy(language: LocaleChoice.language(order.locale))
        return note(req, order: order, store: store, title: copy.unsubscribeQuestion(store.name),
                    paragraphs: [copy.unsubscribeExplain(category)],
                    form: ["action": SitePath.unsubscribe(token: order.trackingToken, category: category).path,
                           "button": copy.unsubscribeButton])
    }

    /// Mail providers post `List-Unsubscribe=One-Click` here; the page's own button posts the same way.
    @Sendable static func unsubscribe(req: Request) async throws -> Response {
        let (order, store) = try await orderAndStore(req)
        let category = try category(req.query[String.self, at: "c"] ?? (try? req.content.decode(UnsubscribeForm.self))?.c)
        let world = req.application.world
        try await req.db.sql.raw("""
            INSERT INTO unsubscribes (id, created_at, email_normalized, category, store_id)
            VALUES (\(bind: world.uuid()), \(bind: world.now()), \(bind: order.emailNormalized),
                    \(bind: category.rawValue), \(bind: order.storeID))
            ON CONFLICT (store_id, email_normalized, category) DO NOTHING
            """).run()
        let copy = CustomerNoteCopy(language: LocaleChoice.language(order.locale))
        return note(req, order: order, store: store, title: copy.unsubscribedTitle,
                    paragraphs: [copy.unsubscribedBody(category)], form: nil)
    }

    @Sendable static func rate(req: Request) async throws -> Response {
        let (order, store) = try await orderAndStore(req)
        let form = try req.query.decode(ReviewForm.self)
        let (line, stars) = try await verifiedRating(req, order: order, form: form)
        let world = req.application.world
        let key = ReviewLinks.productKey(sku: line.sku, title: line.title)
        let existing = try await ReviewRecord.query(on: req.db).filter(\.$storeID == order.storeID)
            .filter(\.$orderID == order.requireID()).filter(\.$productKey == key).first()
        let review = existing ?? ReviewRecord()
        if existing == nil {
            review.id = world.uuid()
            review.createdAt = world.now()
            review.storeID = order.storeID
            review.orderID = try order.requireID()
            review.productKey = key
            review.productTitle = line.title
        }
        review.stars = stars
        review.updatedAt = world.now()
        try await review.save(on: req.db)
        let copy = CustomerNoteCopy(language: LocaleChoice.language(order.locale))
        let hidden = [["name": "item", "value": key], ["name": "stars", "value": String(stars)],
                      ["name": "sig", "value": form.sig ?? ""]]
        return note(req, order: order, store: store, title: copy.ratingTitle,
                    paragraphs: [copy.ratingBody(stars, product: line.title)],
                    form: ["action": SitePath.review(token: order.trackingToken).path, "hidden": hidden,
                           "comment_label": copy.commentLabel, "button": copy.commentButton])
    }

    @Sendable static func comment(req: Request) async throws -> Response {
        let (order, store) = try await orderAndStore(req)
        let form = try req.content.decode(ReviewForm.self)
        let (line, _) = try await verifiedRating(req, order: order, form: form)
        let comment = form.comment?.trimmingCharacters(in: .whitespacesAndNewlines).prefix(2_000)
        if let comment, !comment.isEmpty {
            try await ReviewRecord.query(on: req.db).filter(\.$storeID == order.storeID)
                .filter(\.$orderID == order.requireID())
                .filter(\.$productKey == ReviewLinks.productKey(sku: line.sku, title: line.title))
                .set(\.$comment, to: String(comment)).set(\.$updatedAt, to: req.application.world.now()).update()
        }
        let copy = CustomerNoteCopy(language: LocaleChoice.language(order.locale))
        return note(req, order: order, store: store, title: copy.commentThanks, paragraphs: [], form: nil)
    }

    private static func verifiedRating(_ req: Request, order: OrderRecord, form: ReviewForm) async throws -> (LineItemRecord, Int) {
        guard let item = form.item, let stars = form.stars, (1...5).contains(stars), let sig = form.sig else {
            throw APIError.badRequest("This rating link is incomplete.")
        }
        let key = try await MessageSettingsBook(database: req.db, world: req.application.world, storeID: order.storeID).load().signingKey
        guard ReviewLinks(signingKey: key, site: req.application.siteURL)
            .isValid(sig, token: order.trackingToken, productKey: item, stars: stars) else {
            throw APIError(status: .forbidden, code: "bad_signature", message: "This rating link is not valid.")
        }
        let lines = try await LineItemRecord.query(on: req.db).filter(\.$storeID == order.storeID)
            .filter(\.$orderID == order.requireID()).all()
        guard let line = lines.first(where: { ReviewLinks.productKey(sku: $0.sku, title: $0.title) == item }) else {
            throw APIError.notFound("That product")
        }
        return (line, stars)
    }

    private static func category(_ raw: String?) throws -> MessageCategory {
        guard let raw, let category = MessageCategory(rawValue: raw), category != .transactional else {
            throw APIError.badRequest("Say which emails to stop: c=shipping or c=followup.")
        }
        return category
    }

    private static func orderAndStore(_ req: Request) async throws -> (OrderRecord, StoreRecord) {
        guard let token = req.parameters.get("token"), SecureToken.looksLikeTrackingToken(token),
              let order = try await OrderRecord.query(on: req.db).filter(\.$trackingToken == token).first(),
              let store = try await StoreRecord.query(on: req.db).filter(\.$id == order.storeID).first() else {
            throw Abort(.notFound)
        }
        return (order, store)
    }

    private static func note(_ req: Request, order: OrderRecord, store: StoreRecord, title: String,
                             paragraphs: [String], form: [String: Any]?) -> Response {
        let copy = CustomerNoteCopy(language: LocaleChoice.language(order.locale))
        var context: [String: Any] = [
            "lang": LocaleChoice.language(order.locale), "title": title, "paragraphs": paragraphs,
            "store": BrandContext.store(store), "theme": BrandContext.theme(store.branding),
            "link": ["url": SitePath.tracking(token: order.trackingToken).path, "label": copy.viewOrder],
        ]
        if let form { context["form"] = form }
        return req.application.pages.page("note", context, request: req)
    }
}
