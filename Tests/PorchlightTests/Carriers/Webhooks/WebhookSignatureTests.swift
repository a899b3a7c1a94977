import Foundation
import Testing
@testable import Porchlight

/// Vectors computed outside Swift (Python's hmac) over the fixture bytes with made-up secrets.
@Suite struct WebhookSignatureTests {
    static let easyPostSecret = "porchlight-\u{FB01}xture-s\u{E9}cret"
    static let easyPostInTransit = "hmac-sha256-hex=363792c6da1c07e84df47b73cdef694178cb07191aef493f486221fb8e7492c1"
    static let easyPostDelivered = "hmac-sha256-hex=e0a751a606ea97547bb303dad8cb8464f03f05c6b741705f2539e94a23463005"
    static let afterShipSecret = "as_porchlight_test_secret"
    static let afterShipSignature = "QaKSQCYAnu1PBcuMCUcrHySysoQvAkkSFNcK6SqAg94="
    static let shippoSecret = "shippo_porchlight_hmac"
    static let shippoSignature = "t=1749600000,v1=bbcfb25fb2a2d4d97a630220f88c1b36394bcb58e1b2ed509f5c8436f4432e9c"
    static let upsCredential = "ups-cred-7f3a91c2"

    let easyPostBody: Data
    let afterShipBody: Data
    let shippoBody: Data
    let upsBody: Data

    init() throws {
        easyPostBody = try Fixture.data("webhooks/easypost/tracker_updated_in_transit.json")
        afterShipBody = try Fixture.data("webhooks/aftership/tracking_update_exception.json")
        shippoBody = try Fixture.data("webhooks/shippo/track_updated_in_transit.json")
        upsBody = try Fixture.data("webhooks/ups/track_alert_delivered.json")
    }

    static func tampered(_ body: Data) -> Data {
        var copy = body
        copy[copy.count / 2] ^= 0x01
        return copy
    }

    // MARK: EasyPost

    @Test func easyPostAcceptsItsOwnSignature() throws {
        let headers = ["x-hmac-signature": Self.easyPostInTransit]
        #expect(WebhookSignature.verify(.easypost, body: easyPostBody, headers: headers, secret: Self.easyPostSecret))
        let delivered = try Fixture.data("webhooks/easypost/tracker_updated_delivered.json")
        #expect(WebhookSignature.verify(.easypost, body: delivered, headers: ["x-hmac-signature": Self.easyPostDelivered],
                                        secret: Self.easyPostSecret))
    }

    @Test func easyPostNormalisesTheSecretLikeItsClientLibraries() {
        let headers = ["x-hmac-signature": Self.easyPostInTransit]
        let decomposed = "porchlight-fixture-se\u{301}cret"
        #expect(WebhookSignature.verify(.easypost, body: easyPostBody, headers: headers, secret: decomposed))
    }

    @Test func easyPostAcceptsUpperCaseHex() {
        let upper = "hmac-sha256-hex=" + Self.easyPostInTransit.dropFirst(16).uppercased()
        #expect(WebhookSignature.verify(.easypost, body: easyPostBody, headers: ["x-hmac-signature": upper],
                                        secret: Self.easyPostSecret))
    }

    @Test func easyPostRejectsForgeries() {
        let good = ["x-hmac-signature": Self.easyPostInTransit]
        #expect(!WebhookSignature.verify(.easypost, body: Self.tampered(easyPostBody), headers: good, secret: Self.easyPostSecret))
        #expect(!WebhookSignature.verify(.easypost, body: easyPostBody, headers: good, secret: "porchlight-fixture-secret"))
        #expect(!WebhookSignature.verify(.easypost, body: easyPostBody, headers: [:], secret: Self.easyPostSecret))
        let hex = String(Self.easyPostInTransit.dropFirst(16))
        for wrong in ["sha256=" + hex, hex, "hmac-sha256-hex=", "hmac-sha256-hex=" + hex.dropLast(2),
                      "hmac-sha256-hex=" + hex + "00", "hmac-sha256-hex=zz" + hex.dropFirst(2)] {
            #expect(!WebhookSignature.verify(.easypost, body: easyPostBody, headers: ["x-hmac-signature": wrong],
                                             secret: Self.easyPostSecret))
        }
    }

    // MARK: AfterShip

    @Test func afterShipAcceptsItsOwnSignature() {
        #expect(WebhookSignature.verify(.aftership, body: afterShipBody, headers: ["aftership-hmac-sha256": Self.afterShipSignature],
                                        secret: Self.afterShipSecret))
    }

    @Test func afterShipRejectsForgeries() {
        let good = ["aftership-hmac-sha256": Self.afterShipSignature]
        #expect(!WebhookSignature.verify(.aftership, body: Self.tampered(afterShipBody), headers: good, secret: Self.afterShipSecret))
        #expect(!WebhookSignature.verify(.aftership, body: afterShipBody, headers: good, secret: "as_porchlight_test_secreT"))
        #expect(!WebhookSignature.verify(.aftership, body: afterShipBody, headers: [:], secret: Self.afterShipSecret))
        for wrong in ["sha256=" + Self.afterShipSignature, "not base64!", "", String(Self.afterShipSignature.dropLast(4))] {
            #expect(!WebhookSignature.verify(.aftership, body: afterShipBody, headers: ["aftership-hmac-sha256": wrong],
                                             secret: Self.afterShipSecret))
        }
        // An EasyPost-style header is not AfterShip's.
        #expect(!WebhookSignature.verify(.aftership, body: afterShipBody, headers: ["x-hmac-signature": Self.afterShipSignature],
                                         secret: Self.afterShipSecret))
    }

    // MARK: Shippo

    @Test func shippoAcceptsItsHMACSignature() {
        let headers = ["shippo-auth-signature": Self.shippoSignature]
        #expect(WebhookSignature.verify(.shippo, body: shippoBody, headers: headers, secret: Self.shippoSecret))
        let signedAt = Date(timeIntervalSince1970: 1_749_600_000)
        #expect(WebhookSignature.verify(.shippo, body: shippoBody, headers: headers, secret: Self.shippoSecret,
                                        now: signedAt.addingTimeInterval(120)))
    }

    @Test func shippoRejectsStaleOrForgedSignatures() {
        let headers = ["shippo-auth-signature": Self.shippoSignature]
        let signedAt = Date(timeIntervalSince1970: 1_749_600_000)
        #expect(!WebhookSignature.verify(.shippo, body: shippoBody, headers: headers, secret: Self.shippoSecret,
                                         now: signedAt.addingTimeInterval(3_600)))
        #expect(!WebhookSignature.verify(.shippo, body: Self.tampered(shippoBody), headers: headers, secret: Self.shippoSecret))
        #expect(!WebhookSignature.verify(.shippo, body: shippoBody, headers: headers, secret: "shippo_porchlight_hmaC"))
        #expect(!WebhookSignature.verify(.shippo, body: shippoBody, headers: [:], secret: Self.shippoSecret))
        let mac = String(Self.shippoSignature.split(separator: "=").last!)
        for wrong in ["t=1749600001,v1=" + mac, "v1=" + mac, "t=1749600000", "t=1749600000,v0=" + mac,
                      "t=abc,v1=" + mac, "sha256=" + mac] {
            #expect(!WebhookSignature.verify(.shippo, body: shippoBody, headers: ["shippo-auth-signature": wrong],
                                             secret: Self.shippoSecret))
        }
    }

    @Test func shippoAcceptsAnyValidV1DuringRotation() {
        let header = "t=1749600000,v1=" + String(repeating: "ab", count: 32) + ", " + Self.shippoSignature.dropFirst(13)
        #expect(WebhookSignature.verify(.shippo, body: shippoBody, headers: ["shippo-auth-signature": header],
                                        secret: Self.shippoSecret))
    }

    @Test func shippoURLTokenIsComparedToTheSecret() {
        let secret = "tok_5d1f0c7a9e3b"
        #expect(WebhookSignature.verify(.shippo, body: shippoBody, headers: ["x-porchlight-token": secret], secret: secret))
        #expect(!WebhookSignature.verify(.shippo, body: shippoBody, headers: ["x-porchlight-token": "tok_5d1f0c7a9e3c"], secret: secret))
        #expect(!WebhookSignature.verify(.shippo, body: shippoBody, headers: ["x-porchlight-token": "tok_5d1f0c7a9e3b0"], secret: secret))
        #expect(!WebhookSignature.verify(.shippo, body: shippoBody, headers: ["x-porchlight-token": ""], secret: secret))
    }

    // MARK: UPS

    @Test func upsCredentialMustMatch() {
        #expect(WebhookSignature.verify(.ups, body: upsBody, headers: ["credential": Self.upsCredential], secret: Self.upsCredential))
        #expect(WebhookSignature.verify(.ups, body: Self.tampered(upsBody), headers: ["credential": Self.upsCredential],
                                        secret: Self.upsCredential), "UPS signs nothing: the credential is the whole proof")
        #expect(!WebhookSignature.verify(.ups, body: upsBody, headers: ["credential": "ups-cred-7f3a91c3"], secret: Self.upsCredential))
        #expect(!WebhookSignature.verify(.ups, body: upsBody, headers: ["credential": "Bearer " + Self.upsCredential],
                                         secret: Self.upsCredential))
        #expect(!WebhookSignature.verify(.ups, body: upsBody, headers: [:], secret: Self.upsCredential))
        #expect(!WebhookSignature.verify(.ups, body: upsBody, headers: ["authorization": Self.upsCredential], secret: Self.upsCredential))
    }

    // MARK: All

    @Test(arguments: WebhookProvider.allCases)
    func anEmptySecretNeverVerifies(provider: WebhookProvider) {
        let headers = ["x-hmac-signature": "hmac-sha256-hex=b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad",
                       "aftership-hmac-sha256": "thNnmggU2ex3L5XXeMNfxf8Wl8STcVZTxscSFEKSxa0=",
                       "shippo-auth-signature": "t=0,v1=b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad",
                       "x-porchlight-token": "", "credential": ""]
        #expect(!WebhookSignature.verify(provider, body: Data(), headers: headers, secret: ""))
    }

    @Test func headerNamesAreMatchedWhateverTheirCase() {
        #expect(WebhookSignature.verify(.aftership, body: afterShipBody, headers: ["Aftership-Hmac-Sha256": Self.afterShipSignature],
                                        secret: Self.afterShipSecret))
    }

    @Test func constantTimeEqualityIsPlainEquality() {
        #expect(WebhookSignature.constantTimeEqual("abc", "abc"))
        #expect(!WebhookSignature.constantTimeEqual("abc", "abd"))
        #expect(!WebhookSignature.constantTimeEqual("abc", "abcd"))
        #expect(WebhookSignature.constantTimeEqual("", ""))
    }
}
