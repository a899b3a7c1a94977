import Foundation

/// What a new password must be. Deliberately short: length does most of the work, and
/// composition rules ("one symbol") only make passwords harder to remember, not to guess.
enum PasswordRules {
    static let minimumCharacters = 10
    /// bcrypt reads only the first 72 bytes. Longer passwords are refused rather than silently cut,
    /// so nobody believes the end of their passphrase protects them when it doesn't.
    static let maximumBytes = 72

    /// Why `password` can't be used, in words for the sign-up form; nil when it is fine.
    static func problem(with password: String, email: String) -> String? {
        if password.count < minimumCharacters {
            return "Use at least \(minimumCharacters) characters for your password."
        }
        if password.utf8.count > maximumBytes {
            return "That password is too long: use at most \(maximumBytes) bytes (\(maximumBytes) plain letters or digits, "
                + "fewer with accents or emoji). Longer ones would be cut short without telling you."
        }
        let folded = password.lowercased()
        let address = EmailAddress.normalized(email)
        let localPart = address.split(separator: "@").first.map(String.init) ?? address
        if folded == address || folded == localPart {
            return "Your password can't be your email address."
        }
        if common.contains(folded) || Set(password).count == 1 {
            return "That password is one of the first ones attackers try. Pick something less predictable."
        }
        return nil
    }

    /// The most used passwords of 10 or more characters from public breach lists, plus the app's own
    /// name. Shorter ones are already refused by the length rule. Compared lowercased.
    static let common: Set<String> = [
        "1234567890", "0123456789", "12345678910", "123456789a", "1234567890a", "0987654321",
        "1111111111", "0000000000", "1q2w3e4r5t", "1qaz2wsx3edc", "qwertyuiop", "qwerty1234",
        "qwerty12345", "qwerty123456", "asdfghjkl1", "abcdefghij", "abc1234567", "abcd123456",
        "password12", "password123", "password1234", "passw0rd123", "iloveyou12", "iloveyou123",
        "princess123", "football123", "baseball123", "sunshine123", "welcome123", "letmein123",
        "admin12345", "administrator", "monkey1234", "dragon1234", "porchlight", "porchlight1", "porchlight123",
    ]
}
