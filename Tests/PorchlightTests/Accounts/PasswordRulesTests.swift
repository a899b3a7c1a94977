import Testing
@testable import Porchlight

@Suite("Password rules for new accounts")
struct PasswordRulesTests {
    let email = "Ana.Lopez@Example.com "

    @Test("A long enough, uncommon password is fine, spaces and accents included")
    func accepted() {
        for password in ["correct horse battery", "ñandú-veloz-42", "  padded  pass  ", String(repeating: "ab", count: 36)] {
            #expect(PasswordRules.problem(with: password, email: email) == nil, "\(password)")
        }
    }

    @Test("Fewer than 10 characters is refused; emoji count as one character each")
    func tooShort() {
        #expect(PasswordRules.problem(with: "", email: email) == "Use at least 10 characters for your password.")
        #expect(PasswordRules.problem(with: "abc123xyz", email: email) == "Use at least 10 characters for your password.")
        #expect(PasswordRules.problem(with: "🔒🔒🔒🔒🔒🔒🔒🔒🔒", email: email) != nil, "36 bytes but 9 characters")
        #expect(PasswordRules.problem(with: "abc123xyz0", email: email) == nil)
    }

    @Test("More than 72 bytes is refused, not silently cut short as bcrypt would")
    func tooLong() {
        let limit = String(repeating: "a1", count: 36)
        #expect(PasswordRules.problem(with: limit, email: email) == nil)
        let message = PasswordRules.problem(with: limit + "b", email: email)
        #expect(message?.hasPrefix("That password is too long: use at most 72 bytes") == true)
        // 37 characters, but 74 bytes.
        #expect(PasswordRules.problem(with: String(repeating: "é", count: 36) + "x1", email: email) == message)
    }

    @Test("The email address, or its part before the @, is refused in any case")
    func notTheEmail() {
        let message = "Your password can't be your email address."
        #expect(PasswordRules.problem(with: "ana.lopez@example.com", email: email) == message)
        #expect(PasswordRules.problem(with: "ANA.LOPEZ@EXAMPLE.COM", email: email) == message)
        #expect(PasswordRules.problem(with: "Ana.Lopez@example.com", email: "ana.lopez@example.com") == message)
        #expect(PasswordRules.problem(with: "longlocalpart", email: "LongLocalPart@example.com") == message)
    }

    @Test("Common passwords and one repeated character are refused")
    func common() {
        let message = "That password is one of the first ones attackers try. Pick something less predictable."
        for password in ["1234567890", "Password123", "QWERTYUIOP", "porchlight", "aaaaaaaaaaaa", "          "] {
            #expect(PasswordRules.problem(with: password, email: email) == message, "\(password)")
        }
        #expect(PasswordRules.common.count >= 30)
        #expect(PasswordRules.common.allSatisfy { $0.count >= 10 && $0 == $0.lowercased() })
    }
}
