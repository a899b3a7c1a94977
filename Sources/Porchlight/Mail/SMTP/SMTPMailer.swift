import Foundation
import Logging
import NIOCore
import NIOSSL

/// The production MailTransport: speaks SMTP itself over SwiftNIO and reuses connections through a
/// small pool, so a burst of notifications does not pay for a TCP + TLS + AUTH handshake per message.
final class SMTPMailer: MailTransport, Sendable {
    private let pool: SMTPConnectionPool
    private let logger: Logger

    init(settings: SMTPSettings, eventLoopGroup: any EventLoopGroup, logger: Logger,
         tlsTrustRootsFile: String? = nil, maxConnections: Int = 4,
         idleTimeout: Duration = .seconds(30), replyTimeout: Duration = .seconds(30)) {
        self.logger = logger
        let (seconds, attoseconds) = replyTimeout.components
        let timeout = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        // Verification stays on (full, with hostname); an extra root only widens what is trusted.
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let tlsTrustRootsFile { configuration.additionalTrustRoots = [.file(tlsTrustRootsFile)] }
        let tls: Result<NIOSSLContext, MailError>
        do {
            tls = .success(try NIOSSLContext(configuration: configuration))
        } catch {
            // Reported on every send rather than thrown here, so a bad file fails the jobs visibly.
            tls = .failure(.invalidSettings("cannot set up TLS (trust roots \(tlsTrustRootsFile ?? "system")): \(error)"))
        }
        pool = SMTPConnectionPool(maxConnections: maxConnections, idleTimeout: idleTimeout) {
            let connection = try await SMTPConnection.connect(
                settings: settings, tls: try tls.get(), group: eventLoopGroup, timeout: timeout, logger: logger)
            logger.debug("SMTP connection opened", metadata: [
                "smtp.server": "\(settings)", "smtp.capabilities": "\(connection.capabilities.sorted())",
            ])
            return connection
        }
    }

    func send(_ message: MailMessage, commit gate: CommitGate?) async throws {
        // Checked here too: an address with CR/LF would otherwise become a second SMTP command.
        for address in [message.from.address, message.to.address] where !MailAddress.isValid(address) {
            throw MailError.rejected(code: 553, text: "invalid address \(String(reflecting: address)) (rejected before sending)")
        }
        let data = ByteBuffer(bytes: Self.dotStuffed(MIMEWriter.render(message)))
        var fresh = false
        while true {
            let lease = try await pool.acquire(fresh: fresh)
            do throws(SMTPTransactionFailure) {
                if lease.needsReset {
                    do { try await lease.connection.reset() } catch {
                        throw SMTPTransactionFailure(error: .connection("RSET failed: \(error)"), contentSent: false, connectionUsable: false)
                    }
                }
                try await lease.connection.transaction(from: message.from.address, to: message.to.address,
                                                      data: data, gate: gate)
                await pool.release(lease.connection, usable: true, needsReset: false)
                return
            } catch {
                await pool.release(lease.connection, usable: error.connectionUsable, needsReset: true)
                // A pooled connection may have been dropped by the server while idle; that says nothing
                // about the message, so one retry on a brand-new connection is safe until content went out.
                if lease.reused && !fresh && !error.contentSent && Self.isStaleConnection(error.error) {
                    logger.debug("pooled SMTP connection failed, retrying on a fresh one", metadata: ["error": "\(error.error)"])
                    fresh = true
                    continue
                }
                throw error.error
            }
        }
    }

    func shutdown() async {
        await pool.shutdown()
    }

    private static func isStaleConnection(_ error: MailError) -> Bool {
        switch error {
        case .connection: return true
        case .rejected(let code, _): return code == 421
        case .invalidSettings: return false
        }
    }

    /// SMTP ends DATA with a line holding a single ".", so every line starting with "." gets a second one.
    static func dotStuffed(_ rendered: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rendered.utf8.count + 64)
        var atLineStart = true
        for byte in rendered.utf8 {
            if atLineStart && byte == UInt8(ascii: ".") { bytes.append(byte) }
            bytes.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !bytes.isEmpty && !(bytes.count >= 2 && bytes[bytes.count - 2] == 13 && bytes.last == 10) { bytes += [13, 10] }
        bytes += Array(".\r\n".utf8)
        return bytes
    }
}
