import Crypto
import Fluent
import Vapor
import Foundation

/// A verified carrier webhook, stored as a job in the transaction that applies it (see `runInline`), or
/// queued for the worker when that failed. The body is kept as it came; applying it twice records nothing
/// new, since events are deduplicated by content.
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
                let deliveries = deliveries(try parse(job.payload, from: provider), from: provider)
                _ = try await app.withCarrierIntake(storeID: job.storeID) { try await $0.take(deliveries).newEvents }
                return .done
            }
        }
        return handlers
    }

    /// Applies a batch of deliveries in one transaction, a few statements per store rather than a dozen per
    /// event: on SQLite a write transaction per statement was much of the cost, and on PostgreSQL a commit
    /// per event. Live pages hear of the changes once it committed. The worker runs what could not be
    /// applied as it was taken in (see `runInline`).
    static func batchHandlers(app: Application) -> [String: JobBatchHandler] {
        var handlers: [String: JobBatchHandler] = [:]
        for provider in WebhookProvider.allCases {
            handlers[type(provider)] = { jobs in
                let byStore = byStore(try jobs.map { ($0.storeID, try parse($0.payload, from: provider)) }, from: provider)
                try await app.inCarrierTransaction { [byStore] tx, note in
                    try await apply(byStore, app: app, on: tx, onOrderChanged: note)
                }
            }
        }
        return handlers
    }

    /// Webhooks are applied in the group commit that stores them, so a sender hears back once its events are
    /// on the parcels, live pages within one commit of the burst, and nothing waits in the queue to be
    /// parsed a second time. Held weakly: the application owns the group commit.
    static func runInline(app: Application) {
        for provider in WebhookProvider.allCases {
            app.services.jobGroupCommit.runInline(type(provider)) { [weak app] jobs, tx in
                guard let app else { throw PermanentJobError("The application has shut down") }
                let byStore = byStore(try jobs.map {
                    ($0.storeID, try ($0.attachment as? WebhookDelivery) ?? parse($0.job.payload, from: provider))
                }, from: provider)
                let changed = ChangedOrders()
                try await apply(byStore, app: app, on: tx, onOrderChanged: changed.note)
                return { [weak app] in await app?.ordersChanged(changed.all) }
            }
        }
    }

    private static func apply(_ byStore: [UUID: [CarrierIntake.Delivery]], app: Application, on tx: any Database,
                              onOrderChanged: @escaping @Sendable (UUID) async -> Void) async throws {
        for (storeID, deliveries) in byStore {
            _ = try await app.carrierIntake(storeID: storeID, on: tx, onOrderChanged: onOrderChanged).take(deliveries)
        }
    }

    private static func byStore(_ deliveries: [(storeID: UUID, delivery: WebhookDelivery)],
                                from provider: WebhookProvider) -> [UUID: [CarrierIntake.Delivery]] {
        deliveries.reduce(into: [:]) { $0[$1.storeID, default: []] += self.deliveries($1.delivery, from: provider) }
    }

    private static func parse(_ payload: String, from provider: WebhookProvider) throws -> WebhookDelivery {
        do { return try provider.parse(Data(payload.utf8)) } catch {
            throw PermanentJobError("\(provider.rawValue) webhook body is unreadable: \(error)")
        }
    }

    private static func deliveries(_ delivery: WebhookDelivery, from provider: WebhookProvider) -> [CarrierIntake.Delivery] {
        delivery.reports.map {
            CarrierIntake.Delivery(report: $0, source: provider.statusSource, pushedBy: provider.rawValue)
        }
    }
}
