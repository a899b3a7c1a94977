import Foundation

/// One call to a carrier's API, described without performing it, so the adapters stay pure and
/// testable and the HTTP layer owns base URLs, timeouts and retries.
struct CarrierHTTPRequest: Sendable, Equatable {
    var method: String
    /// Starts with "/" and is already percent-encoded; appended to the carrier's base URL.
    var path: String
    var query: [URLQueryItem]
    var headers: [String: String]
    var body: Data?

    init(method: String, path: String, query: [URLQueryItem] = [], headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// Header names are case-insensitive on the wire, so lookups are too.
    func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Only unreserved characters survive: a tracking number pasted with a space or a slash must
    /// stay one path segment instead of changing which endpoint is called.
    static func pathSegment(_ raw: String) -> String {
        raw.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// application/x-www-form-urlencoded, escaping everything but unreserved characters, because
    /// client secrets routinely contain "+", "/" and "=".
    static func formBody(_ fields: [(String, String)]) -> Data {
        let pairs = fields.map { "\(pathSegment($0.0))=\(pathSegment($0.1))" }
        return Data(pairs.joined(separator: "&").utf8)
    }

    /// Sorted keys keep bodies byte-for-byte stable, which tests and request logs rely on.
    static func jsonBody(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data()
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
