import Foundation

/// Parcels as storefronts describe them: a carrier name, one or more tracking numbers, maybe links.
enum StorefrontShipping {
    struct Shipped: Sendable, Equatable {
        var carrier: String?
        var numbers: [String]
        var trackingLinks: [String] = []
        var items: [ShipmentItem] = []
        var shippedAt: Date?
    }

    /// One parcel per distinct tracking number; numbers Porchlight can't take are skipped with why.
    /// Items are attached only when there is one number: with several, the platform doesn't say
    /// which item went in which box, and listing every item on every parcel would mislead.
    static func parcels(_ shipped: Shipped) -> (parcels: [NewShipment], skipped: [String]) {
        var parcels: [NewShipment] = [], skipped: [String] = [], seen: Set<String> = []
        let numbers = shipped.numbers.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        for (index, number) in numbers.enumerated() where seen.insert(number).inserted {
            let link = index < shipped.trackingLinks.count ? shipped.trackingLinks[index] : shipped.trackingLinks.first
            let parcel = NewShipment(carrier: carrierName(shipped.carrier, trackingLink: link), trackingNumber: number,
                                     service: nil, items: numbers.count == 1 ? shipped.items : [],
                                     shippedAt: shipped.shippedAt)
            do {
                try parcel.validate()
                parcels.append(parcel)
            } catch {
                switch error {
                case .invalid(let why): skipped.append("tracking number '\(number.prefix(64))': \(why)")
                }
            }
        }
        return (parcels, skipped)
    }

    /// Names platforms use for "a carrier not on our list".
    static let placeholders: Set<String> = ["other", "custom", "none", "unknown", "n/a"]

    /// The platform's carrier name, unless it is a placeholder; then the carrier the tracking link
    /// points at, since the merchant chose that link. Nil leaves the carrier to number detection.
    static func carrierName(_ given: String?, trackingLink: String?) -> String? {
        if let name = given?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty,
           !placeholders.contains(name.lowercased()) {
            return displayName(name)
        }
        guard let host = trackingLink.flatMap({ URL(string: $0)?.host })?.lowercased() else { return nil }
        return host.split(separator: ".").lazy.compactMap { knownNames[String($0)] }.first
    }

    /// Proper spellings for names written as lower-case slugs (WooCommerce Shipment Tracking stores
    /// "dhl-us", "canada-post") or as host names in tracking links.
    static let knownNames: [String: String] = [
        "ups": "UPS", "usps": "USPS", "fedex": "FedEx", "dhl": "DHL", "dpd": "DPD", "ontrac": "OnTrac",
        "lasership": "LaserShip", "purolator": "Purolator", "canadapost": "Canada Post",
        "canadapost-postescanada": "Canada Post", "royalmail": "Royal Mail", "parcelforce": "Parcelforce",
        "auspost": "Australia Post", "postnl": "PostNL", "laposte": "La Poste", "correos": "Correos",
    ]

    /// "canada-post" -> "Canada Post", "dhl-us" -> "DHL US"; names already written by people are kept.
    static func displayName(_ name: String) -> String {
        if let known = knownNames[name.lowercased()] { return known }
        guard name == name.lowercased(), !name.contains(" ") else { return name }
        let words = name.split { $0 == "-" || $0 == "_" }
        guard !words.isEmpty else { return name }
        return words.map { word in
            knownNames[String(word)] ?? (word.count <= 2 ? word.uppercased() : word.prefix(1).uppercased() + word.dropFirst())
        }.joined(separator: " ")
    }
}
