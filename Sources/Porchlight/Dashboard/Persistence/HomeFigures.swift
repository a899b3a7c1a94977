import Fluent
import Foundation
import SQLKit

/// The dashboard home's figures for one store over a recent period.
struct HomeFigures: Sendable {
    var orders: Int
    var parcelsByStatus: [(status: ShipmentStatus, count: Int)]
    var pageViewsPerOrder: Double
    var medianDaysToDelivery: Double?
    /// UTC day ("YYYY-MM-DD") → parcels delivered that day.
    var deliveriesByDay: [String: Int]

    static func load(on database: Database, storeID: UUID, since: Date) async throws -> HomeFigures {
        let sql = database.sql
        let orderRow = try await sql.raw("""
            SELECT COUNT(*) AS orders, CAST(COALESCE(SUM(page_views), 0) AS BIGINT) AS views FROM orders
            WHERE store_id = \(bind: storeID) AND placed_at >= \(bind: since)
            """).first()
        let orders = try orderRow?.decode(column: "orders", as: Int.self) ?? 0
        let views = try orderRow?.decode(column: "views", as: Int.self) ?? 0
        let statusRows = try await sql.raw("""
            SELECT status, COUNT(*) AS parcels FROM shipments
            WHERE store_id = \(bind: storeID) AND created_at >= \(bind: since) GROUP BY status
            """).all()
        let byStatus = try statusRows.compactMap { row -> (ShipmentStatus, Int)? in
            guard let status = ShipmentStatus(rawValue: try row.decode(column: "status", as: String.self)) else { return nil }
            return (status, try row.decode(column: "parcels", as: Int.self))
        }.sorted { $0.0.progressStep < $1.0.progressStep }
        let delivered = try await ShipmentRecord.query(on: database)
            .filter(\.$storeID == storeID).filter(\.$deliveredAt >= since)
            .field(\.$deliveredAt).field(\.$shippedAt).field(\.$createdAt).limit(100_000).all()
        var days: [String: Int] = [:]
        var spans: [Double] = []
        for parcel in delivered {
            guard let deliveredAt = parcel.deliveredAt else { continue }
            days[Self.utcDay(deliveredAt), default: 0] += 1
            spans.append(deliveredAt.timeIntervalSince(parcel.shippedAt ?? parcel.createdAt) / 86_400)
        }
        return HomeFigures(orders: orders, parcelsByStatus: byStatus,
                           pageViewsPerOrder: orders == 0 ? 0 : Double(views) / Double(orders),
                           medianDaysToDelivery: Self.median(spans), deliveriesByDay: days)
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    static func utcDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
