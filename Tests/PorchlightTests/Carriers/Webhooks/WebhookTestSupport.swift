import Foundation
@testable import Porchlight

/// Shared by the webhook tests: fixed instants and the mapping a merchant would see.
enum WebhookTestSupport {
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0,
                    _ second: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day,
                                                  hour: hour, minute: minute, second: second))!
    }

    static func mapped(_ scans: [CarrierScan], with table: any CarrierStatusTable.Type) -> [StatusMapping] {
        let map = CarrierStatusMap(table: table)
        return scans.map { map.map($0).mapping }
    }

    /// Dispatch by provider without relying on the controller's own dispatch.
    static func parse(_ provider: WebhookProvider, _ data: Data) throws -> WebhookDelivery {
        switch provider {
        case .easypost: try EasyPostWebhook.parse(data)
        case .shippo: try ShippoWebhook.parse(data)
        case .aftership: try AfterShipWebhook.parse(data)
        case .ups: try UPSTrackAlertWebhook.parse(data)
        }
    }

    static func onlyReport(_ delivery: WebhookDelivery) throws -> CarrierReport {
        guard delivery.reports.count == 1, let report = delivery.reports.first else {
            throw CarrierParseError.malformed("expected exactly one report, got \(delivery.reports.count)")
        }
        return report
    }
}
