import Foundation
import Testing
@testable import Porchlight

/// Bodies that are not what each provider sends: every one is a `malformed` error, never a crash
/// and never a silently empty delivery.
@Suite struct WebhookMalformedTests {
    static let junk: [String] = [
        "",
        "   ",
        "not json",
        "[]",
        "[{\"event\":\"tracking_update\"}]",
        "null",
        "42",
        "\"tracker.updated\"",
        "{\"a\":1e400}",
        "{\"a\":123456789012345678901234567890123456789012345678901234567890}",
        String(repeating: "[", count: 5_000),
        "{",
    ]

    @Test(arguments: WebhookProvider.allCases)
    func junkIsMalformed(provider: WebhookProvider) {
        for body in Self.junk {
            #expect(throws: CarrierParseError.self, "\(provider) accepted \(body.prefix(30))") {
                _ = try WebhookTestSupport.parse(provider, Data(body.utf8))
            }
        }
    }

    @Test func invalidUTF8IsMalformed() {
        for provider in WebhookProvider.allCases {
            #expect(throws: CarrierParseError.self) { _ = try WebhookTestSupport.parse(provider, Data([0x7B, 0xFF, 0xFE, 0x7D])) }
        }
    }

    @Test(arguments: [
        // EasyPost: no description; an Event-less object; tracker event without result / code; details not a list.
        (WebhookProvider.easypost, #"{"object":"Event","id":"evt_1"}"#),
        (.easypost, #"{"object":"Shipment","description":"tracker.updated"}"#),
        (.easypost, #"{"object":"Event","description":"tracker.updated","result":"trk_1"}"#),
        (.easypost, #"{"object":"Event","description":"tracker.updated","result":{"tracking_code":12345}}"#),
        (.easypost, #"{"description":"tracker.updated","result":{"tracking_code":"X","tracking_details":{"0":{}}}}"#),
        (.easypost, #"{"description":["tracker.updated"]}"#),
        // Shippo
        (.shippo, #"{"data":{"tracking_number":"X"}}"#),
        (.shippo, #"{"event":"track_updated"}"#),
        (.shippo, #"{"event":"track_updated","data":{"tracking_number":""}}"#),
        (.shippo, #"{"event":"track_updated","data":{"tracking_number":"X","tracking_history":"none"}}"#),
        // AfterShip
        (.aftership, #"{"event_id":"e","msg":{"tracking_number":"X"}}"#),
        (.aftership, #"{"event":"tracking_update","event_id":"e"}"#),
        (.aftership, #"{"event":"tracking_update","msg":{"slug":"ups"}}"#),
        (.aftership, #"{"event":"tracking_update","msg":{"tracking_number":"X","checkpoints":7}}"#),
        // UPS
        (.ups, #"{"activityStatus":{"type":"D","code":"FS"},"gmtActivityDate":"20250415","gmtActivityTime":"193855"}"#),
        (.ups, #"{"trackingNumber":"1Z999AA10123456784","gmtActivityDate":"20250415","gmtActivityTime":"193855"}"#),
        (.ups, #"{"trackingNumber":"1Z999AA10123456784","activityStatus":{"description":"?"},"gmtActivityDate":"20250415","gmtActivityTime":"193855"}"#),
        (.ups, #"{"trackingNumber":"1Z999AA10123456784","activityStatus":{"type":"D","code":"FS"}}"#),
        (.ups, #"{"trackingNumber":"1Z999AA10123456784","activityStatus":{"type":"D","code":"FS"},"localActivityDate":"20251341","localActivityTime":"250000"}"#),
        (.ups, #"{"trackingNumber":1e999,"activityStatus":{"type":"D","code":"FS"}}"#),
    ])
    func wrongShapesAreMalformed(provider: WebhookProvider, body: String) {
        #expect(throws: CarrierParseError.self) { _ = try WebhookTestSupport.parse(provider, Data(body.utf8)) }
    }

    @Test func theErrorSaysWhatWasMissing() {
        #expect(throws: CarrierParseError.malformed("track_updated without a tracking_number")) {
            _ = try ShippoWebhook.parse(Data(#"{"event":"track_updated","data":{}}"#.utf8))
        }
        #expect(throws: CarrierParseError.malformed("empty body")) { _ = try AfterShipWebhook.parse(Data()) }
    }

    @Test func hugeAndWrongTypedOptionalFieldsAreIgnored() throws {
        let body = #"""
        {"event":"tracking_update","event_id":99999999999999999999999999,"msg":{"tracking_number":"T9","slug":["ups"],
         "expected_delivery":1e308,"latest_estimated_delivery":"soon",
         "checkpoints":[{"tag":"InTransit","subtag":{"x":1},"checkpoint_time":"2025-13-01T00:00:00Z","message":"bad month"},
                        {"tag":"InTransit","checkpoint_time":"2025-02-29T00:00:00Z","message":"no such day"},
                        {"tag":"InTransit","checkpoint_time":"2024-02-29T23:59:60Z","message":"leap"},
                        {"tag":"InTransit","checkpoint_time":99999999999999999999,"message":"number"}]}}
        """#
        let delivery = try AfterShipWebhook.parse(Data(body.utf8))
        #expect(delivery.eventID == nil)
        let report = try WebhookTestSupport.onlyReport(delivery)
        #expect(report.carrier == "unknown")
        #expect(report.estimatedDelivery == nil)
        #expect(report.scans.map(\.text) == ["leap"])
        #expect(report.scans.first?.code == "InTransit")
    }
}
