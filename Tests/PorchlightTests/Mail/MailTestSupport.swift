import Foundation
import Logging
import NIOPosix
@testable import Porchlight

/// Independent decoders for what MIMEWriter produces, so the tests check meaning, not just bytes.
enum MailDecode {
    /// Header block and body of a rendered message, headers unfolded (CRLF + space removed).
    static func split(_ raw: String) -> (headers: [(name: String, value: String)], body: String) {
        let halves = raw.components(separatedBy: "\r\n\r\n")
        let headerBlock = halves.first ?? ""
        let body = halves.dropFirst().joined(separator: "\r\n\r\n")
        var headers: [(name: String, value: String)] = []
        for line in headerBlock.components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), let last = headers.popLast() {
                headers.append((last.name, last.value + line))
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...].dropFirst())))
            } else {
                headers.append(("<not a header: \(line)>", ""))
            }
        }
        return (headers, body)
    }

    static func header(_ name: String, in raw: String) -> String? {
        split(raw).headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The decoded text of each MIME part, in order.
    static func parts(_ raw: String) -> [(contentType: String, text: String)] {
        guard let contentType = header("Content-Type", in: raw),
              let range = contentType.range(of: "boundary=\"") else { return [] }
        let boundary = String(contentType[range.upperBound...].prefix { $0 != "\"" })
        let body = split(raw).body
        return body.components(separatedBy: "--\(boundary)").dropFirst().compactMap { chunk in
            guard !chunk.hasPrefix("--") else { return nil }
            // Swift treats "\r\n" as one Character, so dropFirst/removeLast take the whole line break.
            let part = split(String(chunk.hasPrefix("\r\n") ? chunk.dropFirst() : chunk[...]))
            var encoded = part.body
            if encoded.hasSuffix("\r\n") { encoded.removeLast() }
            let type = part.headers.first { $0.name == "Content-Type" }?.value ?? ""
            return (type, quotedPrintable(encoded))
        }
    }

    static func quotedPrintable(_ encoded: String) -> String {
        let bytes = Array(encoded.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "="), i + 2 < bytes.count,
               let value = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(value)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes RFC 2047 B words (utf-8 only); the space between two encoded words is dropped.
    static func encodedWords(_ value: String) -> String {
        var result = ""
        var pending: [UInt8] = []
        var previousWasEncoded = false
        for token in value.split(separator: " ", omittingEmptySubsequences: false) {
            if token.hasPrefix("=?utf-8?B?"), token.hasSuffix("?="),
               let data = Data(base64Encoded: String(token.dropFirst(10).dropLast(2))) {
                if !previousWasEncoded && !result.isEmpty { result += " " }
                pending += data
                previousWasEncoded = true
            } else {
                if !pending.isEmpty { result += String(decoding: pending, as: UTF8.self); pending = [] }
                if !result.isEmpty || previousWasEncoded { result += " " }
                result += token
                previousWasEncoded = false
            }
        }
        return result + String(decoding: pending, as: UTF8.self)
    }
}

/// The aiosmtpd sinks scripts/test.sh starts (scripts/smtp-sink.py), described by environment variables.
struct SMTPSink: Sendable {
    var host: String
    var port: Int
    var maildir: String
    var certFile: String?
    var user: String?
    var password: String?

    /// PORCHLIGHT_TEST_SMTP_SINK = "host:port:maildir": no TLS, no AUTH.
    static let plain: SMTPSink? = parse(ProcessInfo.processInfo.environment["PORCHLIGHT_TEST_SMTP_SINK"], fields: 3)
    /// PORCHLIGHT_TEST_SMTP_TLS_SINK = "host:port:maildir:certfile:user:pass": STARTTLS offered, AUTH required.
    static let tls: SMTPSink? = parse(ProcessInfo.processInfo.environment["PORCHLIGHT_TEST_SMTP_TLS_SINK"], fields: 6)

    /// PORCHLIGHT_TEST_SMTPS_SINK = "host:port:maildir:certfile:user:pass": implicit TLS (smtps), AUTH required.
    static let implicitTLS: SMTPSink? = parse(ProcessInfo.processInfo.environment["PORCHLIGHT_TEST_SMTPS_SINK"], fields: 6)

    private static func parse(_ value: String?, fields: Int) -> SMTPSink? {
        guard let parts = value?.split(separator: ":", maxSplits: fields - 1, omittingEmptySubsequences: false)
                .map(String.init), parts.count == fields, let port = Int(parts[1]) else { return nil }
        return fields == 6
            ? SMTPSink(host: parts[0], port: port, maildir: parts[2], certFile: parts[3], user: parts[4], password: parts[5])
            : SMTPSink(host: parts[0], port: port, maildir: parts[2])
    }

    struct Record: Decodable, Sendable {
        struct Parsed: Decodable, Sendable {
            var subject: String
            var from: String
            var to: String
            var reply_to: String
            var message_id: String
            var text: String?
            var html: String?
            var header_names: [String]
            var defects: [String]
        }
        var n: Int
        var connection: Int
        var tls: Bool
        var user: String?
        var mail_from: String
        var rcpt_tos: [String]
        var data: String
        var parsed: Parsed
    }

    /// Waits until the sink has stored a message with each of these Message-IDs (without brackets).
    func records(withMessageIDs ids: [String], timeout: Duration = .seconds(10)) async throws -> [Record] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let text = (try? String(contentsOfFile: maildir + "/messages.jsonl", encoding: .utf8)) ?? ""
            let all = text.split(separator: "\n").compactMap {
                try? JSONDecoder().decode(Record.self, from: Data($0.utf8))
            }
            let found = ids.compactMap { id in all.first { $0.parsed.message_id == "<\(id)>" } }
            if found.count == ids.count || ContinuousClock.now > deadline { return found }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}

/// Messages and mailers for the tests that talk to a real SMTP server.
enum SMTPTestMail {
    static let logger = Logger(label: "porchlight.test.smtp")

    /// A fresh Message-ID each time, so tests running in parallel against one sink find their own mail.
    static func message(to: String = "ada@example.org", subject: String = "Your order has shipped",
                        text: String = "Hello", html: String = "<p>Hello</p>") -> MailMessage {
        MailMessage(from: MailAddress(name: "Zoë's Café", address: "shop@example.com"),
                    to: MailAddress(name: "Ada Lovelace", address: to),
                    replyTo: MailAddress(name: nil, address: "support@example.com"),
                    subject: subject, text: text, html: html,
                    messageID: "test-\(UUID().uuidString.lowercased())@porchlight.local", date: Date())
    }

    static func mailer(_ sink: SMTPSink, url: String? = nil, trust: Bool = true, maxConnections: Int = 4,
                       idleTimeout: Duration = .seconds(30)) throws -> SMTPMailer {
        SMTPMailer(settings: try SMTPSettings(url: url ?? "smtp://\(sink.host):\(sink.port)"),
                   eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger,
                   tlsTrustRootsFile: trust ? sink.certFile : nil, maxConnections: maxConnections,
                   idleTimeout: idleTimeout, replyTimeout: .seconds(10))
    }

    static func normalized(_ s: String?) -> String? { s?.replacingOccurrences(of: "\r\n", with: "\n") }
}
