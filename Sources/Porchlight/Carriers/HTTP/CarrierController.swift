import Vapor

/// `GET /api/v1/carriers/detect?tracking_number=…`: which carrier and service a tracking number belongs to.
enum CarrierController {
    struct CandidateJSON: Content {
        var carrier: String
        var carrier_name: String
        var service: String
        var check_digit_valid: Bool
    }

    struct DetectionJSON: Content {
        var carrier: String
        var service: String
        var candidates: [CandidateJSON]
    }

    @Sendable static func detect(req: Request) async throws -> DetectionJSON {
        _ = try req.currentStore
        guard let number = req.query[String.self, at: "tracking_number"],
              !CarrierDetector.normalize(number).isEmpty, number.count <= 64 else {
            throw APIError.validation("tracking_number is required: up to 64 characters.")
        }
        let candidates = req.application.services.carrierDetector.detect(number)
        guard let best = candidates.first else {
            throw APIError(status: .notFound, code: "carrier_not_detected",
                           message: "No known carrier uses tracking numbers like this one.")
        }
        return DetectionJSON(carrier: best.carrier, service: best.service, candidates: candidates.map {
            CandidateJSON(carrier: $0.carrier, carrier_name: $0.carrierName, service: $0.service,
                          check_digit_valid: $0.checkDigitValid)
        })
    }
}
