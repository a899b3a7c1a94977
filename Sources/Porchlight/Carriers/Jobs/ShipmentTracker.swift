import Fluent
import Foundation
import Logging

/// The one job each active parcel has. It takes in events that arrived before the parcel, polls the
/// carrier when the store gave credentials, watches for expiry and stalls, and reschedules itself
/// adaptively until the parcel is delivered or expired.
struct ShipmentTracker: Sendable {
    static let jobType = "track_shipment"

    let database: Database
    let world: World
    let api: CarrierAPIClient
    let carriers: CarrierServices
    let vault: @Sendable (UUID) -> IntegrationVault
    /// Runs the closure on a store's carrier intake, in a transaction of its own.
    let withIntake: @Sendable (UUID, @escaping @Sendable (CarrierIntake) async throws -> Int) async throws -> Int
    let ledger: @Sendable (UUID) -> ShipmentLedger
    let logger: Logger

    struct Payload: Codable {
        var shipment_id: UUID
    }

    static func job(for shipmentID: UUID, at runAt: Date) -> NewJob {
        let payload = String(decoding: (try? JSONEncoder().encode(Payload(shipment_id: shipmentID))) ?? Data(), as: UTF8.self)
        return NewJob(type: jobType, payload: payload, runAt: runAt, priority: -1, uniqueKey: "track:\(shipmentID.uuidString)")
    }

    /// Planned in the same transaction as the parcels, so no parcel is ever left untracked.
    static func startTracking(world: World) -> @Sendable ([ShipmentRecord], Database) async throws -> Void {
        { shipments, db in
            for (storeID, ofStore) in Dictionary(grouping: shipments, by: \.storeID) {
                let jobs = try ofStore.map { job(for: try $0.requireID(), at: world.now()) }
                try await JobQueue.enqueue(jobs, storeID: storeID, on: db, world: world)
            }
        }
    }

    func handle(_ job: ClaimedJob) async throws -> JobResult {
        guard let payload = try? JSONDecoder().decode(Payload.self, from: Data(job.payload.utf8)) else {
            throw PermanentJobError("track_shipment payload is unreadable")
        }
        let storeID = job.storeID, id = payload.shipment_id
        guard var shipment = try await find(storeID, id) else { return .done }
        if try await withIntake(storeID, { [shipment] in try await $0.releaseHeld(for: shipment) }) > 0, let fresh = try await find(storeID, id) { shipment = fresh }
        guard !shipment.shipmentStatus.isTerminal else { return .done }

        var retryAt: Date?
        let credentials = try await pollingCredentials(shipment)
        if let (carrier, settings) = credentials {
            do {
                try await poll(shipment, carrier: carrier, settings: settings)
                try await notePoll(shipment, failed: false)
            } catch let error as CarrierCallError {
                retryAt = try await handle(error, shipment: shipment)
            }
        }
        guard let (current, history) = try await checkHealth(storeID, id), !current.shipmentStatus.isTerminal,
              let next = try await nextRun(current, history: history, canPoll: credentials != nil) else { return .done }
        return .reschedule(retryAt.map { min($0, next) } ?? next)
    }

    /// Polls now for `POST /shipments/{id}/refresh`, within the same rate limits and breaker as the job.
    func refresh(storeID: UUID, shipmentID: UUID) async throws -> ShipmentRecord {
        guard let shipment = try await find(storeID, shipmentID) else { throw APIError.notFound("That shipment") }
        guard let (carrier, settings) = try await pollingCredentials(shipment) else {
            let name = shipment.carrierCode ?? "this parcel's carrier"
            throw CarrierCallError.notConfigured(shipment.carrierCode == nil
                ? "The carrier of this parcel is unknown; set it before refreshing."
                : "No API credentials for \(name); set them with PUT /api/v1/integrations/\(name).")
        }
        do {
            try await poll(shipment, carrier: carrier, settings: settings)
            try await notePoll(shipment, failed: false)
        } catch CarrierCallError.notFound {
            try await notePoll(shipment, failed: false)
        }
        return try await checkHealth(storeID, shipmentID)?.shipment ?? shipment
    }

    func find(_ storeID: UUID, _ id: UUID) async throws -> ShipmentRecord? {
        try await ShipmentRecord.query(on: database).filter(\.$storeID == storeID).filter(\.$id == id).first()
    }

    /// The carrier and settings to poll with, when we have an adapter and the store gave credentials for it.
    private func pollingCredentials(_ shipment: ShipmentRecord) async throws -> (String, IntegrationSettings)? {
        guard let carrier = shipment.carrierCode, CarrierAPIClient.supportedCarriers.contains(carrier),
              let provider = IntegrationProvider(rawValue: carrier),
              let settings = try await vault(shipment.storeID).settings(provider),
              settings[.apiKey] != nil || settings[.clientID] != nil else { return nil }
        return (carrier, settings)
    }
}
