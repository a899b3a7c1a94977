import Foundation

/// Sends one message. Implementations are shared by many concurrent jobs, hence Sendable.
protocol MailTransport: Sendable {
    /// With a gate, the transport enters it just before handing over the message content and returns
    /// still inside it, so the caller can record the send before anyone else's content goes out.
    /// On a throw the gate has been left.
    func send(_ message: MailMessage, commit gate: CommitGate?) async throws
}

extension MailTransport {
    func send(_ message: MailMessage) async throws { try await send(message, commit: nil) }
}

/// Lets one message at a time sit between "the mail server may have accepted it" and "we recorded it
/// as sent". A process killed in that moment can therefore cause at most one duplicate.
actor CommitGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard busy else { busy = true; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

enum MailError: Error, Sendable, Equatable {
    /// The server (or a local check standing in for one) answered with this reply code.
    case rejected(code: Int, text: String)
    /// Could not connect, TLS failed, the connection dropped or a reply timed out.
    case connection(String)
    /// SMTP_URL or the TLS setup is unusable; retrying cannot help.
    case invalidSettings(String)

    /// The job queue dead-letters permanent failures and retries the rest, so anything that may
    /// succeed later (4xx, network trouble) must stay transient.
    var isPermanent: Bool {
        switch self {
        case .rejected(let code, _): return (500...599).contains(code)
        case .connection: return false
        case .invalidSettings: return true
        }
    }
}

extension MailError: CustomStringConvertible {
    var description: String {
        switch self {
        case .rejected(let code, let text): return "mail rejected: \(code) \(text)"
        case .connection(let text): return "mail connection failed: \(text)"
        case .invalidSettings(let text): return "invalid mail settings: \(text)"
        }
    }
}
