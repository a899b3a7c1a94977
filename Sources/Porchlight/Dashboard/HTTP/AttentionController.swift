import Vapor

/// `/admin/attention`: only the parcels that need the merchant, each with why and what to do.
enum AttentionController {
    @Sendable static func index(req: Request) async throws -> Response {
        let session = try req.dashboard
        let store = try await DashboardPage.store(req)
        let items = try await AttentionFinder(database: req.db, storeID: session.storeID)
            .items(now: req.application.world.now())
        return try DashboardPage.render(req, "admin/attention", title: "Needs attention", section: .attention, store: store,
                                        ["items": items.map(row), "count": items.count, "none": items.isEmpty])
    }

    static func row(_ found: AttentionFinder.Item) -> [String: Any] {
        BrandContext.compact([
            "order_url": "/admin/orders/\(found.orderID.uuidString.lowercased())",
            "order_number": found.orderNumber,
            "customer": found.customerName,
            "tracking_number": found.trackingNumber,
            "carrier": found.carrier,
            "kind": found.item.kind.title,
            "reason": found.item.reason,
            "action": found.item.action,
        ])
    }
}
