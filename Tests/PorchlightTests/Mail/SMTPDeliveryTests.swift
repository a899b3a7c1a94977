import Foundation
import Testing
@testable import Porchlight

/// Delivery and connection reuse against the plain aiosmtpd sink scripts/test.sh starts (scripts/smtp-sink.py).
@Suite("SMTP delivery and connection reuse", .timeLimit(.minutes(2)))
struct SMTPDeliveryTests {
    @Test("A message arrives with its envelope, headers and body intact, dot lines included",
          .enabled(if: SMTPSink.plain != nil, "needs the SMTP sink scripts/test.sh starts (PORCHLIGHT_TEST_SMTP_SINK)"))
    func delivers() async throws {
        let sink = try #require(SMTPSink.plain)
        let text = ".leading dot\n..two dots\n.\nlong " + String(repeating: "line ", count: 40) + "\nGrüße 📦 a=b  "
        let subject = "Bestellung unterwegs 📦 — \r\nBcc: victim@example.net"
        let m = SMTPTestMail.message(subject: subject, text: text, html: "<p>\(text)</p>\n.")
        let mailer = try SMTPTestMail.mailer(sink)
        try await mailer.send(m)
        await mailer.shutdown()
        let record = try #require(try await sink.records(withMessageIDs: [m.messageID]).first)
        #expect(record.mail_from == "shop@example.com")
        #expect(record.rcpt_tos == ["ada@example.org"])
        #expect(record.parsed.subject == "Bestellung unterwegs 📦 — Bcc: victim@example.net")
        #expect(record.parsed.from == "Zoë's Café <shop@example.com>")
        #expect(record.parsed.to == "Ada Lovelace <ada@example.org>")
        #expect(record.parsed.reply_to == "support@example.com")
        #expect(SMTPTestMail.normalized(record.parsed.text) == text)
        #expect(SMTPTestMail.normalized(record.parsed.html) == "<p>\(text)</p>\n.")
        #expect(record.parsed.defects.isEmpty)
        #expect(!record.parsed.header_names.contains("Bcc"))
        #expect(record.data == MIMEWriter.render(m), "the sink undid the dot-stuffing exactly")
        #expect(!record.tls)
    }

    @Test("Several messages share one connection, and concurrent sends stay within maxConnections",
          .enabled(if: SMTPSink.plain != nil, "needs the SMTP sink scripts/test.sh starts (PORCHLIGHT_TEST_SMTP_SINK)"))
    func reusesConnections() async throws {
        let sink = try #require(SMTPSink.plain)
        let mailer = try SMTPTestMail.mailer(sink, maxConnections: 2)
        let sequential = (0..<3).map { _ in SMTPTestMail.message() }
        for m in sequential { try await mailer.send(m) }
        let concurrent = (0..<8).map { _ in SMTPTestMail.message() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for m in concurrent { group.addTask { try await mailer.send(m) } }
            try await group.waitForAll()
        }
        await mailer.shutdown()
        let first = try await sink.records(withMessageIDs: sequential.map(\.messageID))
        #expect(first.count == 3)
        #expect(Set(first.map(\.connection)).count == 1)
        let second = try await sink.records(withMessageIDs: concurrent.map(\.messageID))
        #expect(second.count == 8)
        #expect(Set(second.map(\.connection)).count <= 2)
        #expect(Set(first.map(\.connection)).isSubset(of: Set(second.map(\.connection))))
    }

    @Test("A connection the server closed is replaced without failing the next send",
          .enabled(if: SMTPSink.plain != nil, "needs the SMTP sink scripts/test.sh starts (PORCHLIGHT_TEST_SMTP_SINK)"))
    func replacesClosedConnection() async throws {
        let sink = try #require(SMTPSink.plain)
        let mailer = try SMTPTestMail.mailer(sink, maxConnections: 1)
        // The sink hangs up after accepting mail for "hangup@…", like servers that cap messages per connection.
        let messages = [SMTPTestMail.message(to: "hangup@example.org"), SMTPTestMail.message(),
                        SMTPTestMail.message(to: "hangup@example.org"), SMTPTestMail.message()]
        for m in messages { try await mailer.send(m) }
        await mailer.shutdown()
        let records = try await sink.records(withMessageIDs: messages.map(\.messageID))
        #expect(records.count == 4)
        #expect(Set(records.map(\.connection)).count == 3)
        #expect(records[0].connection != records[1].connection)
        #expect(records[1].connection == records[2].connection)
    }

    @Test("Rejected recipients give permanent or transient errors, and the connection is reused after RSET",
          .enabled(if: SMTPSink.plain != nil, "needs the SMTP sink scripts/test.sh starts (PORCHLIGHT_TEST_SMTP_SINK)"))
    func rejections() async throws {
        let sink = try #require(SMTPSink.plain)
        let mailer = try SMTPTestMail.mailer(sink, maxConnections: 1)
        let before = SMTPTestMail.message(), after = SMTPTestMail.message()
        try await mailer.send(before)
        await #expect { try await mailer.send(SMTPTestMail.message(to: "reject@example.org")) } throws: { error in
            guard let error = error as? MailError, case .rejected(550, _) = error else { return false }
            return error.isPermanent
        }
        await #expect { try await mailer.send(SMTPTestMail.message(to: "tempfail@example.org")) } throws: { error in
            guard let error = error as? MailError, case .rejected(451, _) = error else { return false }
            return !error.isPermanent
        }
        try await mailer.send(after)
        await mailer.shutdown()
        let records = try await sink.records(withMessageIDs: [before.messageID, after.messageID])
        #expect(records.count == 2 && records[0].connection == records[1].connection)
    }

    @Test("Idle connections are closed after the idle timeout",
          .enabled(if: SMTPSink.plain != nil, "needs the SMTP sink scripts/test.sh starts (PORCHLIGHT_TEST_SMTP_SINK)"))
    func closesIdleConnections() async throws {
        let sink = try #require(SMTPSink.plain)
        let mailer = try SMTPTestMail.mailer(sink, idleTimeout: .milliseconds(200))
        let messages = [SMTPTestMail.message(), SMTPTestMail.message()]
        try await mailer.send(messages[0])
        try await Task.sleep(for: .milliseconds(800))
        try await mailer.send(messages[1])
        await mailer.shutdown()
        let records = try await sink.records(withMessageIDs: messages.map(\.messageID))
        #expect(records.count == 2 && records[0].connection != records[1].connection)
    }
}
