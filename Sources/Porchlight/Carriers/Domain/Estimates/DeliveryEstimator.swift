import Foundation

/// Tuning for `DeliveryEstimator`. The defaults were tuned on synthetic stores of 2k–50k parcels
/// with early, late and long-tail deliveries (DeliveryEstimatorSimulationTests): held-out parcels
/// landed 91–93% inside windows of median width 2–3 calendar days. Coverage 0.90 cut that margin
/// to about 1 point; 0.92 pinned every median at 3 days; 20 samples widened small stores' windows.
struct EstimatorSettings: Sendable, Equatable {
    /// A history group narrower than this is too noisy to trust; the estimator tries a broader one.
    var minimumSamples = 15
    /// Share of a group's past deliveries the window must hold (see `TransitGroups.range`).
    var coverage = 0.91
    /// Business days to pack an order that has not shipped yet (the same day `DeliveryWindow.estimate` allows).
    var handlingDays = 1
    /// Longer transits are data errors or lost-and-found parcels, not something to promise.
    var maximumTransitDays = 30

    init(minimumSamples: Int = 15, coverage: Double = 0.91, handlingDays: Int = 1, maximumTransitDays: Int = 30) {
        self.minimumSamples = minimumSamples
        self.coverage = coverage
        self.handlingDays = handlingDays
        self.maximumTransitDays = maximumTransitDays
    }
}

/// Everything known about one shipment (or a not yet shipped order) when its window is estimated.
struct EstimateRequest: Sendable, Equatable {
    struct LastEvent: Sendable, Equatable {
        var status: ShipmentStatus
        var occurredAt: Date
    }

    var carrier: String?
    var service: String?
    var originRegion: String?
    var destinationRegion: String?
    /// nil while the order waits to be packed: the window then counts handling days from `placedAt`.
    var shippedAt: Date?
    var placedAt: Date
    /// The destination's zone.
    var timeZone: TimeZone
    var carrierEstimate: DeliveryWindow?
    var lastEvent: LastEvent?

    init(carrier: String? = nil, service: String? = nil, originRegion: String? = nil,
         destinationRegion: String? = nil, shippedAt: Date? = nil, placedAt: Date, timeZone: TimeZone,
         carrierEstimate: DeliveryWindow? = nil, lastEvent: LastEvent? = nil) {
        self.carrier = carrier
        self.service = service
        self.originRegion = originRegion
        self.destinationRegion = destinationRegion
        self.shippedAt = shippedAt
        self.placedAt = placedAt
        self.timeZone = timeZone
        self.carrierEstimate = carrierEstimate
        self.lastEvent = lastEvent
    }
}

enum EstimateSource: Sendable, Equatable {
    /// The store's own deliveries: how many were in the group the window came from.
    case history(sampleCount: Int)
    case carrier
    /// `DeliveryWindow.typicalTransitDays`, when neither history nor the carrier has anything.
    case defaults
    /// On the van: the window is that one day.
    case outForDelivery
}

struct Estimate: Sendable, Equatable {
    var window: DeliveryWindow
    var source: EstimateSource
}

/// Estimates a delivery window from the store's own delivered history, falling back to the
/// carrier's estimate and then to per-carrier defaults. Built once per store (grouping and
/// quantiles are computed up front), then cheap enough to call for every event of every shipment.
struct DeliveryEstimator: Sendable {
    let settings: EstimatorSettings
    private let groups: [TransitGroups.Key: TransitGroups.Range]

    init(history: [TransitSample], settings: EstimatorSettings = .init()) {
        self.settings = settings
        groups = TransitGroups.build(history, settings: settings)
    }

    /// nil once the parcel is delivered (or its tracking expired): there is nothing left to promise.
    /// Otherwise: out for delivery is that day; history when a group is big enough, merged with the
    /// carrier's estimate; then the carrier's estimate; then defaults. A window whose last day has
    /// passed is estimated again as if the parcel left now, so a page never shows a day that is over.
    func estimate(_ request: EstimateRequest, now: Date) -> Estimate? {
        let zone = request.timeZone
        let today = CalendarDay(now, in: zone)
        if let last = request.lastEvent {
            if last.status.isTerminal { return nil }
            if last.status == .outForDelivery {
                var day = CalendarDay(last.occurredAt, in: zone)
                // Still "out" on a later day means the van came back: the next business day is the best guess.
                if day < today { day = max(day.addingBusinessDays(1), today) }
                return Estimate(window: DeliveryWindow(earliest: day.string, latest: day.string), source: .outForDelivery)
            }
        }
        let carrierEstimate = request.carrierEstimate.flatMap { $0.remaining(from: today.string) }
        let start = request.shippedAt ?? request.placedAt
        let first = estimate(request, from: start, carrierEstimate: carrierEstimate)
        if let latest = CalendarDay(first.window.latest), latest >= today { return first }
        return estimate(request, from: now, carrierEstimate: nil)
    }

    private func estimate(_ request: EstimateRequest, from start: Date, carrierEstimate: DeliveryWindow?) -> Estimate {
        // Not shipped yet: the parcel leaves after packing, and that day's weekday picks the history group.
        let shipDay = CalendarDay(start, in: request.timeZone)
            .addingBusinessDays(request.shippedAt == nil ? settings.handlingDays : 0)
        if let range = history(for: request, weekday: shipDay.weekday) {
            let window = Self.window(shipDay, transit: range.low...range.high)
            return Estimate(window: Self.merge(history: window, carrier: carrierEstimate),
                            source: .history(sampleCount: range.count))
        }
        if let carrierEstimate { return Estimate(window: carrierEstimate, source: .carrier) }
        return Estimate(window: Self.window(shipDay, transit: Self.defaultTransit(request.carrier, request.service)),
                        source: .defaults)
    }

    /// The most specific group with enough samples.
    private func history(for request: EstimateRequest, weekday: Int) -> TransitGroups.Range? {
        for key in TransitGroups.keys(carrier: request.carrier, service: request.service, origin: request.originRegion,
                                      destination: request.destinationRegion, weekday: weekday) {
            if let range = groups[key], range.count >= settings.minimumSamples { return range }
        }
        return nil
    }

    /// The carrier may know about a delay our history cannot see (a missed connection, a scheduled
    /// date), and parcels rarely arrive before the carrier's own first day, so each end takes the
    /// later of the two. A carrier's optimism never pulls the promise earlier than history allows.
    static func merge(history: DeliveryWindow, carrier: DeliveryWindow?) -> DeliveryWindow {
        guard let carrier else { return history }
        return DeliveryWindow(earliest: max(history.earliest, carrier.earliest),
                              latest: max(history.latest, carrier.latest))
    }

    static func window(_ shipDay: CalendarDay, transit: ClosedRange<Int>) -> DeliveryWindow {
        DeliveryWindow(earliest: shipDay.addingBusinessDays(transit.lowerBound).string,
                       latest: shipDay.addingBusinessDays(transit.upperBound).string)
    }

    /// An express or overnight service is fast whatever the carrier, so the service is asked first.
    static func defaultTransit(_ carrier: String?, _ service: String?) -> ClosedRange<Int> {
        let express = DeliveryWindow.typicalTransitDays(carrier: "express")
        if let service, DeliveryWindow.typicalTransitDays(carrier: service) == express { return express }
        return DeliveryWindow.typicalTransitDays(carrier: carrier)
    }
}
