import Vapor

/// `/admin`: the last 30 days at a glance, and what needs attention now.
enum HomeController {
    static let period: TimeInterval = 30 * 86_400

    @Sendable static func show(req: Request) async throws -> Response {
        let session = try req.dashboard
        let store = try await DashboardPage.store(req)
        let now = req.application.world.now()
        let since = now.addingTimeInterval(-period)
        let figures = try await HomeFigures.load(on: req.db, storeID: session.storeID, since: since)
        let attention = try await AttentionFinder(database: req.db, storeID: session.storeID).items(now: now, limit: 5)
        let days = DeliveriesChart.lastDays(30, endingAt: now, counts: figures.deliveriesByDay)
        let context: [String: Any] = [
            "orders": figures.orders,
            "statuses": figures.parcelsByStatus.map { ["label": StatusLabels.text($0.status), "count": $0.count] },
            "views_per_order": String(format: "%.1f", figures.pageViewsPerOrder),
            "median_days": figures.medianDaysToDelivery.map { String(format: "%.1f days", $0) } ?? "No deliveries yet",
            "chart": DeliveriesChart.svg(days: days),
            "attention": attention.map(AttentionController.row),
            "attention_more": attention.count == 5,
            "has_attention": !attention.isEmpty,
            "has_statuses": !figures.parcelsByStatus.isEmpty,
            "new_store": figures.orders == 0,
        ]
        return try DashboardPage.render(req, "admin/home", title: "Home", section: .home, store: store, context)
    }
}

/// Status names as a merchant says them.
enum StatusLabels {
    static func text(_ status: ShipmentStatus) -> String {
        switch status {
        case .pending: "Not shipped yet"
        case .infoReceived: "Label created"
        case .inTransit: "In transit"
        case .outForDelivery: "Out for delivery"
        case .attemptFail: "Delivery attempt failed"
        case .availableForPickup: "Waiting at pickup point"
        case .delivered: "Delivered"
        case .exception: "Exception"
        case .expired: "No tracking updates"
        }
    }
}
