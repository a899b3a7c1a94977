import Foundation

/// Everything a store can connect: carriers we poll, aggregators and carriers that push to us, and storefronts.
enum IntegrationProvider: String, CaseIterable, Sendable, Codable {
    case ups, fedex, usps, dhl
    case easypost, shippo, aftership
    case shopify, woocommerce

    /// The settings a merchant may give, by name; which ones are needed depends on the provider.
    enum Field: String, CaseIterable, Sendable {
        case clientID = "client_id"
        case clientSecret = "client_secret"
        case apiKey = "api_key"
        case accountNumber = "account_number"
        case webhookSecret = "webhook_secret"
        /// WooCommerce: the order meta key a tracking plugin writes its numbers under, when it is not
        /// WooCommerce Shipment Tracking's own `_wc_shipment_tracking_items`.
        case trackingMetaKey = "tracking_meta_key"

        /// Shown back as a hint ("…1a2b") rather than in full; account numbers, client ids and meta
        /// key names are not secrets.
        var isSecret: Bool { ![.accountNumber, .clientID, .trackingMetaKey].contains(self) }
    }

    /// Sets of fields, any one of which makes a usable integration.
    var acceptedFieldSets: [Set<Field>] {
        switch self {
        case .ups: [[.clientID, .clientSecret], [.webhookSecret]]
        case .fedex, .usps: [[.clientID, .clientSecret]]
        case .dhl: [[.apiKey]]
        case .easypost, .shippo, .aftership, .shopify, .woocommerce: [[.webhookSecret]]
        }
    }

    var allowedFields: Set<Field> {
        var fields = acceptedFieldSets.reduce(into: Set<Field>()) { $0.formUnion($1) }
        if self == .ups || self == .fedex { fields.insert(.accountNumber) }
        if self == .woocommerce { fields.insert(.trackingMetaKey) }
        return fields
    }

    /// Carriers whose tracking API we call ourselves.
    var pollsCarrierAPI: Bool { [.ups, .fedex, .usps, .dhl].contains(self) }
}

/// A provider's settings as the merchant gave them, checked before anything is stored.
struct IntegrationSettings: Sendable, Equatable, Codable {
    var values: [String: String]

    init(_ values: [String: String]) { self.values = values }

    subscript(_ field: IntegrationProvider.Field) -> String? { values[field.rawValue] }

    func validate(for provider: IntegrationProvider) throws(IntegrationError) {
        let given = Set(values.keys)
        let allowed = Set(provider.allowedFields.map(\.rawValue))
        if let stray = given.subtracting(allowed).sorted().first {
            throw .invalid("\(provider.rawValue) does not use '\(stray)'. It takes: \(allowed.sorted().joined(separator: ", ")).")
        }
        for (name, value) in values where value.isEmpty || value.count > 4_096 {
            throw .invalid("'\(name)' must be 1 to 4096 characters.")
        }
        let complete = provider.acceptedFieldSets.contains { $0.allSatisfy { values[$0.rawValue] != nil } }
        guard complete else {
            let options = provider.acceptedFieldSets.map { $0.map(\.rawValue).sorted().joined(separator: " + ") }
            throw .invalid("\(provider.rawValue) needs \(options.joined(separator: ", or "))")
        }
    }

    /// What the API shows back: secrets reduced to their last four characters.
    var masked: [String: String] {
        values.reduce(into: [:]) { result, entry in
            let isSecret = IntegrationProvider.Field(rawValue: entry.key)?.isSecret ?? true
            result[entry.key] = isSecret ? "…" + String(entry.value.suffix(4)) : entry.value
        }
    }
}

enum IntegrationError: Error, Equatable {
    case invalid(String)
}
