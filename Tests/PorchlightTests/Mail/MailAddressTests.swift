import Testing
@testable import Porchlight

@Suite("Mail addresses and SMTP data")
struct MailAddressTests {
    @Test("Addresses are validated up front and sanitised in headers", arguments: [
        "ada@example.org\r\nBcc: victim@example.net", "<ada@example.org>", "ada lovelace@example.org",
        "ada@example.org,eve@example.net", "", "no-at-sign", "two@at@example.org", "ädä@example.org",
        "ada@", "@example.org", "ada@example..org",
    ])
    func addressValidation(_ address: String) {
        #expect(throws: MailError.self) { try MailAddress(validating: address) }
        do {
            _ = try MailAddress(validating: address)
        } catch let error as MailError {
            #expect(error.isPermanent)
        } catch {}
        var m = MIMEWriterTests.message()
        m.to = MailAddress(name: nil, address: address)
        let to = MailDecode.header("To", in: MIMEWriter.render(m)) ?? ""
        #expect(!to.contains(where: { " <>,\r\n".contains($0) }))
    }

    @Test("Ordinary addresses pass validation")
    func validAddresses() throws {
        for address in ["a.b+tag@example.co.uk", "x@y.z", "o'brien@example.ie", "first_last-1@sub.example.com"] {
            #expect(try MailAddress(validating: address, name: "N").address == address)
        }
    }

    @Test("SMTP dot-stuffing doubles leading dots and terminates the data")
    func dotStuffing() {
        let stuffed = SMTPMailer.dotStuffed(".first\r\nmid.dle\r\n..two\r\n.\r\nlast")
        #expect(String(decoding: stuffed, as: UTF8.self) == "..first\r\nmid.dle\r\n...two\r\n..\r\nlast\r\n.\r\n")
        #expect(String(decoding: SMTPMailer.dotStuffed("a\r\n"), as: UTF8.self) == "a\r\n.\r\n")
    }
}
