import Foundation
import Testing
@testable import Porchlight

@Suite struct UPSTrackAlertWebhookTests {
    typealias Support = WebhookTestSupport

    @Test func outForDeliveryKeysTheScanLikeTheUPSTable() throws {
        let delivery = try UPSTrackAlertWebhook.parse(Fixture.data("webhooks/ups/track_alert_out_for_delivery.json"))
        #expect(delivery.eventID == nil)
        let report = try Support.onlyReport(delivery)
        #expect(report.carrier == "ups")
        #expect(report.trackingNumber == "1Z999AA10123456784")
        #expect(report.estimatedDelivery == DeliveryWindow(earliest: "2025-04-15", latest: "2025-04-15"))
        let scan = try #require(report.scans.first)
        #expect(report.scans.count == 1)
        #expect(scan.code == "021")
        #expect(scan.category == "I")
        #expect(scan.text == "Out for Delivery")
        #expect(scan.occurredAt == Support.utc(2025, 4, 15, 13, 12, 7))
        #expect(scan.location == "Madison, WI, US")
    }

    @Test func deliveredHasNoScheduleLeft() throws {
        let report = try Support.onlyReport(UPSTrackAlertWebhook.parse(Fixture.data("webhooks/ups/track_alert_delivered.json")))
        let scan = try #require(report.scans.first)
        #expect(scan.code == "011")
        #expect(scan.category == "D")
        #expect(scan.text == "Delivered")
        #expect(scan.occurredAt == Support.utc(2025, 4, 15, 19, 38, 55))
        #expect(scan.location == "MADISON, WI, US")
        #expect(report.estimatedDelivery == nil)
    }

    @Test func localTimeIsUsedWithAnOffsetWhenGMTIsMissing() throws {
        let body = #"""
        {"trackingNumber":" 1Z999AA10123456784","localActivityDate":"20250415","localActivityTime":"081207",
         "gmtOffset":"-05:00","activityStatus":{"type":"X","code":"RS","description":"Returned to Sender","descriptionCode":7}}
        """#
        let scan = try #require(try UPSTrackAlertWebhook.parse(Data(body.utf8)).reports.first?.scans.first)
        #expect(scan.occurredAt == Support.utc(2025, 4, 15, 13, 12, 7))
        #expect(scan.code == "007")
        #expect(scan.category == "X")
        #expect(scan.location == nil)
    }

    @Test func scansAreKeyedLikeTheUPSTrackAPI() throws {
        let scans = try ["track_alert_out_for_delivery", "track_alert_delivered"].flatMap {
            try Support.onlyReport(UPSTrackAlertWebhook.parse(Fixture.data("webhooks/ups/\($0).json"))).scans
        }
        let map = CarrierStatusMap(table: UPSStatusTable.self)
        #expect(scans.map { map.map($0).mapping.status } == [.outForDelivery, .delivered])
        #expect(scans.allSatisfy { map.map($0).isKnown })
    }

    @Test func theTwoLetterCodeStandsInWhenThereIsNoDescriptionCode() throws {
        let body = #"{"trackingNumber":"1Z999AA10123456784","gmtActivityDate":"20250415","gmtActivityTime":"131207","activityStatus":{"type":"I","code":"OT"}}"#
        let scan = try #require(try UPSTrackAlertWebhook.parse(Data(body.utf8)).reports.first?.scans.first)
        #expect(scan.code == "OT")
        #expect(scan.text == "OT")
    }

    @Test func theTrackingNumberIsTrimmed() throws {
        let body = #"{"trackingNumber":" 1ZABCXYZ0112346789","gmtActivityDate":"20240422","gmtActivityTime":"041230","activityStatus":{"type":"M","code":"MP","description":"Shipment Ready for UPS"}}"#
        let report = try Support.onlyReport(UPSTrackAlertWebhook.parse(Data(body.utf8)))
        #expect(report.trackingNumber == "1ZABCXYZ0112346789")
        #expect(report.scans.first?.code == "MP")
    }
}
