import Foundation

/// Lenient reads of storefront bodies, on top of the carriers' `WebhookFields`: platforms send ids
/// as JSON numbers and money as numbers or strings depending on the field and the version.
extension WebhookFields {
    /// The body as a JSON object, or `StorefrontPayloadError.malformed`.
    static func storefrontBody(_ data: Data) throws(StorefrontPayloadError) -> WebhookFields {
        do { return try decode(data) } catch let CarrierParseError.malformed(why) {
            throw .malformed(why)
        } catch {
            throw .malformed("body is not a JSON object")
        }
    }

    /// The objects of a list, or none when it is absent; a list that is something else is malformed.
    func list(_ key: String) throws(StorefrontPayloadError) -> [WebhookFields] {
        guard let value = raw[key], !(value is NSNull) else { return [] }
        guard let items = value as? [Any] else { throw .malformed("\(key) is not a list") }
        return items.compactMap { ($0 as? [String: Any]).map(WebhookFields.init) }
    }

    /// An id sent as text or as a whole JSON number (Shopify's ids pass 2^53 in neither direction).
    func identifier(_ key: String) -> String? {
        if let text = string(key) { return text }
        return int(key).map(String.init)
    }

    /// The non-empty strings of a list; anything else in it is skipped.
    func strings(_ key: String) -> [String] {
        (raw[key] as? [Any] ?? []).compactMap { ($0 as? String)?.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    /// A decimal amount as text: "12.50" kept as written, a JSON number written with two decimals.
    func amount(_ key: String) -> String? {
        if let text = string(key) { return Money.isDecimalString(text) ? text : nil }
        guard let number = raw[key] as? Double, number.isFinite, number >= 0, number < 1e12 else { return nil }
        return String(format: "%.2f", number)
    }

    /// A whole number sent as a JSON number or as digits in a string.
    func count(_ key: String) -> Int? {
        int(key) ?? string(key).flatMap { Int($0) }
    }
}
