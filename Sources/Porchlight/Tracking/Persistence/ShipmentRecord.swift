import Fluent
import Foundation

final class ShipmentRecord: Model, @unchecked Sendable {
    static let schema = "shipments"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    // data
    /// Order of creation within the order, so "Parcel 1 of 2" stays parcel 1.
    @Field(key: "position") var position: Int
    @OptionalField(key: "carrier") var carrier: String?
    @OptionalField(key: "service") var service: String?
    @Field(key: "tracking_number") var trackingNumber: String
    @OptionalField(key: "shipped_at") var shippedAt: Date?
    @Field(key: "items") var items: [ShipmentItem]
    @Field(key: "status") var status: String
    @OptionalField(key: "substatus") var substatus: String?
    @OptionalField(key: "delivered_at") var deliveredAt: Date?
    @OptionalField(key: "last_event_at") var lastEventAt: Date?
    @OptionalField(key: "estimated_earliest") var estimatedEarliest: String?
    @OptionalField(key: "estimated_latest") var estimatedLatest: String?
    /// Our code for the carrier ("ups"); `carrier` keeps the name the store sent, for display.
    @OptionalField(key: "carrier_code") var carrierCode: String?
    /// How the carrier was learned: from the store, detected from the number, or not at all.
    @Field(key: "carrier_source") var carrierSource: String
    /// The window shown when the parcel shipped, kept to measure how often estimates hold.
    @OptionalField(key: "promised_earliest") var promisedEarliest: String?
    @OptionalField(key: "promised_latest") var promisedLatest: String?
    @OptionalField(key: "estimate_source") var estimateSource: String?
    /// The carrier's own promise, kept apart so every re-estimate can weigh it.
    @OptionalField(key: "carrier_earliest") var carrierEarliest: String?
    @OptionalField(key: "carrier_latest") var carrierLatest: String?
    @OptionalField(key: "last_movement_at") var lastMovementAt: Date?
    /// Set once an aggregator or carrier pushes updates for this parcel; polling then only checks daily.
    @OptionalField(key: "push_provider") var pushProvider: String?
    /// Carrier API failures in a row, for backing off; reset by a good answer.
    @Field(key: "poll_failures") var pollFailures: Int
    @OptionalField(key: "last_polled_at") var lastPolledAt: Date?

    // relationships
    @Field(key: "store_id") var storeID: UUID
    @Field(key: "order_id") var orderID: UUID

    init() {}

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, which was
    /// most of the time a batch of carrier events spent. `ModelFieldListTests` keeps the list complete.
    var properties: [any AnyProperty] {
        [$id, $createdAt, $updatedAt, $position, $carrier, $service, $trackingNumber, $shippedAt, $items, $status,
         $substatus, $deliveredAt, $lastEventAt, $estimatedEarliest, $estimatedLatest, $carrierCode, $carrierSource,
         $promisedEarliest, $promisedLatest, $estimateSource, $carrierEarliest, $carrierLatest, $lastMovementAt,
         $pushProvider, $pollFailures, $lastPolledAt, $storeID, $orderID]
    }

    var shipmentStatus: ShipmentStatus { ShipmentStatus(rawValue: status) ?? .pending }

    var source: CarrierSource { CarrierSource(rawValue: carrierSource) ?? .store }

    var carrierWindow: DeliveryWindow? {
        guard let carrierEarliest, let carrierLatest else { return nil }
        return DeliveryWindow(earliest: carrierEarliest, latest: carrierLatest)
    }

    var window: DeliveryWindow? {
        guard let estimatedEarliest, let estimatedLatest else { return nil }
        return DeliveryWindow(earliest: estimatedEarliest, latest: estimatedLatest)
    }
}

final class ShipmentEventRecord: Model, @unchecked Sendable {
    static let schema = "shipment_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date

    @Field(key: "occurred_at") var occurredAt: Date
    @Field(key: "status") var status: String
    @OptionalField(key: "substatus") var substatus: String?
    @Field(key: "message") var message: String
    @OptionalField(key: "location") var location: String?
    @OptionalField(key: "carrier_code") var carrierCode: String?
    @Field(key: "dedupe_key") var dedupeKey: String

    @Field(key: "store_id") var storeID: UUID
    @Field(key: "order_id") var orderID: UUID
    @Field(key: "shipment_id") var shipmentID: UUID

    init() {}

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, which was
    /// most of the time a batch of carrier events spent. `ModelFieldListTests` keeps the list complete.
    var properties: [any AnyProperty] {
        [$id, $createdAt, $occurredAt, $status, $substatus, $message, $location, $carrierCode, $dedupeKey, $storeID,
         $orderID, $shipmentID]
    }

    var domain: ShipmentEvent { ShipmentEventRow(self).domain }
}
