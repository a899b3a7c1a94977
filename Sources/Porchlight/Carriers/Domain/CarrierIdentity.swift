import Foundation

/// How a parcel's carrier became known.
enum CarrierSource: String, Sendable, Codable {
    /// The store named a carrier we recognise.
    case store
    /// The store named none (or one we don't know), and the tracking number told us.
    case detected
    /// Neither worked: the merchant is asked to say which carrier it is.
    case undetected
}

/// The carrier a new parcel is tracked with, decided once when it arrives.
struct CarrierIdentity: Sendable, Equatable {
    var code: String?
    /// What customers see: the store's own wording when it gave one.
    var displayName: String?
    var service: String?
    var source: CarrierSource

    /// A recognised store-given name wins; otherwise the number is detected, preferring carriers the store uses.
    static func identify(name: String?, service: String?, trackingNumber: String, detector: CarrierDetector,
                         preferring preferred: Set<String>) -> CarrierIdentity {
        let given = name?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        if let given, let code = CarrierNames.code(for: given) {
            return CarrierIdentity(code: code, displayName: given, service: service, source: .store)
        }
        guard let best = detector.detect(trackingNumber, preferring: preferred).first else {
            return CarrierIdentity(code: nil, displayName: given, service: service, source: .undetected)
        }
        return CarrierIdentity(code: best.carrier, displayName: given ?? best.carrierName,
                               service: service ?? best.service, source: .detected)
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
