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
        let days = try await deliveriesByDay(sql, storeID: storeID, since: since)
        let median = try await medianDaysToDelivery(sql, storeID: storeID, since: since)
        return HomeFigures(orders: orders, parcelsByStatus: byStatus,
                           pageViewsPerOrder: orders == 0 ? 0 : Double(views) / Double(orders),
                           medianDaysToDelivery: median, deliveriesByDay: days)
    }

    /// Counted by the database per UTC day, so a busy month costs one indexed scan and thirty rows back.
    private static func deliveriesByDay(_ sql: SQLDatabase, storeID: UUID, since: Date) async throws -> [String: Int] {
        let day = sql.dialect.name == "postgresql"
            ? "FLOOR(EXTRACT(EPOCH FROM delivered_at) / 86400)::bigint" : "CAST(delivered_at / 86400 AS INTEGER)"
        let rows = try await sql.raw("""
            SELECT \(unsafeRaw: day) AS day, COUNT(*) AS parcels FROM shipments
            WHERE store_id = \(bind: storeID) AND delivered_at >= \(bind: since) GROUP BY 1
            """).all()
        return try rows.reduce(into: [:]) { days, row in
            let date = Date(timeIntervalSince1970: Double(try row.decode(column: "day", as: Int.self)) * 86_400)
            days[DeliveryWindow.dayString(date, .gmt), default: 0] += try row.decode(column: "parcels", as: Int.self)
        }
    }

    /// The median from an hour-by-hour histogram the database builds: exact to the hour, whatever the volume.
    private static func medianDaysToDelivery(_ sql: SQLDatabase, storeID: UUID, since: Date) async throws -> Double? {
        let hours = sql.dialect.name == "postgresql"
            ? "FLOOR(EXTRACT(EPOCH FROM (delivered_at - COALESCE(shipped_at, created_at))) / 3600)::bigint"
            : "CAST((delivered_at - COALESCE(shipped_at, created_at)) / 3600 AS INTEGER)"
        let rows = try await sql.raw("""
            SELECT \(unsafeRaw: hours) AS hours, COUNT(*) AS parcels FROM shipments
            WHERE store_id = \(bind: storeID) AND delivered_at >= \(bind: since) GROUP BY 1 ORDER BY 1
            """).all()
        let histogram = try rows.map { (hour: try $0.decode(column: "hours", as: Int.self), count: try $0.decode(column: "parcels", as: Int.self)) }
        return medianHour(histogram).map { ($0 + 0.5) / 24 }
    }

    static func medianHour(_ histogram: [(hour: Int, count: Int)]) -> Double? {
        let total = histogram.reduce(0) { $0 + $1.count }
        guard total > 0 else { return nil }
        var seen = 0
        for bucket in histogram {
            seen += bucket.count
            if seen * 2 >= total { return Double(max(0, bucket.hour)) }
        }
        return nil
    }

}
