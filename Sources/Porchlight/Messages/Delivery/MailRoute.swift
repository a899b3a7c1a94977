import Fluent
import Foundation

/// Where finished mail goes: a real SMTP server, or the development outbox in the database.
enum MailRoute: Sendable {
    case outbox
    /// The gate is per process: it bounds what a crash can repeat to one message (docs/MESSAGES.md).
    case smtp(any MailTransport, CommitGate)

    /// Hands the mail over, then runs `markSent`. Into the outbox both happen in one transaction,
    /// so a crash can neither lose nor repeat the message. Over SMTP a crash after the content went
    /// out and before `markSent` commits means it is sent again on retry; the gate lets only one
    /// message per process be in that moment (see docs/MESSAGES.md).
    func deliver(_ mail: MailMessage, storeID: UUID, messageID: UUID?, on database: Database, world: World,
                 markSent: @escaping @Sendable (Database) async throws -> Void) async throws {
        switch self {
        case .outbox:
            try await database.transaction { db in
                let row = OutboxEmailRecord()
                row.id = world.uuid()
                row.createdAt = world.now()
                row.recipient = mail.to.address
                row.subject = mail.subject
                row.mime = MIMEWriter.render(mail)
                row.html = mail.html
                row.text = mail.text
                row.messageID = messageID
                row.storeID = storeID
                try await row.create(on: db)
                try await markSent(db)
            }
        case .smtp(let transport, let gate):
            try await transport.send(mail, commit: gate)
            do { try await markSent(database) } catch {
                await gate.leave()
                throw error
            }
            await gate.leave()
        }
    }
}
