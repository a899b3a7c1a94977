import Fluent
import Foundation
import SQLKit

/// Events for many parcels at once, in a handful of statements rather than a dozen per event: carrier
/// webhooks arrive by the thousand per second, and each statement is a round trip. Deduplication,
/// derivation, messages and windows are the same as for one event through `record`.
extension ShipmentLedger {
    /// A parcel as locked and read in the caller's transaction, with the events reported for it.
    /// `trackingChanged` says the caller also changed the parcel's carrier fields in memory.
    struct ParcelNews: Sendable {
        var shipment: ShipmentRecord
        var events: [NewShipmentEvent]
        var trackingChanged = false
    }

    struct ManyOutcome: Sendable {
        /// The events stored for the first time, by parcel; a replayed event is not among them.
        var created: [(shipmentID: UUID, event: NewShipmentEvent)] = []
        /// Orders a customer would see changed, to tell live pages once the caller has committed.
        var changedOrders: Set<UUID> = []
    }

    /// The ledger must be built on a transaction that holds the parcels (see `ShipmentFinder.lock`).
    func recordMany(_ news: [ParcelNews]) async throws -> ManyOutcome {
        var outcome = ManyOutcome()
        let created = try await insertEvents(news)
        outcome.created = created.map { ($0.shipmentID, $0.event) }
        let touched = Set(created.map(\.shipmentID))
        let written = try news.filter { try touched.contains($0.shipment.requireID()) || $0.trackingChanged }.map(\.shipment)
        guard !written.isEmpty else { return outcome }
        let asRead = try Dictionary(uniqueKeysWithValues: written.map { (try $0.requireID(), IndexedParcelColumns($0)) })
        let before = try await rederive(written.filter { try touched.contains($0.requireID()) }, adding: created)
        outcome.changedOrders = try await writeParcelsAndOrders(written, before: before, asRead: asRead)
        return outcome
    }

    private typealias Created = (id: UUID, shipmentID: UUID, event: NewShipmentEvent, recordedAt: Date)

    private func insertEvents(_ news: [ParcelNews]) async throws -> [Created] {
        var rows: [(id: UUID, shipmentID: UUID, event: NewShipmentEvent, row: SQLQueryString)] = []
        var seen = Set<EventKey>()
        let now = world.now()
        for parcel in news {
            let shipmentID = try parcel.shipment.requireID()
            for draft in parcel.events {
                do { try draft.validate() } catch { throw APIError.validation(error.message) }
                let key = SecureToken.hash(draft.dedupeKey)
                guard seen.insert(EventKey(shipmentID: shipmentID, dedupeKey: key)).inserted else { continue }
                let id = world.uuid()
                rows.append((id, shipmentID, draft, """
                    (\(bind: id), \(bind: now), \(bind: draft.occurredAt), \(bind: draft.status.rawValue),
                     \(bind: draft.substatus), \(bind: draft.message ?? ""), \(bind: draft.location),
                     \(bind: draft.carrierCode), \(bind: key), \(bind: book.storeID), \(bind: parcel.shipment.orderID),
                     \(bind: shipmentID))
                    """))
            }
        }
        var created = Set<UUID>()
        for chunk in rows.chunked(200) where !chunk.isEmpty {
            let returned = try await database.sql.raw("""
                INSERT INTO shipment_events (id, created_at, occurred_at, status, substatus, message, location,
                                             carrier_code, dedupe_key, store_id, order_id, shipment_id)
                VALUES \(chunk.map(\.row).joined(separator: ", "))
                ON CONFLICT (shipment_id, dedupe_key) DO NOTHING
                RETURNING id
                """).all()
            for row in returned { created.insert(try row.decode(column: "id", as: UUID.self)) }
        }
        return rows.filter { created.contains($0.id) }.map { ($0.id, $0.shipmentID, $0.event, now) }
    }

    /// Re-derives each parcel's status, in memory; returns what each was before. Most news is later than
    /// anything the parcel has heard, and then the stored status is carried forward; otherwise the whole
    /// history is read, in one query for all such parcels.
    private func rederive(_ shipments: [ShipmentRecord], adding created: [Created]) async throws -> [UUID: (ShipmentStatus, String?)] {
        var newEvents: [UUID: [ShipmentEvent]] = [:]
        for item in created {
            newEvents[item.shipmentID, default: []].append(ShipmentEvent(
                id: item.id, status: item.event.status, substatus: item.event.substatus,
                occurredAt: item.event.occurredAt, recordedAt: item.recordedAt, message: ""))
        }
        var before: [UUID: (ShipmentStatus, String?)] = [:], derived: [UUID: DerivedShipmentStatus] = [:]
        for shipment in shipments {
            let id = try shipment.requireID()
            before[id] = (shipment.shipmentStatus, shipment.substatus)
            let current = DerivedShipmentStatus(status: shipment.shipmentStatus, substatus: shipment.substatus,
                                                deliveredAt: shipment.deliveredAt, lastEventAt: shipment.lastEventAt)
            derived[id] = ShipmentStatusDerivation.extend(current, with: newEvents[id] ?? [])
        }
        let histories = try await histories(of: shipments.compactMap { $0.id }.filter { derived[$0] == nil })
        for shipment in shipments {
            let id = try shipment.requireID()
            let status = derived[id] ?? ShipmentStatusDerivation.derive(histories[id] ?? [])
            shipment.status = status.status.rawValue
            shipment.substatus = status.substatus
            shipment.deliveredAt = status.deliveredAt
            shipment.lastEventAt = status.lastEventAt
        }
        return before
    }

    /// Every event of these parcels, read with only what derivation looks at.
    private func histories(of shipmentIDs: [UUID]) async throws -> [UUID: [ShipmentEvent]] {
        var events: [UUID: [ShipmentEvent]] = [:]
        for chunk in shipmentIDs.chunked(500) where !chunk.isEmpty {
            let rows = try await database.sql.raw("""
                SELECT id, created_at, occurred_at, status, substatus, shipment_id
                FROM shipment_events WHERE store_id = \(bind: book.storeID) AND shipment_id IN (\(binds: chunk))
                """).all()
            for row in rows {
                let event = ShipmentEvent(
                    id: try row.decode(column: "id", as: UUID.self),
                    status: ShipmentStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
                    substatus: try row.decode(column: "substatus", as: String?.self),
                    occurredAt: try row.decode(column: "occurred_at", as: Date.self),
                    recordedAt: try row.decode(column: "created_at", as: Date.self), message: "")
                events[try row.decode(column: "shipment_id", as: UUID.self), default: []].append(event)
            }
        }
        return events
    }
}

/// An event's identity on its parcel, as a key for sets and dictionaries.
struct EventKey: Hashable, Sendable {
    var shipmentID: UUID
    var dedupeKey: String
}
