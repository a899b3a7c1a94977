import Foundation

/// Lenient reads from a decoded webhook body. Providers add, drop and retype optional fields
/// between API versions, so a wrong-typed optional field reads as absent instead of failing the
/// whole delivery; only the parsers decide what is required.
struct WebhookFields {
    let raw: [String: Any]

    init(_ raw: [String: Any]) {
        self.raw = raw
    }

    /// The body as a JSON object; anything else is malformed.
    static func decode(_ data: Data) throws -> WebhookFields {
        guard !data.isEmpty else { throw CarrierParseError.malformed("empty body") }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw CarrierParseError.malformed("body is not JSON")
        }
        guard let object = parsed as? [String: Any] else {
            throw CarrierParseError.malformed("body is not a JSON object")
        }
        return WebhookFields(object)
    }

    /// Trimmed text, nil when absent, empty or not a string. Numbers are not coerced: a tracking
    /// number sent as a JSON number has already lost digits.
    func string(_ key: String) -> String? {
        guard let value = raw[key] as? String else { return nil }
        let trimmed = value.trimmed
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A whole number sent as a JSON number; nil for text, fractions and out-of-range values.
    func int(_ key: String) -> Int? {
        raw[key] as? Int
    }

    func object(_ key: String) -> WebhookFields? {
        (raw[key] as? [String: Any]).map(WebhookFields.init)
    }

    /// The objects in a list; nil when the key is absent or null, and a thrown error when it is
    /// something other than a list, since then the provider's shape has changed under us.
    func objects(_ key: String) throws -> [WebhookFields]? {
        guard let value = raw[key], !(value is NSNull) else { return nil }
        guard let list = value as? [Any] else {
            throw CarrierParseError.malformed("\(key) is not a list")
        }
        return list.compactMap { ($0 as? [String: Any]).map(WebhookFields.init) }
    }
}

/// Shared shaping of what every provider sends in slightly different ways.
enum WebhookShape {
    /// "City, ST, CC" from whichever parts are present.
    static func location(_ parts: String?...) -> String? {
        let present = parts.compactMap { $0?.trimmed }.filter { !$0.isEmpty }
        return present.isEmpty ? nil : present.joined(separator: ", ")
    }

    /// Our carrier code for the aggregator's carrier name, keeping its own spelling when we don't know it.
    /// Aggregators write names run together ("DHLExpress", "CanadaPost"), so camel humps are split
    /// into words before giving up.
    static func carrierCode(_ name: String?) -> String {
        guard let name else { return "unknown" }
        return CarrierNames.code(for: name) ?? CarrierNames.code(for: splitCamelCase(name)) ?? name.lowercased()
    }

    /// "DHLExpress" -> "DHL Express", "CanadaPost" -> "Canada Post".
    static func splitCamelCase(_ name: String) -> String {
        let characters = Array(name)
        var result = ""
        for (index, character) in characters.enumerated() {
            if index > 0, character.isUppercase {
                let previous = characters[index - 1]
                let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
                if previous.isLowercase || (previous.isUppercase && nextIsLower) { result.append(" ") }
            }
            result.append(character)
        }
        return result
    }

    /// A window from day-or-datetime strings; either end alone makes a one-day window.
    static func window(earliest: String?, latest: String?) -> DeliveryWindow? {
        let days = [earliest, latest].compactMap { $0.flatMap(WebhookTime.day) }
        guard let first = days.min(), let last = days.max() else { return nil }
        return DeliveryWindow(earliest: first, latest: last)
    }
}
