import Foundation
import NIOCore
import NIOPosix
import Testing
@testable import Porchlight

/// STARTTLS, AUTH and the ways sending fails: against the TLS sink, a stopped server and a silent one.
@Suite("SMTP security and failures", .timeLimit(.minutes(2)))
struct SMTPFailureTests {
    @Test("STARTTLS and AUTH work against a server that requires them",
          .enabled(if: SMTPSink.tls != nil, "needs the TLS SMTP sink scripts/test.sh starts (PORCHLIGHT_TEST_SMTP_TLS_SINK)"))
    func startTLSAndAuth() async throws {
        let sink = try #require(SMTPSink.tls)
        let user = try #require(sink.user), password = try #require(sink.password)
        let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? password
        let mailer = try SMTPTestMail.mailer(sink, url: "smtp://\(user):\(encoded)@\(sink.host):\(sink.port)")
        let messages = [SMTPTestMail.message(), SMTPTestMail.message()]
        for m in messages { try await mailer.send(m) }
        await mailer.shutdown()
        let records = try await sink.records(withMessageIDs: messages.map(\.messageID))
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.tls && $0.user == user })
        #expect(Set(records.map(\.connection)).count == 1)
    }

    @Test("smtps:// speaks TLS from the first byte",
          .enabled(if: SMTPSink.implicitTLS != nil, "needs the smtps sink scripts/test.sh starts (PORCHLIGHT_TEST_SMTPS_SINK)"))
    func implicitTLS() async throws {
        let sink = try #require(SMTPSink.implicitTLS)
        let user = try #require(sink.user), password = try #require(sink.password)
        let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? password
        let mailer = try SMTPTestMail.mailer(sink, url: "smtps://\(user):\(encoded)@\(sink.host):\(sink.port)")
        let m = SMTPTestMail.message()
        try await mailer.send(m)
        await mailer.shutdown()
        let record = try #require(try await sink.records(withMessageIDs: [m.messageID]).first)
        #expect(record.user == user)
    }

    @Test("A wrong password is a permanent error; an untrusted certificate a connection error",
          .enabled(if: SMTPSink.tls != nil, "needs the TLS SMTP sink scripts/test.sh starts (PORCHLIGHT_TEST_SMTP_TLS_SINK)"))
    func authAndTrustFailures() async throws {
        let sink = try #require(SMTPSink.tls)
        let user = try #require(sink.user)
        let wrong = try SMTPTestMail.mailer(sink, url: "smtp://\(user):wrong-password@\(sink.host):\(sink.port)")
        await #expect { try await wrong.send(SMTPTestMail.message()) } throws: { error in
            guard case MailError.rejected(535, _)? = error as? MailError else { return false }
            return (error as? MailError)?.isPermanent == true
        }
        await wrong.shutdown()
        let untrusted = try SMTPTestMail.mailer(sink, url: "smtp://\(user):x@\(sink.host):\(sink.port)", trust: false)
        await #expect { try await untrusted.send(SMTPTestMail.message()) } throws: { error in
            guard case MailError.connection? = error as? MailError else { return false }
            return true
        }
        await untrusted.shutdown()
    }

    @Test("A server that is not running gives a transient connection error")
    func serverDown() async throws {
        let port = try await SMTPFailureTests.closedPort()
        let mailer = SMTPMailer(settings: try SMTPSettings(url: "smtp://127.0.0.1:\(port)"),
                                eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: SMTPTestMail.logger)
        await #expect { try await mailer.send(SMTPTestMail.message()) } throws: { error in
            guard let error = error as? MailError, case .connection = error else { return false }
            return !error.isPermanent
        }
        await mailer.shutdown()
    }

    @Test("A server that accepts the connection but never answers times out as a transient error")
    func silentServer() async throws {
        // The silent server times how long the mailer held the connection, on its own loop: a wall clock read in
        // the test would also count the seconds the parallel suite keeps the test's task waiting for a thread.
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let held = group.next().makePromise(of: TimeAmount.self)
        let server = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ConnectionStopwatch(held: held))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(server.localAddress?.port)
        let mailer = SMTPMailer(settings: try SMTPSettings(url: "smtp://127.0.0.1:\(port)"),
                                eventLoopGroup: group, logger: SMTPTestMail.logger,
                                replyTimeout: .milliseconds(500))
        await #expect { try await mailer.send(SMTPTestMail.message()) } throws: { error in
            guard let error = error as? MailError, case .connection(let text) = error else { return false }
            return !error.isPermanent && text.contains("no reply")
        }
        let heldFor = try await held.futureResult.get()
        #expect(heldFor >= .milliseconds(400) && heldFor < .seconds(3), "held the silent connection \(heldFor)")
        await mailer.shutdown()
        try await server.close()
        try await group.shutdownGracefully()
    }

    @Test("Invalid envelope addresses are refused before anything is sent, permanently")
    func invalidEnvelope() async throws {
        let mailer = SMTPMailer(settings: SMTPSettings(host: "127.0.0.1", port: 9),
                                eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: SMTPTestMail.logger)
        await #expect { try await mailer.send(SMTPTestMail.message(to: "ada@example.org>\r\nRCPT TO:<victim@example.net")) } throws: { error in
            guard let error = error as? MailError, case .rejected(553, _) = error else { return false }
            return error.isPermanent
        }
        await mailer.shutdown()
        await #expect(throws: MailError.self) { try await mailer.send(SMTPTestMail.message()) }
    }

    /// A loopback port that was free a moment ago: bind to port 0, note the port, close.
    static func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 1
        try await channel.close()
        return port
    }
}

/// Reports how long each accepted connection stayed open, measured on the server's event loop.
private final class ConnectionStopwatch: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    private let held: EventLoopPromise<TimeAmount>
    private var opened: NIODeadline?

    init(held: EventLoopPromise<TimeAmount>) { self.held = held }

    func channelActive(context: ChannelHandlerContext) {
        opened = .now()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let start = opened { held.succeed(NIODeadline.now() - start) }
        context.fireChannelInactive()
    }
}
