import Foundation

extension WebhookProvider {
    /// Where the store keeps this provider's webhook_secret.
    var integration: IntegrationProvider {
        switch self {
        case .easypost: .easypost
        case .shippo: .shippo
        case .aftership: .aftership
        case .ups: .ups
        }
    }

    /// The mapping table the provider's codes are looked up in.
    var statusSource: String { rawValue }
}

extension WebhookProvider {
    func parse(_ body: Data) throws -> WebhookDelivery {
        switch self {
        case .easypost: try EasyPostWebhook.parse(body)
        case .shippo: try ShippoWebhook.parse(body)
        case .aftership: try AfterShipWebhook.parse(body)
        case .ups: try UPSTrackAlertWebhook.parse(body)
        }
    }
}
