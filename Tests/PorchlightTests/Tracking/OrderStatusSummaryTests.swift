import Foundation
import Testing
@testable import Porchlight

@Suite struct OrderStatusSummaryTests {
    @Test func noShipmentsIsPending() {
        let summary = OrderStatusSummary.summarize([])
        #expect(summary == OrderStatusSummary(status: .pending, totalParcels: 0, deliveredParcels: 0))
        #expect(summary.phrase(locale: "en") == "Order received")
        #expect(summary.phrase(locale: "es") == "Pedido recibido")
    }

    @Test func allDeliveredIsDelivered() {
        let summary = OrderStatusSummary.summarize([.delivered, .delivered])
        #expect(summary == OrderStatusSummary(status: .delivered, totalParcels: 2, deliveredParcels: 2))
        #expect(summary.phrase(locale: "en") == "Delivered")
        #expect(summary.phrase(locale: "es") == "Entregado")
    }

    @Test func attentionWinsInPriorityOrder() {
        #expect(OrderStatusSummary.summarize([.expired, .attemptFail, .exception, .delivered]).status == .exception)
        #expect(OrderStatusSummary.summarize([.delivered, .expired, .attemptFail]).status == .attemptFail)
        #expect(OrderStatusSummary.summarize([.delivered, .outForDelivery, .expired]).status == .expired)
    }

    @Test func leastAdvancedUndeliveredWins() {
        let summary = OrderStatusSummary.summarize([.delivered, .outForDelivery, .inTransit])
        #expect(summary == OrderStatusSummary(status: .inTransit, totalParcels: 3, deliveredParcels: 1))
        #expect(OrderStatusSummary.summarize([.outForDelivery, .infoReceived]).status == .infoReceived)
    }

    @Test func sameStepTieIsIndependentOfShipmentOrder() {
        #expect(OrderStatusSummary.summarize([.availableForPickup, .outForDelivery]).status == .outForDelivery)
        #expect(OrderStatusSummary.summarize([.outForDelivery, .availableForPickup]).status == .outForDelivery)
    }

    @Test func partialDeliveryPhrase() {
        let summary = OrderStatusSummary.summarize([.delivered, .delivered, .inTransit])
        #expect(summary.phrase(locale: "en") == "2 of 3 parcels delivered")
        #expect(summary.phrase(locale: "es") == "2 de 3 paquetes entregados")
    }

    @Test func onTheWayPhraseIsPluralised() {
        let one = OrderStatusSummary.summarize([.inTransit])
        #expect(one.phrase(locale: "en") == "1 parcel on its way")
        #expect(one.phrase(locale: "es") == "1 paquete en camino")
        let three = OrderStatusSummary.summarize([.inTransit, .outForDelivery, .infoReceived])
        #expect(three.phrase(locale: "en") == "3 parcels on their way")
        #expect(three.phrase(locale: "es") == "3 paquetes en camino")
    }

    @Test func pickupPhrase() {
        let summary = OrderStatusSummary.summarize([.availableForPickup, .availableForPickup])
        #expect(summary.phrase(locale: "en") == "2 parcels ready for pickup")
        #expect(summary.phrase(locale: "es") == "2 paquetes listos para recoger")
    }

    @Test func attentionPhraseNamesTheProblem() {
        let summary = OrderStatusSummary.summarize([.delivered, .exception])
        #expect(summary.phrase(locale: "en") == TrackingCopy(language: "en").statusLabel(.exception))
        #expect(summary.phrase(locale: "es-MX") == TrackingCopy(language: "es").statusLabel(.exception))
        #expect(summary.phrase(locale: "en") != summary.phrase(locale: "es"))
    }

    @Test(arguments: ["es", "es-MX", "es_AR", "ES"])
    func spanishRegionalLocalesAreSpanish(locale: String) {
        #expect(OrderStatusSummary.summarize([.inTransit]).phrase(locale: locale) == "1 paquete en camino")
    }

    @Test(arguments: ["fr", "", "en-GB", "e", "de-AT"])
    func otherLocalesFallBackToEnglish(locale: String) {
        #expect(OrderStatusSummary.summarize([.inTransit]).phrase(locale: locale) == "1 parcel on its way")
    }
}
