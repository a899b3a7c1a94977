import Foundation
import Vapor

extension CarrierAPIClient {
    /// Sends one request and sorts the answer: a body to parse, or the error that tells the poller what to do.
    /// A 404 still returns its body, because carriers put "tracking number not found" there.
    func send(_ request: CarrierHTTPRequest, _ carrier: String) async throws -> Data {
        var components = URLComponents(string: baseURL(carrier) + request.path)
        if !request.query.isEmpty { components?.queryItems = request.query }
        guard let url = components?.string else { throw CarrierCallError.rejected("bad URL for \(request.path)") }
        var headers = HTTPHeaders(request.headers.map { ($0.0, $0.1) })
        if headers.first(name: .userAgent) == nil { headers.replaceOrAdd(name: .userAgent, value: "Porchlight") }
        let response: ClientResponse
        do {
            response = try await client.send(HTTPMethod(rawValue: request.method), headers: headers, to: URI(string: url)) { outgoing in
                if let body = request.body { outgoing.body = ByteBuffer(data: body) }
            }
        } catch {
            throw CarrierCallError.unavailable(String(describing: error))
        }
        let body = response.body.map { Data(buffer: $0) } ?? Data()
        switch response.status.code {
        case 200..<300, 404:
            return body
        case 401, 403:
            throw CarrierCallError.unauthorized
        case 429:
            let retryAt = response.headers.first(name: "Retry-After").flatMap { RetryAfter.parse($0, now: world.now()) }
            throw CarrierCallError.rateLimited(retryAt: retryAt)
        case 500...:
            throw CarrierCallError.unavailable("HTTP \(response.status.code)")
        default:
            throw CarrierCallError.rejected("HTTP \(response.status.code): \(String(decoding: body.prefix(200), as: UTF8.self))")
        }
    }
}
