import Foundation

/// The history grouped from most to least specific, with each group's transit quantiles
/// computed once so an estimate is a handful of dictionary look-ups.
enum TransitGroups {
    /// One group. Fields a level ignores are nil, so a sample lands in one group per level.
    struct Key: Hashable, Sendable {
        var level: UInt8
        var carrier: String
        var service: String?
        var origin: String?
        var destination: String?
        var weekday: Int?
    }

    struct Range: Sendable, Equatable {
        var count: Int
        var low: Int
        var high: Int
    }

    /// Most specific first: the same lane (carrier, service, origin, destination) on the same weekday,
    /// the lane on any day, the service to that destination from anywhere, the service anywhere,
    /// the carrier anywhere. The lane level matters: a store shipping from two warehouses has two
    /// transit times to each destination, and mixing them would widen every window. A level that needs a field the parcel lacks is skipped.
    static func keys(carrier: String?, service: String?, origin: String?, destination: String?,
                     weekday: Int) -> [Key] {
        guard let carrier = normal(carrier) else { return [] }
        var keys: [Key] = []
        if let service = normal(service) {
            let destination = normal(destination)
            if let destination, let origin = normal(origin) {
                keys.append(Key(level: 0, carrier: carrier, service: service, origin: origin,
                                destination: destination, weekday: weekday))
                keys.append(Key(level: 1, carrier: carrier, service: service, origin: origin, destination: destination))
            }
            if let destination {
                keys.append(Key(level: 2, carrier: carrier, service: service, destination: destination))
            }
            keys.append(Key(level: 3, carrier: carrier, service: service))
        }
        keys.append(Key(level: 4, carrier: carrier))
        return keys
    }

    static func build(_ history: [TransitSample], settings: EstimatorSettings) -> [Key: Range] {
        var transits: [Key: [Int]] = [:]
        for sample in history {
            let shipped = CalendarDay(sample.shippedAt, in: sample.timeZone)
            let transit = shipped.businessDays(to: CalendarDay(sample.deliveredAt, in: sample.timeZone))
            guard sample.deliveredAt >= sample.shippedAt, transit <= settings.maximumTransitDays else { continue }
            for key in keys(carrier: sample.carrier, service: sample.service, origin: sample.originRegion,
                            destination: sample.destinationRegion, weekday: shipped.weekday) {
                transits[key, default: []].append(transit)
            }
        }
        return transits.mapValues { range(sorted: $0.sorted(), settings: settings) }
    }

    /// The shortest run of transit days holding at least `coverage` of the group: a pair of empirical
    /// quantiles, split between the ends wherever that makes the window narrowest. Parcels are skewed
    /// late (a few early, a long late tail), so a fixed 5th–95th split would waste a day on the early side.
    /// Equally short runs are broken by the larger share, then the earlier days.
    static func range(sorted: [Int], settings: EstimatorSettings) -> Range {
        let n = sorted.count
        var days: [Int] = [], counts: [Int] = []
        for transit in sorted {
            if days.last == transit { counts[counts.count - 1] += 1 } else { days.append(transit); counts.append(1) }
        }
        let needed = Int((settings.coverage * Double(n) - 1e-9).rounded(.up))
        var best = Range(count: n, low: days[0], high: days[days.count - 1]), bestInside = n
        for first in days.indices {
            var inside = 0
            for last in first..<days.count {
                inside += counts[last]
                guard inside >= needed else { continue }
                let width = days[last] - days[first], bestWidth = best.high - best.low
                if width < bestWidth || (width == bestWidth && inside > bestInside) {
                    best = Range(count: n, low: days[first], high: days[last])
                    bestInside = inside
                }
                break
            }
        }
        return best
    }

    private static func normal(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased(), !text.isEmpty
        else { return nil }
        return text
    }
}
