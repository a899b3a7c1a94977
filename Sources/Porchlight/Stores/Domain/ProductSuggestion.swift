import Foundation

/// One product a store wants to show next to an order containing a given product type.
struct ProductSuggestion: Codable, Sendable, Equatable {
    var productType: String
    var title: String
    var url: String
    var imageURL: String?

    enum CodingKeys: String, CodingKey {
        case productType = "product_type", title, url, imageURL = "image_url"
    }

    /// The first suggestion whose product type the order contains, matched without regard to case.
    static func pick(from suggestions: [ProductSuggestion], forProductTypes types: [String]) -> ProductSuggestion? {
        let wanted = Set(types.map { $0.lowercased() })
        return suggestions.first { wanted.contains($0.productType.lowercased()) }
    }
}
