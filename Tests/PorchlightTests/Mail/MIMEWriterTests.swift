import Foundation
import Testing
@testable import Porchlight

@Suite("MIME writer")
struct MIMEWriterTests {
    static func message(subject: String = "Your order has shipped", fromName: String? = "Porchlight Shop",
                        text: String = "Hello\nWorld", html: String = "<p>Hello</p>",
                        extra: [MailHeader] = []) -> MailMessage {
        MailMessage(from: MailAddress(name: fromName, address: "shop@example.com"),
                    to: MailAddress(name: "Ada Lovelace", address: "ada@example.org"),
                    replyTo: MailAddress(name: nil, address: "support@example.com"),
                    subject: subject, text: text, html: html, messageID: "msg-3f2a@porchlight.local",
                    date: Date(timeIntervalSince1970: 1_763_832_060), extraHeaders: extra)
    }

    static let expectedHeaderNames = ["Date", "From", "To", "Reply-To", "Subject", "Message-ID", "MIME-Version"]

    @Test("Renders the headers, both parts and CRLF line endings")
    func basicShape() {
        let raw = MIMEWriter.render(Self.message(extra: [MailHeader(name: "List-Unsubscribe", value: "<https://shop.example/u/abc>")]))
        let (headers, _) = MailDecode.split(raw)
        #expect(headers.map(\.name) == Self.expectedHeaderNames + ["List-Unsubscribe", "Content-Type"])
        #expect(MailDecode.header("Date", in: raw) == "Sat, 22 Nov 2025 17:21:00 +0000")
        #expect(MailDecode.header("From", in: raw) == "Porchlight Shop <shop@example.com>")
        #expect(MailDecode.header("Reply-To", in: raw) == "support@example.com")
        #expect(MailDecode.header("Message-ID", in: raw) == "<msg-3f2a@porchlight.local>")
        let bytes = Array(raw.utf8)
        #expect(!bytes.indices.contains { bytes[$0] == 10 && ($0 == 0 || bytes[$0 - 1] != 13) }, "bare LF")
        #expect(!bytes.indices.contains { bytes[$0] == 13 && ($0 + 1 == bytes.count || bytes[$0 + 1] != 10) }, "bare CR")
        #expect(raw.hasSuffix("--\r\n"))
        let parts = MailDecode.parts(raw)
        #expect(parts.map(\.contentType) == ["text/plain; charset=utf-8", "text/html; charset=utf-8"])
        #expect(parts.map(\.text) == ["Hello\r\nWorld", "<p>Hello</p>"])
    }

    @Test("The same message renders to the same bytes; the boundary follows the Message-ID")
    func deterministic() {
        let m = Self.message()
        #expect(MIMEWriter.render(m) == MIMEWriter.render(m))
        var other = m
        other.messageID = "msg-other@porchlight.local"
        #expect(MIMEWriter.boundary(for: m.messageID) != MIMEWriter.boundary(for: other.messageID))
        #expect(MIMEWriter.boundary(for: m.messageID) == MIMEWriter.boundary(for: "msg-3f2a@porchlight.local"))
    }

    @Test("CR, LF and other line breaks in any header value add no header", arguments: [
        "\r\nBcc: victim@example.net", "\nBcc: victim@example.net", "\rBcc: victim@example.net",
        "\u{2028}Bcc: victim@example.net", "\u{85}Bcc: victim@example.net", "\r\n\r\nInjected body",
    ])
    func headerInjection(_ payload: String) {
        var m = Self.message(subject: "Hi" + payload, fromName: "Eve" + payload,
                             extra: [MailHeader(name: "X-Note", value: "x" + payload),
                                     MailHeader(name: "X-Name" + payload, value: "y")])
        m.to.address = "ada@example.org" + payload
        m.replyTo = MailAddress(name: "Support" + payload, address: "help@example.com")
        let raw = MIMEWriter.render(m)
        let headers = MailDecode.split(raw).headers
        #expect(headers.map(\.name) == Self.expectedHeaderNames + ["X-Note", "X-NameBccvictim@example.net", "Content-Type"]
                || headers.map(\.name) == Self.expectedHeaderNames + ["X-Note", "X-NameInjectedbody", "Content-Type"])
        #expect(!raw.contains("\nBcc:"))
        #expect(!raw.contains("Injected body\r\n--"))
        for line in raw.components(separatedBy: "\r\n") {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" })
        }
    }

    @Test("Non-ASCII display names and subjects become encoded words that decode back")
    func encodedWords() throws {
        let subject = "Deine Bestellung ist unterwegs 📦 — Größe M, Farbe Grün, Lieferung bis Freitag: voilà, ça arrive! 日本語のテキスト"
        let raw = MIMEWriter.render(Self.message(subject: subject, fromName: "Zoë's Café"))
        let subjectHeader = try #require(MailDecode.header("Subject", in: raw))
        #expect(subjectHeader.hasPrefix("=?utf-8?B?"))
        #expect(MailDecode.encodedWords(subjectHeader) == subject)
        let from = try #require(MailDecode.header("From", in: raw))
        #expect(from.hasSuffix(" <shop@example.com>"))
        #expect(MailDecode.encodedWords(String(from.dropLast(" <shop@example.com>".count))) == "Zoë's Café")
        for word in raw.split(whereSeparator: { $0 == " " || $0 == "\r\n" }) where word.hasPrefix("=?") {
            #expect(word.count <= 75)
        }
        let block = try #require(raw.components(separatedBy: "\r\n\r\n").first)
        for line in block.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78, "header line too long: \(line)")
        }
    }

    @Test("ASCII display names with specials are quoted, with quote and backslash escaped")
    func quotedDisplayName() {
        let raw = MIMEWriter.render(Self.message(fromName: #"Smith, John "JJ" \ Jr."#))
        #expect(MailDecode.header("From", in: raw) == #""Smith, John \"JJ\" \\ Jr." <shop@example.com>"#)
        let plain = MIMEWriter.render(Self.message(fromName: "O'Brien & Sons"))
        #expect(MailDecode.header("From", in: plain) == "O'Brien & Sons <shop@example.com>")
    }

    @Test("Long ASCII subjects fold at spaces within 78 characters and unfold unchanged")
    func folding() throws {
        let subject = (1...40).map { "word\($0)" }.joined(separator: " ")
        let raw = MIMEWriter.render(Self.message(subject: subject))
        #expect(MailDecode.header("Subject", in: raw) == subject)
        let block = try #require(raw.components(separatedBy: "\r\n\r\n").first)
        #expect(block.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(block.contains("\r\n word"))
    }

    @Test("Quoted-printable survives tricky bodies", arguments: [
        String(repeating: "x", count: 300),
        String(repeating: "=", count: 100) + " a=b ==3D",
        "trailing spaces   \ntrailing tab\t\nend ",
        "Grüße aus Köln — 📦 naïve café " + String(repeating: "é", count: 80),
        ".leading dot\n..two dots\n.\nFrom the start",
        "\n\nblank lines\n\n",
        "mixed\r\nline\rendings\n",
        String(repeating: "a ", count: 60) + "\t" + String(repeating: "ü", count: 30),
    ])
    func quotedPrintableRoundTrip(_ body: String) {
        let encoded = QuotedPrintable.encode(body)
        let normalized = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
        #expect(MailDecode.quotedPrintable(encoded) == normalized)
        for line in encoded.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76, "line too long: \(line)")
            #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"))
            #expect(line.utf8.allSatisfy { $0 < 128 })
        }
        let raw = MIMEWriter.render(Self.message(text: body, html: "<pre>\(body)</pre>"))
        #expect(MailDecode.parts(raw).map(\.text) == [normalized, "<pre>\(normalized)</pre>"])
    }

    @Test("The boundary never appears in a body, even when the body quotes it")
    func boundaryAbsentFromBodies() {
        let boundary = MIMEWriter.boundary(for: "msg-3f2a@porchlight.local")
        let hostile = "--\(boundary)\n--\(boundary)--\n\(boundary)"
        let raw = MIMEWriter.render(Self.message(text: hostile, html: hostile))
        #expect(raw.components(separatedBy: boundary).count - 1 == 4)  // Content-Type, two parts, closing
        #expect(MailDecode.parts(raw).map(\.text) == [hostile.replacingOccurrences(of: "\n", with: "\r\n"),
                                                      hostile.replacingOccurrences(of: "\n", with: "\r\n")])
    }

    @Test("Extra headers cannot replace the writer's own")
    func reservedExtraHeaders() {
        let raw = MIMEWriter.render(Self.message(extra: [
            MailHeader(name: "Content-Type", value: "text/plain"), MailHeader(name: "bcc", value: "x@example.net"),
            MailHeader(name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click"),
            MailHeader(name: "X-Ünïcode", value: "Grüße"),
        ]))
        let names = MailDecode.split(raw).headers.map(\.name)
        #expect(names == Self.expectedHeaderNames + ["List-Unsubscribe-Post", "X-ncode", "Content-Type"])
        #expect(MailDecode.encodedWords(MailDecode.header("X-ncode", in: raw) ?? "") == "Grüße")
    }
}
