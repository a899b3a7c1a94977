import Foundation

enum CarrierDataError: Error, Equatable {
    case unsupportedChecksum(String, format: String)
    case invalidRegex(String, format: String)
    case missingAdditional(String, format: String)
}

/// One tracking-number format from tracking_number_data `couriers/*.json`, reduced to what detection needs.
struct TrackingNumberFormat: Sendable {
    /// A captured group whose value must match one entry of a lookup table (`validation.additional.exists`).
    struct RequiredLookup: Sendable {
        var name: String
        var group: String
        var exact: Set<String>
        var patterns: [Regex]
    }

    /// An `NSRegularExpression` is immutable after creation and documented as thread-safe.
    struct Regex: @unchecked Sendable {
        let expression: NSRegularExpression
        init(_ pattern: String) throws { expression = try NSRegularExpression(pattern: pattern) }
        func firstMatch(in text: String) -> NSTextCheckingResult? {
            expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        }
    }

    var carrier: String
    var carrierName: String
    var service: String
    /// The data's pattern, anchored to the whole number, with literal `-` removed (input loses its dashes).
    var regex: Regex
    var checkDigit: CheckDigit?
    /// `serial_number_format.prepend_if`: when the serial matches `regex`, prepend `content` before checking.
    var serialPrefix: (regex: Regex, content: String)?
    var requiredLookups: [RequiredLookup]

    init(carrier: String, carrierName: String, entry: Entry) throws {
        self.carrier = carrier
        self.carrierName = carrierName
        service = entry.name
        do {
            regex = try Regex("\\A(?:" + Self.removingLiteralDashes(entry.regex.joined()) + ")\\z")
        } catch { throw CarrierDataError.invalidRegex(entry.regex.joined(), format: entry.name) }
        checkDigit = try entry.validation?.checksum.map { try Self.checkDigit($0, format: entry.name) }
        serialPrefix = try entry.validation?.serialNumberFormat?.prependIf.map { (try Regex($0.matchesRegex), $0.content) }
        requiredLookups = try (entry.validation?.additional?.exists ?? []).map { name in
            guard let table = entry.additional?.first(where: { $0.name == name }) else {
                throw CarrierDataError.missingAdditional(name, format: entry.name)
            }
            return RequiredLookup(name: name, group: table.regexGroupName,
                                  exact: Set(table.lookup.compactMap(\.matches)),
                                  patterns: try table.lookup.compactMap(\.matchesRegex).map(Regex.init))
        }
    }

    private static func checkDigit(_ checksum: Entry.Checksum, format: String) throws -> CheckDigit {
        switch checksum.name {
        case "mod10": return .mod10(evensMultiplier: checksum.evensMultiplier ?? 1,
                                    oddsMultiplier: checksum.oddsMultiplier ?? 1, reverse: checksum.reverse ?? false)
        case "mod7": return .mod7
        case "luhn": return .luhn
        case "s10": return .s10(weightings: checksum.weightings ?? [8, 6, 4, 2, 3, 5, 9, 7])
        case "mod_37_36": return .mod37_36(alphabet: checksum.alphabet.map(Array.init) ?? CheckDigit.defaultAlphabet)
        case "sum_product_with_weightings_and_modulo":
            guard let weightings = checksum.weightings, let modulo1 = checksum.modulo1, let modulo2 = checksum.modulo2
            else { throw CarrierDataError.unsupportedChecksum(checksum.name, format: format) }
            return .weightedSum(weightings: weightings, modulo1: modulo1, modulo2: modulo2)
        default: throw CarrierDataError.unsupportedChecksum(checksum.name, format: format)
        }
    }

    /// Drops unescaped `-` outside character classes (only LaserShip 1LS7 (18) has one).
    static func removingLiteralDashes(_ pattern: String) -> String {
        var result = "", escaped = false, inClass = false
        for char in pattern {
            if escaped { result.append(char); escaped = false; continue }
            switch char {
            case "\\": escaped = true
            case "[": inClass = true
            case "]": inClass = false
            case "-" where !inClass: continue
            default: break
            }
            result.append(char)
        }
        return result
    }
}

extension TrackingNumberFormat {
    /// Decoding shape of one `tracking_numbers[]` entry (unused keys are ignored).
    struct Entry: Decodable {
        struct Checksum: Decodable {
            var name: String
            var evensMultiplier, oddsMultiplier, modulo1, modulo2: Int?
            var reverse: Bool?
            var weightings: [Int]?
            var alphabet: String?
        }
        struct PrependIf: Decodable { var matchesRegex: String; var content: String }
        struct SerialNumberFormat: Decodable { var prependIf: PrependIf? }
        struct Exists: Decodable { var exists: [String]? }
        struct Validation: Decodable {
            var checksum: Checksum?
            var serialNumberFormat: SerialNumberFormat?
            var additional: Exists?
        }
        struct Lookup: Decodable { var matches: String?; var matchesRegex: String? }
        struct Additional: Decodable { var name: String; var regexGroupName: String; var lookup: [Lookup] }

        var name: String
        var regex: [String]
        var validation: Validation?
        var additional: [Additional]?

        enum CodingKeys: String, CodingKey { case name, regex, validation, additional }
        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            if let parts = try? container.decode([String].self, forKey: .regex) {
                regex = parts
            } else {
                regex = [try container.decode(String.self, forKey: .regex)]
            }
            validation = try container.decodeIfPresent(Validation.self, forKey: .validation)
            additional = try container.decodeIfPresent([Additional].self, forKey: .additional)
        }
    }

    /// Decoding shape of one `couriers/*.json` file.
    struct CourierFile: Decodable {
        var name: String
        var courierCode: String
        var trackingNumbers: [Entry]
    }
}
