import Fluent
import Foundation
import Logging

/// The `send_message` job: applies the calm rules when a message comes due, then writes and sends it.
struct MessageSender: Sendable {
    let database: Database
    let world: World
    let templates: MessageTemplates
    let site: SiteURL
    let route: MailRoute
    let composer: MailComposer
    let metrics: JobMetrics

    func handle(_ job: ClaimedJob) async throws -> JobResult {
        guard let id = UUID(uuidString: job.payload),
              let message = try await MessageRecord.query(on: database)
                .filter(\.$storeID == job.storeID).filter(\.$id == id).first(),
              let type = message.messageType else {
            throw PermanentJobError("Message \(job.payload) no longer exists")
        }
        // A retry after a crash finds the work already done.
        guard message.status == MessageStatus.scheduled.rawValue || message.status == MessageStatus.failed.rawValue else {
            return .done
        }
        guard let order = try await OrderRecord.query(on: database)
            .filter(\.$storeID == job.storeID).filter(\.$id == message.orderID).first() else {
            throw PermanentJobError("Order \(message.orderID) no longer exists")
        }
        let loader = MessageFactsLoader(database: database, world: world, storeID: job.storeID, site: site)
        let facts = try await loader.load(type: type, order: order, shipmentIDs: message.shipmentIDs,
                                          substatus: message.substatus)
        let parcelStatuses = facts.shipments.filter { $0.id.map(message.shipmentIDs.contains) ?? false }.map(\.shipmentStatus)
        let decision = SendDecision.decide(SendFacts(
            type: type, dueAt: message.dueAt, now: facts.now, orderState: order.orderState,
            orderStatus: order.summary.status, parcelStatuses: parcelStatuses, settings: facts.settings,
            unsubscribed: try await loader.unsubscribed(order.emailNormalized),
            lastFollowUpSentAt: type.category == .followUp ? try await loader.lastFollowUpSent(to: order.emailNormalized) : nil,
            timeZone: order.zone, substatus: message.substatus))
        switch decision {
        case .skip(let reason):
            message.status = MessageStatus.skipped.rawValue
            message.skipReason = reason
            message.updatedAt = facts.now
            try await message.save(on: database)
            metrics.messageSkipped(type.rawValue, reason: reason.hasPrefix("stale") ? "stale" : reason)
            return .done
        case .wait(let until):
            message.scheduledAt = until
            message.updatedAt = facts.now
            try await message.save(on: database)
            return .reschedule(until)
        case .send:
            try await send(message, type: type, facts: facts, attempt: job.attempts, maxAttempts: job.maxAttempts)
            return .done
        }
    }

    private func send(_ message: MessageRecord, type: MessageType, facts: MessageFacts, attempt: Int, maxAttempts: Int) async throws {
        let messageID = try message.requireID()
        let override = try await StoreTemplateBook(database: database, world: world, storeID: facts.store.requireID())
            .find(type, locale: facts.order.locale)
        let rendered = templates.render(type, locale: facts.order.locale, context: MessageContext.build(facts), override: override)
        let mail = composer.compose(rendered, facts: facts, messageID: MailComposer.messageID(messageID, site: site))
        let now = facts.now
        do {
            try await route.deliver(mail, storeID: message.storeID, messageID: messageID, on: database, world: world) { db in
                try await MessageRecord.query(on: db).filter(\.$storeID == message.storeID).filter(\.$id == messageID)
                    .set(\.$status, to: MessageStatus.sent.rawValue).set(\.$sentAt, to: now)
                    .set(\.$subject, to: rendered.subject).set(\.$updatedAt, to: now).update()
            }
        } catch {
            let permanent = (error as? MailError)?.isPermanent == true || attempt >= maxAttempts
            message.lastError = String(describing: error)
            if permanent { message.status = MessageStatus.failed.rawValue }
            message.updatedAt = now
            try? await message.save(on: database)
            // A 5xx from the mail server will not change on retry: tell the queue to stop.
            if let mailError = error as? MailError, mailError.isPermanent { throw PermanentJobError(mailError.description) }
            throw error
        }
        metrics.messageSent(type.rawValue)
    }
}
