import Foundation
import Testing
@testable import Porchlight

@Suite struct ShippoWebhookTests {
    typealias Support = WebhookTestSupport

    @Test func trackUpdatedGivesTheHistoryWithoutRepeatingTheCurrentStatus() throws {
        let delivery = try ShippoWebhook.parse(Fixture.data("webhooks/shippo/track_updated_in_transit.json"))
        #expect(delivery.eventID == nil)
        #expect(!delivery.ignored)
        let report = try Support.onlyReport(delivery)
        #expect(report.carrier == "usps")
        #expect(report.trackingNumber == "9205590221503712946381")
        #expect(report.service == "Priority Mail")
        #expect(report.estimatedDelivery == DeliveryWindow(earliest: "2025-05-08", latest: "2025-05-08"))

        #expect(report.scans.count == 3)
        #expect(report.scans.map(\.code) == ["information_received", "package_accepted", "delayed"])
        #expect(report.scans.map(\.category) == ["PRE_TRANSIT", "TRANSIT", "TRANSIT"])
        #expect(report.scans[1].text == "USPS in possession of item")
        #expect(report.scans[1].occurredAt == Support.utc(2025, 5, 5, 23, 31))
        #expect(report.scans[2].location == "Phoenix, AZ, US")
    }

    @Test func aDelayIsStillOnItsWay() throws {
        let report = try Support.onlyReport(ShippoWebhook.parse(Fixture.data("webhooks/shippo/track_updated_in_transit.json")))
        #expect(Support.mapped(report.scans, with: ShippoStatusTable.self) == [
            StatusMapping(.infoReceived, "InfoReceived_001"),
            StatusMapping(.inTransit, "InTransit_001"),
            StatusMapping(.inTransit, "InTransit_005"),
        ])
    }

    @Test func aMissedDeliveryWithOnlyACurrentStatusIsAFailedAttempt() throws {
        let report = try Support.onlyReport(ShippoWebhook.parse(Fixture.data("webhooks/shippo/track_updated_attempted.json")))
        #expect(report.carrier == "fedex")
        #expect(report.estimatedDelivery == nil)
        let scan = try #require(report.scans.first)
        #expect(report.scans.count == 1)
        #expect(scan.code == "notice_left")
        #expect(scan.text == "Delivery attempted. Customer not available. A door tag was left.")
        #expect(scan.occurredAt == Support.utc(2025, 6, 11, 21, 42))
        #expect(Support.mapped([scan], with: ShippoStatusTable.self) == [StatusMapping(.attemptFail, "AttemptFail_002")])
    }

    @Test func otherSubstatusFallsBackToTheStatus() throws {
        let body = #"""
        {"event":"track_updated","data":{"carrier":"ups","tracking_number":"1Z999AA10123456784",
         "tracking_status":{"status":"RETURNED","substatus":{"code":"other","text":"Unrecognized"},
           "status_details":"Returned to shipper","status_date":"2025-06-20T10:00:00Z"}}}
        """#
        let report = try Support.onlyReport(ShippoWebhook.parse(Data(body.utf8)))
        #expect(report.scans.map(\.code) == ["RETURNED"])
        #expect(Support.mapped(report.scans, with: ShippoStatusTable.self) == [StatusMapping(.exception, "Exception_006")])
    }

    @Test func nonTrackingEventsAreIgnored() throws {
        let body = #"{"event":"transaction_created","test":true,"data":{"object_id":"abc","status":"SUCCESS"}}"#
        let delivery = try ShippoWebhook.parse(Data(body.utf8))
        #expect(delivery == .ignored(eventID: nil))
    }
}
