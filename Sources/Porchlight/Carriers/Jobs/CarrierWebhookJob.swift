import Crypto
import Fluent
import Vapor
import Foundation

/// A verified carrier webhook, stored as a job so it is acknowledged once durable and applied just after.
/// The body is kept as it came; applying it twice records nothing new, since events are deduplicated by content.
enum CarrierWebhookJob {
    static func type(_ provider: WebhookProvider) -> String { "carrier-webhook.\(provider.rawValue)" }

    /// Keyed by the provider's event id, or by the body when it has none, so a replay finds the same job.
    static func job(_ provider: WebhookProvider, body: Data, delivery: WebhookDelivery, now: Date) -> NewJob {
        let key = delivery.eventID.map { "id:" + $0.prefix(200) } ?? "sha256:" + Hex.encode(SHA256.hash(data: body))
        return NewJob(type: type(provider), payload: String(decoding: body, as: UTF8.self), runAt: now,
                      uniqueKey: "webhook:\(provider.rawValue):\(key)")
    }

    static func handlers(app: Application) -> [String: JobHandler] {
        var handlers: [String: JobHandler] = [:]
        for provider in WebhookProvider.allCases {
            handlers[type(provider)] = { job in
                let deliveries = try deliveries(in: job, from: provider)
                _ = try await app.withCarrierIntake(storeID: job.storeID) { try await $0.take(deliveries).newEvents }
                return .done
            }
        }
        return handlers
    }

    /// Applies a batch of deliveries in one transaction, a few statements per store rather than a dozen per
    /// event: on SQLite a write transaction per statement was much of the cost, and on PostgreSQL a commit
    /// per event. Live pages hear of the changes once it committed.
    static func batchHandlers(app: Application) -> [String: JobBatchHandler] {
        var handlers: [String: JobBatchHandler] = [:]
        for provider in WebhookProvider.allCases {
            handlers[type(provider)] = { jobs in
                var byStore: [UUID: [CarrierIntake.Delivery]] = [:]
                for job in jobs { byStore[job.storeID, default: []] += try deliveries(in: job, from: provider) }
                try await app.inCarrierTransaction { [byStore] tx, note in
                    for (storeID, deliveries) in byStore {
                        _ = try await app.carrierIntake(storeID: storeID, on: tx, onOrderChanged: note).take(deliveries)
                    }
                }
            }
        }
        return handlers
    }

    private static func deliveries(in job: ClaimedJob, from provider: WebhookProvider) throws -> [CarrierIntake.Delivery] {
        let delivery: WebhookDelivery
        do { delivery = try provider.parse(Data(job.payload.utf8)) } catch {
            throw PermanentJobError("\(provider.rawValue) webhook body is unreadable: \(error)")
        }
        return delivery.reports.map {
            CarrierIntake.Delivery(report: $0, source: provider.statusSource, pushedBy: provider.rawValue)
        }
    }
}
