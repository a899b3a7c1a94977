import NIOCore
import NIOSSL

struct SMTPReply: Sendable, Equatable {
    var code: Int
    var lines: [String]
    var text: String { lines.joined(separator: " ") }
}

/// Asks the handler to switch to TLS as soon as the 220 reply to STARTTLS arrives.
struct SMTPStartTLS: Sendable {
    var context: NIOSSLContext
    var serverHostname: String?
}

/// One command (or the message content) and the promise for the single reply it expects.
struct SMTPRequest: Sendable {
    var bytes: ByteBuffer
    var reply: EventLoopPromise<SMTPReply>
    var timeout: TimeAmount
    var startTLS: SMTPStartTLS? = nil
}

/// Frames server replies (including multi-line "250-..." ones) and hands each to the oldest waiting
/// request. Any failure — a timeout, a protocol error, the server closing — fails every waiter and
/// closes the channel, so a connection is either healthy or gone, never half-synchronised.
final class SMTPClientHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = SMTPRequest
    typealias OutboundOut = ByteBuffer

    private struct Waiter {
        var promise: EventLoopPromise<SMTPReply>
        var timer: Scheduled<Void>?
        var timeout: TimeAmount
        var startTLS: SMTPStartTLS?
    }

    private static let maxBufferedBytes = 64 * 1024
    private static let maxReplyLines = 1000

    private var waiters: [Waiter] = []
    private var buffer = ByteBuffer()
    private var replyLines: [String] = []
    private var failure: MailError?

    /// The greeting arrives unasked, so it is the first waiter from the start.
    init(greeting: EventLoopPromise<SMTPReply>, timeout: TimeAmount) {
        waiters.append(Waiter(promise: greeting, timer: nil, timeout: timeout))
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { armTimer(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        armTimer(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(.connection("connection closed by the server"), context: context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(.connection(String(describing: error)), context: context)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        if let failure {
            request.reply.fail(failure)
            promise?.fail(failure)
            return
        }
        waiters.append(Waiter(promise: request.reply, timer: nil, timeout: request.timeout, startTLS: request.startTLS))
        if waiters.count == 1 { armTimer(context: context) }
        context.write(wrapOutboundOut(request.bytes), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        buffer.writeBuffer(&incoming)
        while failure == nil, let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
            let length = newline - buffer.readerIndex + 1
            guard var line = buffer.readBytes(length: length) else { break }
            line.removeLast()
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            handleLine(line, context: context)
        }
        buffer.discardReadBytes()
        if buffer.readableBytes > Self.maxBufferedBytes {
            fail(.connection("reply line longer than \(Self.maxBufferedBytes) bytes"), context: context)
        }
    }

    private func handleLine(_ utf8: [UInt8], context: ChannelHandlerContext) {
        guard utf8.count >= 3, let code = Int(String(decoding: utf8[0..<3], as: UTF8.self)), (200...599).contains(code),
              utf8.count == 3 || utf8[3] == UInt8(ascii: " ") || utf8[3] == UInt8(ascii: "-") else {
            let line = String(decoding: utf8.prefix(80), as: UTF8.self)
            fail(.connection("malformed reply line \(String(reflecting: line))"), context: context)
            return
        }
        replyLines.append(utf8.count > 4 ? String(decoding: utf8[4...], as: UTF8.self) : "")
        if utf8.count > 3 && utf8[3] == UInt8(ascii: "-") {
            if replyLines.count > Self.maxReplyLines { fail(.connection("reply has too many lines"), context: context) }
            return
        }
        let reply = SMTPReply(code: code, lines: replyLines)
        replyLines = []
        deliver(reply, context: context)
    }

    private func deliver(_ reply: SMTPReply, context: ChannelHandlerContext) {
        guard !waiters.isEmpty else {
            // Typically "421 idle timeout" just before the server hangs up.
            fail(.connection("unexpected reply from server: \(reply.code) \(reply.text)"), context: context)
            return
        }
        let waiter = waiters.removeFirst()
        waiter.timer?.cancel()
        if let startTLS = waiter.startTLS, reply.code == 220 {
            // Bytes already buffered after the 220 were sent in plaintext before the handshake and
            // could be injected replies (CVE-2011-0411 style), so they end the connection instead.
            guard buffer.readableBytes == 0 else {
                fail(.connection("server sent data after its STARTTLS reply"), context: context)
                waiter.promise.fail(MailError.connection("server sent data after its STARTTLS reply"))
                return
            }
            do {
                let tls = try NIOSSLClientHandler(context: startTLS.context, serverHostname: startTLS.serverHostname)
                try context.pipeline.syncOperations.addHandler(tls, position: .first)
            } catch {
                let failure = MailError.connection("could not start TLS: \(error)")
                waiter.promise.fail(failure)
                fail(failure, context: context)
                return
            }
        }
        if !waiters.isEmpty { armTimer(context: context) }
        waiter.promise.succeed(reply)
    }

    /// Times the oldest waiter only: replies come in order, so it is the one that should arrive next.
    private func armTimer(context: ChannelHandlerContext) {
        guard failure == nil, let first = waiters.first, first.timer == nil else { return }
        let seconds = first.timeout.nanoseconds / 1_000_000_000
        waiters[0].timer = context.eventLoop.assumeIsolated().scheduleTask(in: first.timeout) { [self] in
            self.fail(.connection("no reply from server within \(seconds) s"), context: context)
        }
    }

    private func fail(_ error: MailError, context: ChannelHandlerContext) {
        let pending = waiters
        waiters = []
        let firstFailure = failure == nil
        if firstFailure { failure = error }
        for waiter in pending {
            waiter.timer?.cancel()
            waiter.promise.fail(failure ?? error)
        }
        if firstFailure && context.channel.isActive { context.close(promise: nil) }
    }
}
