import Fluent
import Foundation
import SQLKit

/// The dashboard's reads. Each is one or two indexed queries scoped to the store, so pages stay fast
/// however many orders the store has.
struct DashboardQueries: Sendable {
    let database: Database
    let storeID: UUID

    struct OrderRow: Sendable {
        var id: UUID
        var orderNumber: String
        var customerName: String?
        var email: String
        var status: String
        var state: String
        var placedAt: Date
    }

    struct Page: Sendable {
        var rows: [OrderRow]
        /// Where the next page starts, when there is one.
        var next: OrderCursor?
    }

    /// Searches matching at most this many orders are fetched by id; SQLite's limit on bound values is far above it.
    static let narrowSearch = 500

    private func orderIDs(matching term: String, limit: Int) async throws -> [UUID] {
        try await database.sql.raw(SQLQueryString("SELECT DISTINCT order_id ") + termsStartingWith(term)
            + SQLQueryString(" LIMIT \(unsafeRaw: String(limit))"))
            .all().map { try $0.decode(column: "order_id", as: UUID.self) }
    }

    /// The prefix match on one index that every search uses.
    private func termsStartingWith(_ term: String) -> SQLQueryString {
        "FROM order_search_terms WHERE store_id = \(bind: storeID) AND term >= \(bind: term) AND term < \(bind: SearchTerms.upperBound(term))"
    }

    /// Newest first, a page at a time. Pages continue from a cursor rather than an offset, so page 5,000
    /// costs what page 1 costs.
    func orders(matching text: String?, status: ShipmentStatus?, after cursor: OrderCursor?, limit: Int = 50) async throws -> Page {
        var sql = SQLQueryString("""
            SELECT id, order_number, customer_name, email, status, state, placed_at FROM orders
            WHERE store_id = \(bind: storeID)
            """)
        if let term = text.flatMap(SearchTerms.query) {
            // A narrow search (an order number, an email) is answered from the few orders it names; a broad one
            // (a common surname) from the newest orders, most of which match. Either way only one index is walked far.
            let matches = try await orderIDs(matching: term, limit: Self.narrowSearch + 1)
            if matches.count <= Self.narrowSearch {
                guard !matches.isEmpty else { return Page(rows: [], next: nil) }
                sql.appendInterpolation(unsafeRaw: " AND id IN (")
                sql.appendInterpolation(binds: matches)
                sql.appendInterpolation(unsafeRaw: ")")
            } else {
                sql += SQLQueryString(" AND id IN (SELECT order_id ") + termsStartingWith(term) + SQLQueryString(")")
            }
        }
        if let status {
            sql.appendInterpolation(unsafeRaw: " AND status = ")
            sql.appendInterpolation(bind: status.rawValue)
        }
        if let cursor {
            sql.appendInterpolation(unsafeRaw: " AND (placed_at < ")
            sql.appendInterpolation(bind: cursor.placedAt)
            sql.appendInterpolation(unsafeRaw: " OR (placed_at = ")
            sql.appendInterpolation(bind: cursor.placedAt)
            sql.appendInterpolation(unsafeRaw: " AND id < ")
            sql.appendInterpolation(bind: cursor.id)
            sql.appendInterpolation(unsafeRaw: "))")
        }
        sql.appendInterpolation(unsafeRaw: " ORDER BY placed_at DESC, id DESC LIMIT \(limit + 1)")
        let rows = try await database.sql.raw(sql).all().map { row in
            OrderRow(id: try row.decode(column: "id", as: UUID.self),
                     orderNumber: try row.decode(column: "order_number", as: String.self),
                     customerName: try row.decode(column: "customer_name", as: String?.self),
                     email: try row.decode(column: "email", as: String.self),
                     status: try row.decode(column: "status", as: String.self),
                     state: try row.decode(column: "state", as: String.self),
                     placedAt: try row.decode(column: "placed_at", as: Date.self))
        }
        let shown = Array(rows.prefix(limit))
        let next = rows.count > limit ? shown.last.map { OrderCursor(placedAt: $0.placedAt, id: $0.id) } : nil
        return Page(rows: shown, next: next)
    }
}

/// A position in the newest-first order list: the last row of the page before.
struct OrderCursor: Sendable, Equatable {
    var placedAt: Date
    var id: UUID

    /// The time's exact bits: a rounded time would skip rows placed in the same second, common in imports.
    var token: String { String(placedAt.timeIntervalSince1970.bitPattern, radix: 16) + "_" + id.uuidString.lowercased() }

    init(placedAt: Date, id: UUID) {
        self.placedAt = placedAt
        self.id = id
    }

    init?(token: String) {
        let parts = token.split(separator: "_")
        guard parts.count == 2, let bits = UInt64(parts[0], radix: 16), let id = UUID(uuidString: String(parts[1])) else { return nil }
        self.init(placedAt: Date(timeIntervalSince1970: Double(bitPattern: bits)), id: id)
    }
}
