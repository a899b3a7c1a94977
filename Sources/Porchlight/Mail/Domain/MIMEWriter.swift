import Foundation

/// Renders a MailMessage as a complete RFC 5322 / MIME message: 7-bit clean, CRLF line endings, a
/// multipart/alternative with text then HTML (readers show the last part they can display).
/// Dot-stuffing is left to the SMTP layer, which is the only place it belongs.
enum MIMEWriter {
    /// Header names the writer owns; extra headers with these names are dropped, never duplicated.
    static let reservedHeaders: Set<String> = [
        "date", "from", "to", "cc", "bcc", "reply-to", "subject", "message-id",
        "mime-version", "content-type", "content-transfer-encoding",
    ]

    static func render(_ m: MailMessage) -> String {
        let boundary = boundary(for: m.messageID)
        var headers: [String] = [
            "Date: " + rfc5322Date(m.date),
            HeaderEncoding.mailbox(name: "From", m.from),
            HeaderEncoding.mailbox(name: "To", m.to),
        ]
        if let replyTo = m.replyTo { headers.append(HeaderEncoding.mailbox(name: "Reply-To", replyTo)) }
        headers.append(HeaderEncoding.unstructured(name: "Subject", value: m.subject))
        headers.append("Message-ID: <\(messageIDToken(m.messageID))>")
        headers.append("MIME-Version: 1.0")
        for header in m.extraHeaders {
            let name = HeaderEncoding.fieldName(header.name)
            guard !name.isEmpty, !reservedHeaders.contains(name.lowercased()) else { continue }
            headers.append(extraHeader(name: name, value: header.value))
        }
        headers.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")

        var out = headers.joined(separator: "\r\n") + "\r\n\r\n"
        for (type, body) in [("text/plain", m.text), ("text/html", m.html)] {
            out += "--\(boundary)\r\n"
            out += "Content-Type: \(type); charset=utf-8\r\n"
            out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            out += QuotedPrintable.encode(body) + "\r\n"
        }
        out += "--\(boundary)--\r\n"
        return out
    }

    /// Derived from the message ID so the same message always renders byte-for-byte the same. The "=_"
    /// prefix cannot occur in quoted-printable output, so the boundary can never appear in a body.
    static func boundary(for messageID: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in messageID.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "=_porchlight_" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// An ASCII structured value (List-Unsubscribe and friends) must not be encoded, so it is only
    /// folded; anything non-ASCII is encoded as for an unstructured field.
    private static func extraHeader(name: String, value: String) -> String {
        let clean = HeaderEncoding.sanitize(value)
        if clean.unicodeScalars.allSatisfy({ $0.isASCII }) {
            return HeaderEncoding.fold(name: name, tokens: clean.split(separator: " ").map(String.init))
        }
        return HeaderEncoding.unstructured(name: name, value: clean)
    }

    private static func messageIDToken(_ id: String) -> String {
        let clean = String(decoding: id.utf8.filter { (0x21...0x7E).contains($0) && $0 != 60 && $0 != 62 }, as: UTF8.self)
        return clean.isEmpty ? "missing-id@porchlight.invalid" : clean
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Sat, 22 Nov 2025 17:21:00 +0000". Built from calendar components rather than a DateFormatter,
    /// which is neither Sendable nor cheap to create per message.
    static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let c = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        let weekday = weekdays[((c.weekday ?? 1) - 1) % 7]
        let month = months[((c.month ?? 1) - 1) % 12]
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(weekday), \(two(c.day)) \(month) \(c.year ?? 1970) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }
}
