import Crypto
import Fluent
import SQLKit
import NIOConcurrencyHelpers
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

    static func handlers(intake: @escaping @Sendable (UUID) -> CarrierIntake) -> [String: JobHandler] {
        var handlers: [String: JobHandler] = [:]
        for provider in WebhookProvider.allCases {
            handlers[type(provider)] = { job in
                try await apply(job, from: provider, to: intake(job.storeID))
                return .done
            }
        }
        return handlers
    }

    static func apply(_ job: ClaimedJob, from provider: WebhookProvider, to intake: CarrierIntake) async throws {
        let delivery: WebhookDelivery
        do { delivery = try provider.parse(Data(job.payload.utf8)) } catch {
            throw PermanentJobError("\(provider.rawValue) webhook body is unreadable: \(error)")
        }
        for report in delivery.reports {
            try await intake.take(report, source: provider.statusSource, pushedBy: provider.rawValue)
        }
    }
}

extension CarrierWebhookJob {
    /// Applies a batch of deliveries in one transaction: on SQLite a write transaction per statement was much
    /// of the cost, and on PostgreSQL a commit per event. Live pages hear of the changes once it committed.
    static func batchHandlers(app: Application) -> [String: JobBatchHandler] {
        var handlers: [String: JobBatchHandler] = [:]
        for provider in WebhookProvider.allCases {
            handlers[type(provider)] = { jobs in
                let changed = NIOLockedValueBox<Set<UUID>>([])
                let note: @Sendable (UUID) async -> Void = { id in changed.withLockedValue { _ = $0.insert(id) } }
                let gate = app.services.writeGate
                // Commits early whenever a webhook is waiting to be taken in, so answering one never waits
                // for a whole batch; jobs are idempotent, so a later failure may rerun committed ones.
                var start = 0
                while start < jobs.count {
                    start += try await gate.run {
                        try await app.db.transaction { [start] tx in
                            try await takeWriteLock(tx, touching: jobs[start])
                            var applied = 0
                            repeat {
                                let job = jobs[start + applied]
                                try await apply(job, from: provider,
                                                to: app.carrierIntake(storeID: job.storeID, on: tx, onOrderChanged: note))
                                applied += 1
                            } while start + applied < jobs.count && !gate.urgentWaiting
                            return applied
                        }
                    }
                }
                for orderID in changed.withLockedValue({ $0 }) { await app.orderChanged(orderID) }
            }
        }
        return handlers
    }

    /// SQLite starts a transaction as a reader, and a reader that later wants to write while another
    /// connection writes fails at once rather than waiting. Writing first makes it wait its turn up front.
    private static func takeWriteLock(_ tx: any Database, touching job: ClaimedJob) async throws {
        guard !tx.isPostgres else { return }
        try await tx.sql.raw("UPDATE jobs SET updated_at = updated_at WHERE id = \(bind: job.id)").run()
    }
}
