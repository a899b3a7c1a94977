import Foundation

/// How often carriers are asked about a parcel, and when silence means something.
/// Every number is a default an operator can override from configuration; missing keys keep the
/// default, so a config file only has to name what it changes.
struct PollingSettings: Sendable, Equatable, Codable {
    /// Out for delivery, or a moving parcel on a day it is due: the customer is watching and the
    /// "delivered" message is worth most in the first half hour.
    var outForDeliveryInterval: TimeInterval = 30 * 60
    /// A parcel between facilities gets a handful of scans a day; two hours catches each of them
    /// well before the customer would go and look.
    var inTransitInterval: TimeInterval = 2 * 3_600
    /// Label printed but not handed over: the first scan usually comes at the evening pickup,
    /// so four looks a day are plenty.
    var preTransitInterval: TimeInterval = 6 * 3_600
    /// Old labels that never moved and stalled parcels: something may still happen, but nobody
    /// is waiting for it by the hour.
    var slowInterval: TimeInterval = 12 * 3_600
    /// With a push webhook the carrier tells us; polling is only a net for lost webhooks.
    var pushSafetyNetInterval: TimeInterval = 24 * 3_600
    /// A label this old that has not moved is probably sitting on the merchant's shelf.
    var staleLabelAfterDays: Int = 3
    /// Local hours (customer's zone) in which the fast cadence applies. Nobody delivers at 3 a.m.,
    /// and the first morning scan is caught by the ordinary in-transit cadence.
    var fastPollingLocalHours: ClosedRange<Int> = 7...21
    /// ±fraction spread on every interval so shipments created together do not poll together.
    var jitter: Double = 0.10
    /// No carrier information at all this many days after the shipment was created: expired.
    var expireAfterDays: Int = 30
    /// Nothing from the carrier for this long (any status): stop polling. Carriers purge old
    /// numbers, so further calls only burn quota; a webhook or a manual event still updates it.
    var giveUpAfterDays: Int = 60
    /// Calendar days without a scan before a moving parcel counts as stalled. Four covers a
    /// weekend plus a quiet day, so an ordinary Friday-to-Monday gap is not a "delay".
    var defaultStallDays: Int = 4
    /// USPS often skips scans between hubs; DHL international sits in customs without scanning.
    var stallDaysByCarrier: [String: Int] = ["usps": 5, "dhl": 6]

    init() {}

    func stallDays(for carrier: String?) -> Int {
        guard let carrier else { return defaultStallDays }
        return stallDaysByCarrier[carrier.lowercased()] ?? defaultStallDays
    }

    static let standard = PollingSettings()

    private enum CodingKeys: String, CodingKey {
        case outForDeliveryInterval, inTransitInterval, preTransitInterval, slowInterval
        case pushSafetyNetInterval, staleLabelAfterDays, fastPollingLocalHours, jitter
        case expireAfterDays, giveUpAfterDays, defaultStallDays, stallDaysByCarrier
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try c.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        let d = PollingSettings()
        outForDeliveryInterval = try value(.outForDeliveryInterval, d.outForDeliveryInterval)
        inTransitInterval = try value(.inTransitInterval, d.inTransitInterval)
        preTransitInterval = try value(.preTransitInterval, d.preTransitInterval)
        slowInterval = try value(.slowInterval, d.slowInterval)
        pushSafetyNetInterval = try value(.pushSafetyNetInterval, d.pushSafetyNetInterval)
        staleLabelAfterDays = try value(.staleLabelAfterDays, d.staleLabelAfterDays)
        fastPollingLocalHours = try value(.fastPollingLocalHours, d.fastPollingLocalHours)
        jitter = try value(.jitter, d.jitter)
        expireAfterDays = try value(.expireAfterDays, d.expireAfterDays)
        giveUpAfterDays = try value(.giveUpAfterDays, d.giveUpAfterDays)
        defaultStallDays = try value(.defaultStallDays, d.defaultStallDays)
        stallDaysByCarrier = try value(.stallDaysByCarrier, d.stallDaysByCarrier)
    }
}
