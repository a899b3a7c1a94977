import Vapor

/// Turns every thrown error into a clean 4xx/5xx: JSON under /api and /t/…json, a calm page elsewhere.
/// Internal details are logged, never shown.
struct ErrorResponder: AsyncMiddleware {
    let pages: PageRenderer

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let apiError = Self.classify(error)
            if apiError.status.code >= 500 {
                request.logger.error("Unhandled error: \(String(reflecting: error))")
            }
            let wantsJSON = request.url.path.hasPrefix("/api/") || request.url.path.hasPrefix("/webhooks/")
                || request.url.path.hasSuffix(".json")
            let response = wantsJSON
                ? try Self.json(apiError)
                : pages.errorPage(status: apiError.status, request: request,
                                  reason: apiError.status == .forbidden ? apiError.message : nil)
            if let seconds = (error as? RateLimitedError)?.retryAfterSeconds ?? apiError.retryAfterSeconds {
                response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            }
            return response
        }
    }

    static func json(_ error: APIError) throws -> Response {
        let response = Response(status: error.status)
        try response.content.encode(
            APIErrorBody(error: .init(code: error.code, message: error.message)), as: .json)
        return response
    }

    static func classify(_ error: Error) -> APIError {
        switch error {
        case let apiError as APIError:
            return apiError
        case let rateLimited as RateLimitedError:
            return APIError(status: .tooManyRequests, code: "rate_limited",
                            message: "Too many attempts. Try again in \(rateLimited.retryAfterSeconds) seconds.")
        case let decoding as DecodingError:
            if case .dataCorrupted(let context) = decoding, context.codingPath.isEmpty {
                return APIError(status: .badRequest, code: "malformed_json", message: "The body is not valid JSON.")
            }
            return APIError(status: .unprocessableEntity, code: "invalid_body", message: describe(decoding))
        case let abort as AbortError:
            let code = abort.status == .notFound ? "not_found" : snakeCase(abort.status.reasonPhrase)
            let message = abort.status.code < 500 ? abort.reason : "Something went wrong on our side."
            return APIError(status: abort.status, code: code, message: message)
        default:
            return APIError(status: .internalServerError, code: "internal_error",
                            message: "Something went wrong on our side.")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "body" : keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "Missing field '\(parent == "body" ? key.stringValue : parent + "." + key.stringValue)'."
        case .valueNotFound(_, let context):
            return "Field '\(path(context))' must not be null."
        case .typeMismatch(let type, let context):
            return "Field '\(path(context))' has the wrong type; expected \(type)."
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "The body is not valid JSON."
                : "Field '\(path(context))' is invalid: \(context.debugDescription)"
        @unknown default:
            return "The body could not be read."
        }
    }

    private static func snakeCase(_ phrase: String) -> String {
        phrase.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "_")
    }
}

struct RateLimitedError: Error {
    var retryAfterSeconds: Int
}
