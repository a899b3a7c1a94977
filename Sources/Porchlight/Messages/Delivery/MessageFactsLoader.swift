import Fluent
import Foundation

/// Reads, for one store, what writing a message about an order needs.
struct MessageFactsLoader: Sendable {
    let database: Database
    let world: World
    let storeID: UUID
    let site: SiteURL

    func load(type: MessageType, order: OrderRecord, shipmentIDs: [UUID], substatus: String?) async throws -> MessageFacts {
        let orderID = try order.requireID()
        guard let store = try await StoreRecord.query(on: database).filter(\.$id == storeID).first() else {
            throw APIError.notFound("Store")
        }
        let settings = try await MessageSettingsBook(database: database, world: world, storeID: storeID).load()
        let lines = try await LineItemRecord.query(on: database).filter(\.$storeID == storeID)
            .filter(\.$orderID == orderID).sort(\.$position).all()
        let shipments = try await ShipmentRecord.query(on: database).filter(\.$storeID == storeID)
            .filter(\.$orderID == orderID).sort(\.$position).all()
        var latest: [UUID: ShipmentEventRecord] = [:]
        for id in shipmentIDs {
            latest[id] = try await ShipmentEventRecord.query(on: database).filter(\.$storeID == storeID)
                .filter(\.$shipmentID == id).sort(\.$occurredAt, .descending).first()
        }
        return MessageFacts(type: type, store: store, settings: settings.settings, signingKey: settings.signingKey,
                            order: order, lines: lines, shipments: shipments, shipmentIDs: shipmentIDs,
                            latestEvents: latest, substatus: substatus, site: site, now: world.now())
    }

    func unsubscribed(_ emailNormalized: String) async throws -> Set<MessageCategory> {
        let rows = try await UnsubscribeRecord.query(on: database).filter(\.$storeID == storeID)
            .filter(\.$emailNormalized == emailNormalized).all()
        return Set(rows.compactMap { MessageCategory(rawValue: $0.category) })
    }

    func lastFollowUpSent(to emailNormalized: String) async throws -> Date? {
        try await MessageRecord.query(on: database).filter(\.$storeID == storeID)
            .filter(\.$recipient == emailNormalized).filter(\.$category == MessageCategory.followUp.rawValue)
            .filter(\.$status == MessageStatus.sent.rawValue).sort(\.$sentAt, .descending).first()?.sentAt
    }
}
