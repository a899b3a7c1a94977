import Fluent
import Vapor

extension OrderController {
    struct IndexQuery: Content {
        var status: String?
        var page: Int?
        var per_page: Int?
    }

    struct Page: Content {
        var data: [OrderJSON]
        var page: Int
        var per_page: Int
        var total: Int
    }

    /// Newest first. Events are left out of list entries; fetch one order for its timeline.
    @Sendable static func index(req: Request) async throws -> Page {
        let store = try req.currentStore
        let query = try req.query.decode(IndexQuery.self)
        let page = query.page ?? 1
        let perPage = query.per_page ?? 50
        // Bounding page keeps the offset arithmetic far from overflow.
        guard (1...1_000_000).contains(page), (1...200).contains(perPage) else {
            throw APIError.validation("page must be between 1 and 1000000 and per_page between 1 and 200.")
        }
        let storeID = try store.requireID()
        var orders = OrderRecord.query(on: req.db).filter(\.$storeID == storeID)
        if let status = query.status {
            guard ShipmentStatus(rawValue: status) != nil else {
                throw APIError(status: .unprocessableEntity, code: "unknown_status",
                               message: "Unknown status '\(status)'.")
            }
            orders = orders.filter(\.$status == status)
        }
        let total = try await orders.copy().count()
        let records = try await orders.sort(\.$placedAt, .descending).sort(\.$id)
            .range((page - 1) * perPage ..< page * perPage).all()
        let loaded = try await TrackingReader(database: req.db).load(orders: records, storeID: storeID, includeEvents: false)
        let data = loaded.map { OrderJSON($0, site: req.application.siteURL, includeEvents: false) }
        return Page(data: data, page: page, per_page: perPage, total: total)
    }
}
