import NIOCore

/// Why a transaction failed, and what that means for the connection and for a retry.
struct SMTPTransactionFailure: Error {
    var error: MailError
    /// Content went out, so the server may have queued the message: resending could deliver it twice.
    var contentSent: Bool
    /// The server is still in sync with us (it replied), so the connection can be RSET and reused.
    var connectionUsable: Bool
}

/// One open, greeted, EHLO'd (and, if available, TLS-protected and authenticated) SMTP session.
final class SMTPConnection: Sendable {
    let channel: any Channel
    let capabilities: Set<String>
    let replyTimeout: TimeAmount

    init(channel: any Channel, capabilities: Set<String>, replyTimeout: TimeAmount) {
        self.channel = channel
        self.capabilities = capabilities
        self.replyTimeout = replyTimeout
    }

    var isActive: Bool { channel.isActive }

    /// Sends one message. `data` must already be dot-stuffed and end with CRLF "." CRLF.
    /// With a gate, returns inside it on success (see `MailTransport`); leaves it on failure.
    func transaction(from: String, to: String, data: ByteBuffer, gate: CommitGate?) async throws(SMTPTransactionFailure) {
        var contentSent = false
        var entered = false
        do {
            try Self.expect(await command("MAIL FROM:<\(from)>"), 250)
            try Self.expect(await command("RCPT TO:<\(to)>"), 250, 251)
            try Self.expect(await command("DATA"), 354)
            if let gate { await gate.enter(); entered = true }
            contentSent = true
            try Self.expect(await Self.send(channel, data, timeout: replyTimeout), 250)
        } catch let error as MailError {
            if entered, let gate { await gate.leave() }
            // 421 means the server is closing the session, whatever the socket says yet.
            if case .rejected(let code, _) = error, code != 421 {
                throw SMTPTransactionFailure(error: error, contentSent: contentSent, connectionUsable: isActive)
            }
            throw SMTPTransactionFailure(error: error, contentSent: contentSent, connectionUsable: false)
        } catch {
            if entered, let gate { await gate.leave() }
            throw SMTPTransactionFailure(error: .connection("\(error)"), contentSent: contentSent, connectionUsable: false)
        }
    }

    func reset() async throws {
        try Self.expect(await command("RSET"), 250)
    }

    /// Says goodbye politely but never waits long: the server may already be gone.
    func quit() async {
        if isActive { _ = try? await Self.command(channel, "QUIT", timeout: .seconds(2)) }
        try? await channel.close()
    }

    private func command(_ line: String) async throws -> SMTPReply {
        try await Self.command(channel, line, timeout: replyTimeout)
    }

    // MARK: - Wire helpers, shared with the handshake

    static func command(_ channel: any Channel, _ line: String, timeout: TimeAmount,
                        startTLS: SMTPStartTLS? = nil) async throws -> SMTPReply {
        try await send(channel, ByteBuffer(string: line + "\r\n"), timeout: timeout, startTLS: startTLS)
    }

    static func send(_ channel: any Channel, _ bytes: ByteBuffer, timeout: TimeAmount,
                     startTLS: SMTPStartTLS? = nil) async throws -> SMTPReply {
        let reply = channel.eventLoop.makePromise(of: SMTPReply.self)
        // A write that never reaches the handler (channel already closed) would leave the promise
        // pending forever; completing an already-completed promise is a no-op, so this is safe.
        channel.writeAndFlush(SMTPRequest(bytes: bytes, reply: reply, timeout: timeout, startTLS: startTLS))
            .whenFailure { reply.fail(MailError.connection("write failed: \($0)")) }
        return try await awaitReply(reply.futureResult)
    }

    static func awaitReply(_ future: EventLoopFuture<SMTPReply>) async throws -> SMTPReply {
        do {
            return try await future.get()
        } catch let error as MailError {
            throw error
        } catch {
            throw MailError.connection("\(error)")
        }
    }

    static func expect(_ reply: SMTPReply, _ codes: Int...) throws {
        guard codes.contains(reply.code) else { throw MailError.rejected(code: reply.code, text: reply.text) }
    }
}
