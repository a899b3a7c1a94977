import Foundation
import Testing
@testable import Porchlight

@Suite struct EasyPostWebhookTests {
    typealias Support = WebhookTestSupport

    @Test func trackerUpdatedInTransitGivesEveryScanInOrder() throws {
        let delivery = try EasyPostWebhook.parse(Fixture.data("webhooks/easypost/tracker_updated_in_transit.json"))
        #expect(delivery.eventID == "evt_3c1f0a9e5d7b4e21a8f6c2d4b9e07f13")
        #expect(!delivery.ignored)
        let report = try Support.onlyReport(delivery)
        #expect(report.carrier == "usps")
        #expect(report.trackingNumber == "9400111206213859234781")
        #expect(report.service == "GroundAdvantage")
        #expect(report.estimatedDelivery == DeliveryWindow(earliest: "2025-03-14", latest: "2025-03-14"))

        #expect(report.scans.map(\.code) == [
            "label_created", "received_at_origin_facility", "arrived_at_facility", "in_transit", "departed_facility",
        ])
        #expect(report.scans.map(\.category) == ["pre_transit", "in_transit", "in_transit", "in_transit", "in_transit"])
        #expect(report.scans[0].text == "Shipping Label Created, USPS Awaiting Item")
        #expect(report.scans[0].occurredAt == Support.utc(2025, 3, 10, 18, 2))
        #expect(report.scans[0].location == "PORTLAND, OR, US")
        #expect(report.scans[2].location == "PORTLAND OR DISTRIBUTION CENTER")
        #expect(report.scans[3].location == nil)
    }

    @Test func inTransitScansMapOntoOurVocabulary() throws {
        let report = try Support.onlyReport(
            EasyPostWebhook.parse(Fixture.data("webhooks/easypost/tracker_updated_in_transit.json")))
        #expect(Support.mapped(report.scans, with: EasyPostStatusTable.self) == [
            StatusMapping(.infoReceived, "InfoReceived_001"),
            StatusMapping(.inTransit, "InTransit_002"),
            StatusMapping(.inTransit, "InTransit_002"),
            StatusMapping(.inTransit, "InTransit_001"),
            StatusMapping(.inTransit, "InTransit_003"),
        ])
        let map = CarrierStatusMap(table: EasyPostStatusTable.self)
        #expect(report.scans.allSatisfy { map.map($0).isKnown })
    }

    @Test func deliveredScanIsDeliveredEvenThoughItsDetailIsAlsoUsedForHubs() throws {
        let report = try Support.onlyReport(
            EasyPostWebhook.parse(Fixture.data("webhooks/easypost/tracker_updated_delivered.json")))
        #expect(report.carrier == "ups")
        #expect(report.service == "UPS Ground")
        // carrier_detail's local date wins over the UTC midnight est_delivery_date.
        #expect(report.estimatedDelivery == DeliveryWindow(earliest: "2025-04-02", latest: "2025-04-02"))
        #expect(report.scans.map(\.code) == ["arrived_at_facility", "out_for_delivery", "delivered"])
        #expect(Support.mapped(report.scans, with: EasyPostStatusTable.self).map(\.status) == [
            .inTransit, .outForDelivery, .delivered,
        ])
        let delivered = try #require(report.scans.last)
        #expect(delivered.text == "DELIVERED")
        #expect(delivered.occurredAt == Support.utc(2025, 4, 2, 20, 11))
        #expect(delivered.location == "Boulder, CO, US")
    }

    @Test func otherEventTypesAreAcknowledgedAndIgnored() throws {
        let delivery = try EasyPostWebhook.parse(Fixture.data("webhooks/easypost/batch_created.json"))
        #expect(delivery.ignored)
        #expect(delivery.reports.isEmpty)
        #expect(delivery.eventID == "evt_0f2e4d6c8b0a49e7a5c3e1d9b7f5a3c1")
    }

    @Test func detailRefinesTheStatusOnlyWhenTheyAgree() {
        #expect(EasyPostWebhook.code(status: "in_transit", detail: "weather_delay") == "weather_delay")
        #expect(EasyPostWebhook.code(status: "delivered", detail: "arrived_at_destination") == "delivered")
        #expect(EasyPostWebhook.code(status: "return_to_sender", detail: "return") == "return")
        #expect(EasyPostWebhook.code(status: "in_transit", detail: "status_update") == "in_transit")
        #expect(EasyPostWebhook.code(status: "in_transit", detail: nil) == "in_transit")
        // A vague status defers to what the detail knows.
        #expect(EasyPostWebhook.code(status: "unknown", detail: "expired") == "expired")
        // A detail new to us is kept, so it is counted as unknown and still mapped by its status.
        #expect(EasyPostWebhook.code(status: "in_transit", detail: "teleported") == "teleported")
        let scan = CarrierScan(code: "teleported", category: "in_transit", text: "", occurredAt: Date(timeIntervalSince1970: 0))
        let mapped = CarrierStatusMap(table: EasyPostStatusTable.self).map(scan)
        #expect(mapped == MappedScan(mapping: StatusMapping(.inTransit, "InTransit_001"), isKnown: false))
    }

    @Test func carrierNamesBecomeOurCodesOrStayAsWritten() throws {
        func carrier(_ name: String) throws -> String {
            let body = #"{"object":"Event","id":"evt_x","description":"tracker.created","result":{"object":"Tracker","tracking_code":"X1","carrier":"\#(name)","tracking_details":[]}}"#
            return try Support.onlyReport(EasyPostWebhook.parse(Data(body.utf8))).carrier
        }
        #expect(try carrier("FedEx") == "fedex")
        #expect(try carrier("CanadaPost") == "canada_post")
        #expect(try carrier("DHLExpress") == "dhl")
        #expect(try carrier("LSO") == "lso")
    }

    @Test func scansWithoutAStatusOrAReadableTimeAreSkipped() throws {
        let body = #"""
        {"object":"Event","id":"evt_y","description":"tracker.updated","result":{"tracking_code":"X2","carrier":"USPS",
         "tracking_details":[
           {"status":"in_transit","status_detail":"arrived_at_facility","datetime":"yesterday","message":"a"},
           {"status_detail":"arrived_at_facility","datetime":"2025-03-11T03:52:00Z","message":"b"},
           {"status":"in_transit","status_detail":7,"datetime":"2025-03-11T03:52:00.250+02:00","message":"c"},
           "not an object"]}}
        """#
        let report = try Support.onlyReport(EasyPostWebhook.parse(Data(body.utf8)))
        #expect(report.scans.map(\.text) == ["c"])
        #expect(report.scans.first?.code == "in_transit")
        #expect(report.scans.first?.occurredAt == Support.utc(2025, 3, 11, 1, 52).addingTimeInterval(0.25))
    }
}
