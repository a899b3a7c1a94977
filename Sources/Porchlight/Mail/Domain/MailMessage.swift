import Foundation

struct MailAddress: Sendable, Equatable {
    var name: String?
    var address: String
}

struct MailHeader: Sendable, Equatable {
    var name: String
    var value: String
}

struct MailMessage: Sendable, Equatable {
    var from: MailAddress
    var to: MailAddress
    var replyTo: MailAddress?
    var subject: String
    /// The text/plain alternative.
    var text: String
    /// The text/html alternative.
    var html: String
    /// Without angle brackets, e.g. "msg-3f2a@porchlight.local". Keep it stable per message: the MIME
    /// boundary is derived from it, and a retried send should carry the same ID so receivers can de-duplicate.
    var messageID: String
    var date: Date
    /// For headers such as List-Unsubscribe and List-Unsubscribe-Post. Headers the writer sets itself
    /// (From, Subject, Content-Type, ...) are ignored here so they cannot be duplicated or overridden.
    var extraHeaders: [MailHeader] = []
}

extension MailAddress {
    /// Rejects, rather than repairs, an address that could not be used safely: in a header or an SMTP
    /// command a CR/LF, `<`, `>`, space or comma would let the value end the line or add a recipient.
    init(validating address: String, name: String? = nil) throws {
        guard MailAddress.isValid(address) else {
            throw MailError.rejected(code: 553, text: "invalid address \(String(reflecting: address)) (rejected before sending)")
        }
        self.init(name: name, address: address)
    }

    /// A deliberately narrow "local@domain" check: printable ASCII only, no quoted local parts and no
    /// address literals. Those are legal but rare, and allowing them would need quoting rules everywhere
    /// the address is written. Non-ASCII addresses would need SMTPUTF8, which this mailer does not speak.
    static func isValid(_ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard (3...254).contains(bytes.count) else { return false }
        guard bytes.allSatisfy({ (0x21...0x7E).contains($0) && !forbiddenInAddress.contains($0) }) else { return false }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return false }
        return (1...64).contains(local.utf8.count) && !domain.isEmpty
            && !domain.hasPrefix(".") && !domain.hasSuffix(".") && !domain.contains("..")
    }

    /// The bytes `isValid` refuses: RFC 5322 specials except "@" and ".", plus the quote and backslash.
    static let forbiddenInAddress: Set<UInt8> = Set("<>()[]\\,;:\"".utf8)
}
