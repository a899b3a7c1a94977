import Foundation

/// How one store wants its customers looked after. Everything is on by default with calm timings.
struct MessageSettings: Codable, Sendable, Equatable {
    var disabled: [MessageType] = []
    var reassuranceAfterHours = 36
    var checkInAfterDays = 2
    var reviewAfterDays = 4
    /// Status messages for several parcels of one order within this many minutes become one message.
    var coalesceMinutes = 5
    /// Local hours in the customer's time zone during which messages wait; nil sends at any hour.
    var quietHours: QuietHours? = QuietHours(start: 21, end: 8)
    /// At most one follow-up per customer within this many hours.
    var followUpCapHours = 24
    /// Days until a customer is likely to run low, by SKU ("sku:BEAN-1") or product type ("coffee").
    var replenishmentDays: [String: Int] = [:]
    /// Reassurance content by product type; `default` overrides the built-in generic tips.
    var tips: [String: ProductTips] = [:]
    var shopURL: String?
    /// The display name on the From line; the store's name when absent.
    var senderName: String?

    enum CodingKeys: String, CodingKey {
        case disabled, tips
        case reassuranceAfterHours = "reassurance_after_hours", checkInAfterDays = "check_in_after_days"
        case reviewAfterDays = "review_after_days", coalesceMinutes = "coalesce_minutes"
        case quietHours = "quiet_hours", followUpCapHours = "follow_up_cap_hours"
        case replenishmentDays = "replenishment_days", shopURL = "shop_url", senderName = "sender_name"
    }

    func isEnabled(_ type: MessageType) -> Bool { !disabled.contains(type) }

    func validate() throws(TrackingError) {
        guard (24...48).contains(reassuranceAfterHours) else { throw .invalid("reassurance_after_hours must be 24 to 48.") }
        guard (1...7).contains(checkInAfterDays) else { throw .invalid("check_in_after_days must be 1 to 7.") }
        guard (3...5).contains(reviewAfterDays) else { throw .invalid("review_after_days must be 3 to 5.") }
        guard (0...60).contains(coalesceMinutes) else { throw .invalid("coalesce_minutes must be 0 to 60.") }
        guard (0...168).contains(followUpCapHours) else { throw .invalid("follow_up_cap_hours must be 0 to 168.") }
        if let quietHours, !(0...23).contains(quietHours.start) || !(0...23).contains(quietHours.end) {
            throw .invalid("quiet_hours.start and quiet_hours.end must be hours from 0 to 23.")
        }
        if let bad = replenishmentDays.first(where: { !(1...365).contains($0.value) }) {
            throw .invalid("replenishment_days[\"\(bad.key)\"] must be 1 to 365 days.")
        }
        if let shopURL, !(shopURL.hasPrefix("https://") || shopURL.hasPrefix("http://")) {
            throw .invalid("shop_url must be an http(s) URL.")
        }
    }

    /// Days until a consumable in the order runs low: the soonest of its SKUs and product types.
    func replenishment(skus: [String], productTypes: [String]) -> Int? {
        let lowered = Dictionary(replenishmentDays.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: min)
        let bySKU = skus.compactMap { lowered["sku:" + $0.lowercased()] }
        let byType = productTypes.compactMap { lowered[$0.lowercased()] }
        return (bySKU + byType).min()
    }
}

struct QuietHours: Codable, Sendable, Equatable {
    var start: Int
    var end: Int

    func contains(hour: Int) -> Bool {
        start == end ? false : start < end ? (start..<end).contains(hour) : hour >= start || hour < end
    }
}

struct ProductTips: Codable, Sendable, Equatable {
    var heading: String
    var paragraphs: [String]
}

extension MessageSettings {
    /// Every field is optional in a request; what is left out keeps its default.
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = MessageSettings()
        disabled = try c.decodeIfPresent([MessageType].self, forKey: .disabled) ?? defaults.disabled
        reassuranceAfterHours = try c.decodeIfPresent(Int.self, forKey: .reassuranceAfterHours) ?? defaults.reassuranceAfterHours
        checkInAfterDays = try c.decodeIfPresent(Int.self, forKey: .checkInAfterDays) ?? defaults.checkInAfterDays
        reviewAfterDays = try c.decodeIfPresent(Int.self, forKey: .reviewAfterDays) ?? defaults.reviewAfterDays
        coalesceMinutes = try c.decodeIfPresent(Int.self, forKey: .coalesceMinutes) ?? defaults.coalesceMinutes
        quietHours = c.contains(.quietHours) ? try c.decodeIfPresent(QuietHours.self, forKey: .quietHours) : defaults.quietHours
        followUpCapHours = try c.decodeIfPresent(Int.self, forKey: .followUpCapHours) ?? defaults.followUpCapHours
        replenishmentDays = try c.decodeIfPresent([String: Int].self, forKey: .replenishmentDays) ?? defaults.replenishmentDays
        tips = try c.decodeIfPresent([String: ProductTips].self, forKey: .tips) ?? defaults.tips
        shopURL = try c.decodeIfPresent(String.self, forKey: .shopURL)
        senderName = try c.decodeIfPresent(String.self, forKey: .senderName)
    }

    /// Writes `quiet_hours: null` rather than leaving it out, so "no quiet hours" survives a round trip
    /// instead of turning back into the default.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(disabled, forKey: .disabled)
        try c.encode(reassuranceAfterHours, forKey: .reassuranceAfterHours)
        try c.encode(checkInAfterDays, forKey: .checkInAfterDays)
        try c.encode(reviewAfterDays, forKey: .reviewAfterDays)
        try c.encode(coalesceMinutes, forKey: .coalesceMinutes)
        try c.encode(quietHours, forKey: .quietHours)
        try c.encode(followUpCapHours, forKey: .followUpCapHours)
        try c.encode(replenishmentDays, forKey: .replenishmentDays)
        try c.encode(tips, forKey: .tips)
        try c.encodeIfPresent(shopURL, forKey: .shopURL)
        try c.encodeIfPresent(senderName, forKey: .senderName)
    }
}
