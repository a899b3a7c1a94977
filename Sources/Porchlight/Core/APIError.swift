import Vapor

/// An error a client can act on: an HTTP status, a stable machine code and a sentence for people.
struct APIError: Error, AbortError, Sendable {
    var status: HTTPResponseStatus
    var code: String
    var message: String
    /// Sent as `Retry-After` when set, for errors that go away with time.
    var retryAfterSeconds: Int? = nil

    var reason: String { message }

    static func notFound(_ what: String) -> APIError {
        APIError(status: .notFound, code: "not_found", message: "\(what) was not found.")
    }

    static func validation(_ message: String) -> APIError {
        APIError(status: .unprocessableEntity, code: "validation_failed", message: message)
    }

    static func badRequest(_ message: String) -> APIError {
        APIError(status: .badRequest, code: "bad_request", message: message)
    }

    static let unauthorized = APIError(
        status: .unauthorized, code: "unauthorized",
        message: "Send a valid API key as 'Authorization: Bearer <api_key>'."
    )
}

/// The JSON body every API error is sent with.
struct APIErrorBody: Content {
    struct Detail: Content {
        var code: String
        var message: String
    }
    var error: Detail
}
