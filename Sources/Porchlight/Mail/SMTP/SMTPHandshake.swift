import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Opening a session: connect, greeting, EHLO (or HELO), STARTTLS when offered, then AUTH.
extension SMTPConnection {
    static func connect(settings: SMTPSettings, tls: NIOSSLContext?, group: any EventLoopGroup,
                        timeout: TimeAmount, logger: Logger) async throws -> SMTPConnection {
        let loop = group.next()
        let greeting = loop.makePromise(of: SMTPReply.self)
        // NIOSSL refuses IP addresses as SNI names; with none given it checks the certificate against the peer's IP.
        let serverHostname = isIPAddress(settings.host) ? nil : settings.host
        let implicitTLS = settings.security == .implicitTLS ? tls : nil
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: loop)
                .connectTimeout(timeout)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let implicitTLS {
                            try channel.pipeline.syncOperations.addHandler(
                                NIOSSLClientHandler(context: implicitTLS, serverHostname: serverHostname))
                        }
                        try channel.pipeline.syncOperations.addHandler(SMTPClientHandler(greeting: greeting, timeout: timeout))
                    }
                }
                .connect(host: settings.host, port: settings.port)
                .get()
        } catch {
            greeting.fail(MailError.connection("connect failed"))
            throw MailError.connection("cannot connect to \(settings.host):\(settings.port): \(error)")
        }
        do {
            let reply = try await awaitReply(greeting.futureResult)
            guard reply.code == 220 else { throw MailError.rejected(code: reply.code, text: reply.text) }
            var capabilities = try await hello(channel: channel, settings: settings, timeout: timeout)
            if settings.security == .startTLSWhenOffered, capabilities.contains("STARTTLS"), let tls {
                let upgrade = SMTPStartTLS(context: tls, serverHostname: serverHostname)
                try expect(await command(channel, "STARTTLS", timeout: timeout, startTLS: upgrade), 220)
                capabilities = try await hello(channel: channel, settings: settings, timeout: timeout)
            } else if settings.hasCredentials && implicitTLS == nil {
                logger.warning("SMTP server offers no STARTTLS; sending credentials unencrypted",
                               metadata: ["smtp.server": "\(settings.host):\(settings.port)"])
            }
            if let user = settings.username {
                try await authenticate(channel: channel, user: user, password: settings.password ?? "",
                                       capabilities: capabilities, timeout: timeout)
            }
            return SMTPConnection(channel: channel, capabilities: capabilities, replyTimeout: timeout)
        } catch {
            try? await channel.close()
            throw error
        }
    }

    private static func hello(channel: any Channel, settings: SMTPSettings, timeout: TimeAmount) async throws -> Set<String> {
        let ehlo = try await command(channel, "EHLO \(settings.heloName)", timeout: timeout)
        if ehlo.code == 250 {
            // The first line is the server's greeting; each following line is one extension.
            var capabilities: Set<String> = []
            for line in ehlo.lines.dropFirst() {
                let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" })
                guard let keyword = words.first else { continue }
                capabilities.insert(String(keyword))
                if keyword == "AUTH" { for mechanism in words.dropFirst() { capabilities.insert("AUTH:\(mechanism)") } }
            }
            return capabilities
        }
        guard (500...504).contains(ehlo.code) || ehlo.code == 550 else { throw MailError.rejected(code: ehlo.code, text: ehlo.text) }
        try expect(await command(channel, "HELO \(settings.heloName)", timeout: timeout), 250)
        return []
    }

    private static func authenticate(channel: any Channel, user: String, password: String,
                                     capabilities: Set<String>, timeout: TimeAmount) async throws {
        func base64(_ s: String) -> String { Data(s.utf8).base64EncodedString() }
        if capabilities.contains("AUTH:PLAIN") {
            try expect(await command(channel, "AUTH PLAIN " + base64("\0\(user)\0\(password)"), timeout: timeout), 235)
        } else if capabilities.contains("AUTH:LOGIN") {
            try expect(await command(channel, "AUTH LOGIN", timeout: timeout), 334)
            try expect(await command(channel, base64(user), timeout: timeout), 334)
            try expect(await command(channel, base64(password), timeout: timeout), 235)
        } else {
            throw MailError.invalidSettings("SMTP_URL has credentials but the server offers neither AUTH PLAIN nor AUTH LOGIN")
        }
    }

    private static func isIPAddress(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }
}
