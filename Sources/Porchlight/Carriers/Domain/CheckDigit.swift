import Foundation

/// Check-digit algorithms named by tracking_number_data (`validation.checksum.name`), following the
/// upstream Ruby implementation (jkeen/tracking_number, checksum_validations.rb).
enum CheckDigit: Sendable, Equatable {
    /// Weighted sum mod 10. Index 0 (after optional reversal) gets `evensMultiplier`, index 1 gets
    /// `oddsMultiplier`, and so on. Letters count as (ASCII - 3) mod 10 (the UPS rule). Check = (10 - sum % 10) % 10.
    case mod10(evensMultiplier: Int, oddsMultiplier: Int, reverse: Bool)
    /// Serial number as an integer, mod 7.
    case mod7
    /// Luhn: double every second digit starting with the rightmost serial digit.
    case luhn
    /// UPU S10: weights 8,6,4,2,3,5,9,7; remainder r = sum % 11; check 11 - r, except r 0 -> 5 and r 1 -> 0.
    case s10(weightings: [Int])
    /// ISO 7064 MOD 37,36 hybrid over `alphabet` (digits and A-Z); the check is a character of `alphabet`.
    case mod37_36(alphabet: [Character])
    /// sum(digit[i] * weightings[i]) % modulo1 % modulo2 (FedEx Express).
    case weightedSum(weightings: [Int], modulo1: Int, modulo2: Int)

    static let defaultAlphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    /// The check character `serial` should carry, or nil when `serial` has characters the algorithm can't weigh.
    func expected(for serial: String) -> Character? {
        switch self {
        case let .mod10(evens, odds, reverse):
            var total = 0
            let chars = reverse ? Array(serial.reversed()) : Array(serial)
            for (index, char) in chars.enumerated() {
                guard var value = Self.mod10Value(char) else { return nil }
                value *= index.isMultiple(of: 2) ? evens : odds
                total += value
            }
            return Self.digit((10 - total % 10) % 10)
        case .mod7:
            guard let digits = Self.digits(serial) else { return nil }
            return Self.digit(digits.reduce(0) { ($0 * 10 + $1) % 7 })
        case .luhn:
            guard let digits = Self.digits(serial) else { return nil }
            var total = 0
            for (index, digit) in digits.reversed().enumerated() {
                let value = index.isMultiple(of: 2) ? digit * 2 : digit
                total += value > 9 ? value - 9 : value
            }
            return Self.digit((10 - total % 10) % 10)
        case let .s10(weightings):
            guard let digits = Self.digits(serial), digits.count == weightings.count else { return nil }
            let remainder = zip(digits, weightings).reduce(0) { $0 + $1.0 * $1.1 } % 11
            return Self.digit(remainder == 0 ? 5 : remainder == 1 ? 0 : 11 - remainder)
        case let .mod37_36(alphabet):
            let modulus = alphabet.count
            var product = modulus
            for char in serial {
                guard let value = alphabet.firstIndex(of: char) else { return nil }
                var sum = (product + value) % modulus
                if sum == 0 { sum = modulus }
                product = (sum * 2) % (modulus + 1)
            }
            return alphabet[(modulus + 1 - product) % modulus]
        case let .weightedSum(weightings, modulo1, modulo2):
            guard let digits = Self.digits(serial), digits.count <= weightings.count else { return nil }
            let total = zip(digits, weightings).reduce(0) { $0 + $1.0 * $1.1 }
            return Self.digit(total % modulo1 % modulo2)
        }
    }

    func isValid(serial: String, checkDigit: String) -> Bool {
        guard checkDigit.count == 1, let expected = expected(for: serial) else { return false }
        return checkDigit.first == expected
    }

    private static func mod10Value(_ char: Character) -> Int? {
        if let digit = char.wholeNumberValue, char.isASCII { return digit }
        guard char.isASCII, char.isLetter, let ascii = char.asciiValue else { return nil }
        return (Int(ascii) - 3) % 10
    }

    private static func digits(_ serial: String) -> [Int]? {
        var result: [Int] = []
        for char in serial {
            guard char.isASCII, let digit = char.wholeNumberValue else { return nil }
            result.append(digit)
        }
        return result
    }

    private static func digit(_ value: Int) -> Character { Character(String(value)) }
}
