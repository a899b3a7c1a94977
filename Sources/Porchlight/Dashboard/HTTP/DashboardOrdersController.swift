import Vapor

/// `/admin/orders`: search and filter, newest first; and one order's page.
enum DashboardOrdersController {
    @Sendable static func index(req: Request) async throws -> Response {
        let session = try req.dashboard
        let store = try await DashboardPage.store(req)
        let text = req.query[String.self, at: "q"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let statusText = req.query[String.self, at: "status"] ?? ""
        let status = ShipmentStatus(rawValue: statusText)
        let cursor = req.query[String.self, at: "after"].flatMap(OrderCursor.init(token:))
        let page = try await DashboardQueries(database: req.db, storeID: session.storeID)
            .orders(matching: text.isEmpty ? nil : text, status: status, after: cursor)
        var context: [String: Any] = [
            "q": text,
            "statuses": ShipmentStatus.allCases.map { ["value": $0.rawValue, "label": StatusLabels.text($0), "selected": $0 == status] },
            "orders": page.rows.map { row in
                BrandContext.compact([
                    "url": "/admin/orders/\(row.id.uuidString.lowercased())", "number": row.orderNumber,
                    "customer": row.customerName ?? row.email, "email": row.email,
                    "status": ShipmentStatus(rawValue: row.status).map(StatusLabels.text) ?? row.status,
                    "problem": ShipmentStatus(rawValue: row.status)?.needsAttention ?? false,
                    "state": row.state == OrderState.open.rawValue ? nil : row.state.capitalized,
                    "placed": row.placedAt.formatted(.iso8601.year().month().day()),
                ])
            },
            "none": page.rows.isEmpty,
            "searched": !text.isEmpty || status != nil,
        ]
        if let next = page.next { context["next_url"] = listURL(text, statusText, after: next.token) }
        if cursor != nil { context["first_url"] = listURL(text, statusText, after: nil) }
        return try DashboardPage.render(req, "admin/orders", title: "Orders", section: .orders, store: store, context)
    }

    private static func listURL(_ text: String, _ status: String, after: String?) -> String {
        var components = URLComponents()
        components.queryItems = [URLQueryItem(name: "q", value: text), URLQueryItem(name: "status", value: status)]
            + (after.map { [URLQueryItem(name: "after", value: $0)] } ?? [])
        return "/admin/orders?" + (components.percentEncodedQuery ?? "")
    }
}
