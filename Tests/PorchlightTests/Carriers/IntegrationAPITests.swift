import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import Porchlight

@Suite("Integrations API")
struct IntegrationAPITests {
    @Test("Credentials are sealed at rest, shown back only as hints, and checked per provider", arguments: TestDatabase.all)
    func credentials(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let saved = try await t.send(.PUT, "/api/v1/integrations/fedex", key: store.key,
                                         json: #"{"client_id": "fx-client", "client_secret": "fx-very-secret-4242", "account_number": "510087"}"#)
            #expect(saved.status == .ok)
            let settings = try saved.jsonObject()["settings"] as? [String: String]
            #expect(settings == ["client_id": "fx-client", "client_secret": "…4242", "account_number": "510087"])

            let raw = try await t.app.db.sql.raw("SELECT sealed_settings FROM integrations").all()
            let sealed = try raw.first?.decode(column: "sealed_settings", as: String.self) ?? ""
            #expect(sealed.hasPrefix("v1:") && !sealed.contains("fx-very-secret-4242"))
            let opened = try await t.app.integrationVault(storeID: store.id).settings(.fedex)
            #expect(opened?[.clientSecret] == "fx-very-secret-4242")

            let listed = try await t.send(.GET, "/api/v1/integrations", key: store.key)
            #expect(!listed.body.string.contains("fx-very-secret-4242"))

            let missing = try await t.send(.PUT, "/api/v1/integrations/dhl", key: store.key, json: #"{"client_id": "x"}"#)
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("api_key"))
            let unknown = try await t.send(.PUT, "/api/v1/integrations/pigeon", key: store.key, json: #"{"api_key": "x"}"#)
            #expect(unknown.status == .notFound)
            let notStrings = try await t.send(.PUT, "/api/v1/integrations/dhl", key: store.key, json: #"{"api_key": 7}"#)
            #expect(notStrings.status == .badRequest)

            let other = try await t.createStore(slug: "birch", name: "Birch")
            let otherList = try await t.send(.GET, "/api/v1/integrations", key: other.key)
            #expect(otherList.body.string == "[]")
            #expect(try await t.send(.DELETE, "/api/v1/integrations/fedex", key: other.key).status == .notFound)
            #expect(try await t.send(.DELETE, "/api/v1/integrations/fedex", key: store.key).status == .noContent)
        }
    }

    @Test("A parcel whose carrier can't be told from its number is flagged, not dropped", arguments: TestDatabase.all)
    func undetected(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let (_, parcel) = try await t.orderWithParcel(store.key, number: "ZZ-NOT-A-NUMBER", placedAt: "2026-11-20T10:00:00Z",
                                                          shippedAt: "2026-11-21T09:00:00Z")
            #expect(parcel["carrier_detection"] as? String == "undetected")
            #expect(parcel["carrier_code"] == nil)
            let (_, usps) = try await t.orderWithParcel(store.key, number: "9400111899223197428490", carrier: "United States Postal Service",
                                                        placedAt: "2026-11-20T10:00:00Z", shippedAt: "2026-11-21T09:00:00Z")
            #expect(usps["carrier_code"] as? String == "usps" && usps["carrier_detection"] as? String == "store")
        }
    }
}
