import Foundation

/// An order as a store reports it, checked before anything is stored.
struct NewOrder: Sendable, Equatable {
    var orderNumber: String
    var email: String
    var phone: String?
    var customerName: String?
    var placedAt: Date
    var currency: String
    var lineItems: [NewLineItem]
    var shippingAddress: PostalAddress?
    var locale: String
    var timeZone: String

    func validate() throws(TrackingError) {
        let number = orderNumber.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...64).contains(number.count) else { throw .invalid("order_number must be 1 to 64 characters.") }
        guard EmailAddress.isPlausible(email) else { throw .invalid("email must be an email address.") }
        guard currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw .invalid("currency must be a three-letter ISO 4217 code, e.g. USD.")
        }
        guard TimeZone(identifier: timeZone) != nil else {
            throw .invalid("time_zone must be an IANA time zone such as America/New_York.")
        }
        guard lineItems.count <= 500 else { throw .invalid("An order may have at most 500 line items.") }
        for (index, item) in lineItems.enumerated() {
            try item.validate(at: index)
        }
    }

    /// How customers type an order number into the lookup form: no spaces, no leading '#', any case.
    static func lookupKey(_ orderNumber: String) -> String {
        var key = orderNumber.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        while key.hasPrefix("#") { key.removeFirst() }
        return key
    }
}

struct NewLineItem: Sendable, Equatable, Codable {
    var sku: String?
    var title: String
    var variant: String?
    var quantity: Int
    var price: String
    var imageURL: String?
    var productType: String?

    func validate(at index: Int) throws(TrackingError) {
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalid("line_items[\(index)].title must not be empty.")
        }
        guard (1...10_000).contains(quantity) else {
            throw .invalid("line_items[\(index)].quantity must be between 1 and 10000.")
        }
        guard Money.isDecimalString(price) else {
            throw .invalid("line_items[\(index)].price must be a decimal string such as \"12.50\".")
        }
    }
}

struct PostalAddress: Sendable, Equatable, Codable {
    var name: String?
    var line1: String?
    var line2: String?
    var city: String?
    var region: String?
    var postalCode: String?
    var country: String?

    enum CodingKeys: String, CodingKey {
        case name, line1, line2, city, region, postalCode = "postal_code", country
    }

    /// "Lyon, FR": enough for the customer to recognise the destination without repeating the full address.
    var shortDescription: String? {
        let parts = [city, region, country].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}

enum Money {
    static func isDecimalString(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 12,
              parts[0].allSatisfy(\.isASCII), parts[0].allSatisfy(\.isNumber) else { return false }
        if parts.count == 2 {
            return (1...4).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && $0.isNumber }
        }
        return true
    }

    /// Formats "12.5" as "$12.50" or "12,50 €" in the customer's locale.
    static func format(_ amount: String, currency: String, locale: String) -> String {
        guard let value = Decimal(string: amount) else { return amount }
        return value.formatted(.currency(code: currency).locale(Locale(identifier: LocaleChoice.formattingIdentifier(locale))))
    }
}
