import Foundation
import Testing
@testable import Porchlight

@Suite struct PollingSettingsTests {
    @Test func defaultsAreTheDocumentedCadence() {
        let settings = PollingSettings.standard
        #expect(settings.outForDeliveryInterval == 1_800)
        #expect(settings.inTransitInterval == 7_200)
        #expect(settings.preTransitInterval == 21_600)
        #expect(settings.slowInterval == 43_200)
        #expect(settings.pushSafetyNetInterval == 86_400)
        #expect(settings.expireAfterDays == 30)
    }

    @Test func stallDaysAreLookedUpByCarrierWithADefault() {
        let settings = PollingSettings.standard
        #expect(settings.stallDays(for: nil) == 4)
        #expect(settings.stallDays(for: "ups") == 4)
        #expect(settings.stallDays(for: "USPS") == 5)
        #expect(settings.stallDays(for: "dhl") == 6)
    }

    @Test func aConfigFileOnlyNeedsTheValuesItChanges() throws {
        let json = #"{"expireAfterDays": 45, "stallDaysByCarrier": {"canada_post": 7}}"#
        let settings = try JSONDecoder().decode(PollingSettings.self, from: Data(json.utf8))
        #expect(settings.expireAfterDays == 45)
        #expect(settings.stallDays(for: "canada_post") == 7)
        #expect(settings.inTransitInterval == PollingSettings.standard.inTransitInterval)
        #expect(settings.fastPollingLocalHours == 7...21)
    }

    @Test func settingsSurviveARoundTrip() throws {
        var settings = PollingSettings()
        settings.jitter = 0.2
        settings.fastPollingLocalHours = 8...20
        let data = try JSONEncoder().encode(settings)
        #expect(try JSONDecoder().decode(PollingSettings.self, from: data) == settings)
    }
}
