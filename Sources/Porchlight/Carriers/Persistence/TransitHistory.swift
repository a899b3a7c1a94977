import Fluent
import Foundation
import SQLKit

/// A store's delivered parcels as estimator samples, and the estimators built from them, kept for an hour
/// so a busy store builds one about hourly rather than per event.
actor EstimatorCache {
    private var built: [UUID: (estimator: DeliveryEstimator, at: Date)] = [:]
    private let lifetime: TimeInterval

    init(lifetime: TimeInterval = 3_600) {
        self.lifetime = lifetime
    }

    func estimator(storeID: UUID, now: Date, load: @Sendable () async throws -> [TransitSample]) async throws -> DeliveryEstimator {
        if let cached = built[storeID], now.timeIntervalSince(cached.at) < lifetime { return cached.estimator }
        let estimator = DeliveryEstimator(history: try await load())
        built[storeID] = (estimator, now)
        return estimator
    }
}

enum TransitHistory {
    /// The last 180 days of deliveries, newest 50,000 at most: recent enough to reflect today's carriers.
    static func samples(storeID: UUID, now: Date, on database: Database) async throws -> [TransitSample] {
        let rows = try await database.sql.raw("""
            SELECT s.carrier_code, s.service, s.shipped_at, s.delivered_at, o.time_zone,
                   \(database.isPostgres ? "o.shipping_address::text" : "o.shipping_address") AS shipping_address
            FROM shipments s JOIN orders o ON o.id = s.order_id AND o.store_id = s.store_id
            WHERE s.store_id = \(bind: storeID) AND s.status = 'Delivered' AND s.shipped_at IS NOT NULL
              AND s.delivered_at IS NOT NULL AND s.carrier_code IS NOT NULL
              AND s.delivered_at > \(bind: now.addingTimeInterval(-180 * 86_400))
            ORDER BY s.delivered_at DESC LIMIT 50000
            """).all()
        return rows.compactMap { row in
            guard let carrier = try? row.decode(column: "carrier_code", as: String.self),
                  let shipped = try? row.decode(column: "shipped_at", as: Date.self),
                  let delivered = try? row.decode(column: "delivered_at", as: Date.self) else { return nil }
            let zone = (try? row.decode(column: "time_zone", as: String.self)).flatMap(TimeZone.init(identifier:))
            let address = (try? row.decode(column: "shipping_address", as: String?.self)).flatMap { $0 }
                .flatMap { try? JSONDecoder().decode(PostalAddress.self, from: Data($0.utf8)) }
            return TransitSample(carrier: carrier, service: try? row.decode(column: "service", as: String?.self),
                                 originRegion: nil, destinationRegion: TransitSample.region(of: address),
                                 shippedAt: shipped, deliveredAt: delivered, timeZone: zone ?? TimeZone(identifier: "UTC")!)
        }
    }
}
