import Foundation

/// One status for a whole order, built from its shipments' statuses.
struct OrderStatusSummary: Sendable, Equatable {
    var status: ShipmentStatus
    var totalParcels: Int
    var deliveredParcels: Int

    /// Rules, and why:
    /// - No shipments: Pending (the store has not shipped anything yet).
    /// - Every shipment delivered: Delivered.
    /// - Any shipment needing attention wins, Exception before AttemptFail before
    ///   Expired, because a problem is what the customer most needs to hear about,
    ///   even when other parcels already arrived.
    /// - Otherwise the least advanced undelivered shipment's status, so the customer is
    ///   told about the parcel still travelling rather than the one nearly there.
    static func summarize(_ shipmentStatuses: [ShipmentStatus]) -> OrderStatusSummary {
        let delivered = shipmentStatuses.filter { $0 == .delivered }.count
        let summary = { (status: ShipmentStatus) in
            OrderStatusSummary(
                status: status, totalParcels: shipmentStatuses.count, deliveredParcels: delivered)
        }
        if shipmentStatuses.isEmpty { return summary(.pending) }
        if delivered == shipmentStatuses.count { return summary(.delivered) }
        for problem in [ShipmentStatus.exception, .attemptFail, .expired]
        where shipmentStatuses.contains(problem) {
            return summary(problem)
        }
        // Ties on the same step (OutForDelivery vs AvailableForPickup) fall back to
        // declaration order, so the result never depends on shipment order.
        let rank = { (status: ShipmentStatus) in
            (status.progressStep, ShipmentStatus.allCases.firstIndex(of: status) ?? 0)
        }
        let leastAdvanced = shipmentStatuses
            .filter { $0 != .delivered }
            .min { rank($0) < rank($1) } ?? .pending
        return summary(leastAdvanced)
    }

    /// Short customer-facing line, e.g. "2 of 3 parcels delivered" or "1 paquete en camino".
    /// Locale handling and per-status labels come from `LocaleChoice` and `TrackingCopy`,
    /// so the summary and the tracking page always speak the same words.
    func phrase(locale: String) -> String {
        let language = LocaleChoice.language(locale)
        let spanish = language == "es"
        let travelling = totalParcels - deliveredParcels

        // No parcels yet, or a problem: name the state. A problem matters more than
        // the count, and the page lists each parcel anyway.
        if totalParcels == 0 || status.needsAttention {
            return TrackingCopy(language: language).statusLabel(status)
        }
        if status == .delivered {
            return spanish ? "Entregado" : "Delivered"
        }
        if deliveredParcels > 0 {
            return spanish
                ? "\(deliveredParcels) de \(totalParcels) paquetes entregados"
                : "\(deliveredParcels) of \(totalParcels) parcels delivered"
        }
        if status == .availableForPickup {
            // Least advanced is AvailableForPickup only when every parcel waits at a pickup point.
            if spanish {
                return travelling == 1
                    ? "1 paquete listo para recoger" : "\(travelling) paquetes listos para recoger"
            }
            return travelling == 1
                ? "1 parcel ready for pickup" : "\(travelling) parcels ready for pickup"
        }
        if spanish {
            return travelling == 1 ? "1 paquete en camino" : "\(travelling) paquetes en camino"
        }
        return travelling == 1 ? "1 parcel on its way" : "\(travelling) parcels on their way"
    }
}
