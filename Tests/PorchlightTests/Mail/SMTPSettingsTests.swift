import Testing
@testable import Porchlight

@Suite("SMTP_URL parsing")
struct SMTPSettingsTests {
    @Test("smtp:// defaults to port 587, STARTTLS when offered, no credentials, EHLO localhost")
    func plainDefaults() throws {
        let s = try SMTPSettings(url: "smtp://mail.example.com")
        #expect(s == SMTPSettings(host: "mail.example.com", port: 587, security: .startTLSWhenOffered, heloName: "localhost"))
        #expect(!s.hasCredentials)
    }

    @Test("smtps:// defaults to port 465 with implicit TLS; user and password are percent-decoded")
    func implicitTLS() throws {
        let s = try SMTPSettings(url: "smtps://shop%40example.com:p%3As%2Fs%20w%25rd@smtp.example.com")
        #expect(s.port == 465)
        #expect(s.security == .implicitTLS)
        #expect(s.username == "shop@example.com")
        #expect(s.password == "p:s/s w%rd")
    }

    @Test("Explicit port, helo, IPv6 host and a trailing slash")
    func explicitParts() throws {
        let s = try SMTPSettings(url: "SMTP://user:pass@127.0.0.1:2525/?helo=shop.example.com")
        #expect(s == SMTPSettings(host: "127.0.0.1", port: 2525, security: .startTLSWhenOffered,
                                  username: "user", password: "pass", heloName: "shop.example.com"))
        #expect(try SMTPSettings(url: "smtp://[::1]:25").host == "::1")
    }

    @Test("Bad URLs fail with an invalidSettings error that names the problem", arguments: [
        ("", "scheme"), ("not a url at all", "URL"), ("http://mail.example.com", "scheme"),
        ("smtp://", "host"), ("smtp://mail.example.com:0", "port"), ("smtp://mail.example.com:70000", ""),
        ("smtp://user@mail.example.com", "no password"), ("smtp://:secret@mail.example.com", "no user"),
        ("smtp://mail.example.com/inbox", "path"), ("smtp://mail.example.com?tls=off", "unknown parameter"),
        ("smtp://mail.example.com?helo=", "helo"), ("smtp://u:p%ZZ@mail.example.com", ""),
        ("smtp://mail.example.com#frag", "fragment"),
    ])
    func badURLs(_ url: String, _ mentions: String) {
        do {
            let parsed = try SMTPSettings(url: url)
            Issue.record("expected an error for \(url), got \(parsed)")
        } catch let MailError.invalidSettings(message) {
            #expect(mentions.isEmpty || message.contains(mentions), "\(message)")
            #expect(message.hasPrefix("SMTP_URL"))
            #expect(MailError.invalidSettings(message).isPermanent)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("Errors and descriptions never show the password")
    func passwordStaysHidden() throws {
        let s = try SMTPSettings(url: "smtp://user:hunter2@mail.example.com:2525")
        #expect(s.description == "smtp://user:***@mail.example.com:2525")
        do {
            _ = try SMTPSettings(url: "smtp://user:hunter2@mail.example.com/path")
        } catch {
            #expect(!"\(error)".contains("hunter2"))
        }
    }
}
