import Fluent
import Foundation

final class OrderRecord: Model, @unchecked Sendable {
    static let schema = "orders"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    /// Bumped on every change the customer can see, so live pages know whether they are behind.
    @Field(key: "revision") var revision: Int

    // data
    @Field(key: "order_number") var orderNumber: String
    @Field(key: "lookup_number") var lookupNumber: String
    @Field(key: "email") var email: String
    @Field(key: "email_normalized") var emailNormalized: String
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "customer_name") var customerName: String?
    @Field(key: "placed_at") var placedAt: Date
    @Field(key: "currency") var currency: String
    @Field(key: "locale") var locale: String
    @Field(key: "time_zone") var timeZone: String
    @OptionalField(key: "shipping_address") var shippingAddress: PostalAddress?
    @Field(key: "tracking_token") var trackingToken: String
    @OptionalField(key: "idempotency_key") var idempotencyKey: String?
    @Field(key: "status") var status: String
    /// An `OrderState`: whether the store still expects to fulfil the order.
    @Field(key: "state") var state: String
    @Field(key: "parcels_total") var parcelsTotal: Int
    @Field(key: "parcels_delivered") var parcelsDelivered: Int
    @OptionalField(key: "estimated_earliest") var estimatedEarliest: String?
    @OptionalField(key: "estimated_latest") var estimatedLatest: String?
    /// Tracking-page views, added up in batches by `PageViewTally`.
    @Field(key: "page_views") var pageViews: Int

    // relationships
    @Field(key: "store_id") var storeID: UUID

    init() {}

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, which was
    /// most of the time a batch of carrier events spent. `ModelFieldListTests` keeps the list complete.
    var properties: [any AnyProperty] {
        [$id, $createdAt, $updatedAt, $revision, $orderNumber, $lookupNumber, $email, $emailNormalized, $phone,
         $customerName, $placedAt, $currency, $locale, $timeZone, $shippingAddress, $trackingToken, $idempotencyKey,
         $status, $state, $parcelsTotal, $parcelsDelivered, $estimatedEarliest, $estimatedLatest, $pageViews,
         $storeID]
    }

    var summary: OrderStatusSummary {
        OrderStatusSummary(status: ShipmentStatus(rawValue: status) ?? .pending,
                           totalParcels: parcelsTotal, deliveredParcels: parcelsDelivered)
    }

    var window: DeliveryWindow? {
        guard let estimatedEarliest, let estimatedLatest else { return nil }
        return DeliveryWindow(earliest: estimatedEarliest, latest: estimatedLatest)
    }

    var orderState: OrderState { OrderState(rawValue: state) ?? .open }

    var zone: TimeZone { TimeZone(identifier: timeZone) ?? .gmt }
}

final class LineItemRecord: Model, @unchecked Sendable {
    static let schema = "line_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "position") var position: Int

    @OptionalField(key: "sku") var sku: String?
    @Field(key: "title") var title: String
    @OptionalField(key: "variant") var variant: String?
    @Field(key: "quantity") var quantity: Int
    @Field(key: "price") var price: String
    @OptionalField(key: "image_url") var imageURL: String?
    @OptionalField(key: "product_type") var productType: String?

    @Field(key: "store_id") var storeID: UUID
    @Field(key: "order_id") var orderID: UUID

    init() {}

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, which was
    /// most of the time a batch of carrier events spent. `ModelFieldListTests` keeps the list complete.
    var properties: [any AnyProperty] {
        [$id, $position, $sku, $title, $variant, $quantity, $price, $imageURL, $productType, $storeID, $orderID]
    }

    init(id: UUID, storeID: UUID, orderID: UUID, position: Int, item: NewLineItem) {
        self.id = id
        self.storeID = storeID
        self.orderID = orderID
        self.position = position
        sku = item.sku
        title = item.title
        variant = item.variant
        quantity = item.quantity
        price = item.price
        imageURL = item.imageURL
        productType = item.productType
    }
}
