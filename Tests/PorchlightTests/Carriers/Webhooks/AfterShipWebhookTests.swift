import Foundation
import Testing
@testable import Porchlight

@Suite struct AfterShipWebhookTests {
    typealias Support = WebhookTestSupport

    @Test func customsExceptionIsReportedWithItsSubtag() throws {
        let delivery = try AfterShipWebhook.parse(Fixture.data("webhooks/aftership/tracking_update_exception.json"))
        #expect(delivery.eventID == "6c0f9a1e-3b2d-4e5f-8a7b-9c0d1e2f3a4b")
        let report = try Support.onlyReport(delivery)
        #expect(report.carrier == "fedex")
        #expect(report.trackingNumber == "392847165092")
        #expect(report.service == "FedEx International Priority")
        // latest_estimated_delivery's range wins over the carrier's single date.
        #expect(report.estimatedDelivery == DeliveryWindow(earliest: "2025-06-12", latest: "2025-06-14"))

        #expect(report.scans.map(\.code) == ["InfoReceived_001", "InTransit_007", "Exception_004"])
        #expect(report.scans.map(\.category) == ["InfoReceived", "InTransit", "Exception"])
        #expect(report.scans[0].occurredAt == Support.utc(2025, 6, 9, 14, 2))
        #expect(report.scans[0].location == "CAN")
        #expect(report.scans[1].location == "MISSISSAUGA, ON, CAN")
        // No offset on the carrier's local time: read as UTC.
        #expect(report.scans[2].occurredAt == Support.utc(2025, 6, 10, 9, 31))
        #expect(report.scans[2].text == "Clearance delay - Import")
    }

    @Test func subtagsMapByMeaningNotByNumber() throws {
        let report = try Support.onlyReport(AfterShipWebhook.parse(Fixture.data("webhooks/aftership/tracking_update_exception.json")))
        #expect(Support.mapped(report.scans, with: AfterShipStatusTable.self) == [
            StatusMapping(.infoReceived, "InfoReceived_001"),
            StatusMapping(.inTransit, "InTransit_003"),
            StatusMapping(.exception, "Exception_004"),
        ])
        let table = AfterShipStatusTable.codes
        #expect(table["Exception_005"] == StatusMapping(.exception, "Exception_008"))
        #expect(table["Exception_010"] == StatusMapping(.exception, "Exception_005"))
        #expect(table["Delivered_002"] == StatusMapping(.delivered, "Delivered_003"))
    }

    @Test func unknownSubtagFallsBackToItsTag() {
        let scan = CarrierScan(code: "Exception_099", category: "Exception", text: "", occurredAt: Date(timeIntervalSince1970: 0))
        #expect(CarrierStatusMap(table: AfterShipStatusTable.self).map(scan)
                == MappedScan(mapping: StatusMapping(.exception, "Exception_001"), isKnown: false))
    }

    @Test func estimatesFallBackThroughEachSource() throws {
        func window(_ msgExtra: String) throws -> DeliveryWindow? {
            let body = #"{"event":"edd_revise","event_id":"e1","msg":{"tracking_number":"T1","slug":"usps",\#(msgExtra)"checkpoints":[]}}"#
            return try Support.onlyReport(AfterShipWebhook.parse(Data(body.utf8))).estimatedDelivery
        }
        #expect(try window(#""courier_estimated_delivery_date":{"estimated_delivery_date":"2025-07-01"},"#)
                == DeliveryWindow(earliest: "2025-07-01", latest: "2025-07-01"))
        #expect(try window(#""aftership_estimated_delivery_date":{"estimated_delivery_date":"2025-07-02","estimated_delivery_date_min":"2025-07-01","estimated_delivery_date_max":"2025-07-03"},"#)
                == DeliveryWindow(earliest: "2025-07-01", latest: "2025-07-03"))
        #expect(try window(#""expected_delivery":"2025-07-04T18:00:00-05:00","#)
                == DeliveryWindow(earliest: "2025-07-04", latest: "2025-07-04"))
        #expect(try window("") == nil)
    }

    @Test func slugsBecomeOurCarrierCodes() throws {
        func carrier(_ slug: String) throws -> String {
            let body = #"{"event":"tracking_update","event_id":"e2","msg":{"tracking_number":"T2","slug":"\#(slug)"}}"#
            return try Support.onlyReport(AfterShipWebhook.parse(Data(body.utf8))).carrier
        }
        #expect(try carrier("ups") == "ups")
        #expect(try carrier("canada-post") == "canada_post")
        #expect(try carrier("royal-mail") == "s10")
        #expect(try carrier("gls") == "gls")
    }

    @Test func pendingTimeNoticesAreIgnored() throws {
        let body = #"{"event":"tracking_pending_time","event_id":"e3","msg":{"tracking_number":"T3","slug":"ups"},"ts":1749563820}"#
        #expect(try AfterShipWebhook.parse(Data(body.utf8)) == .ignored(eventID: "e3"))
    }
}
