import Foundation
import Testing
import VaporTesting
@testable import Porchlight

/// A browser in miniature: keeps cookies between requests and reads each form's CSRF token from the page.
final class DashboardClient {
    let t: TestHarness
    private(set) var cookies: [String: String] = [:]
    private(set) var lastSetCookies: [String] = []

    init(_ t: TestHarness) { self.t = t }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, body: nil)
    }

    /// Posts a form with the token the page at `from` carries (the page is fetched first, as a browser would).
    @discardableResult
    func post(_ path: String, from page: String, _ fields: [String: String]) async throws -> TestingHTTPResponse {
        let token = try Self.csrfToken(in: try await get(page).body.string)
        return try await post(path, fields.merging(["csrf_token": token]) { $1 })
    }

    @discardableResult
    func post(_ path: String, _ fields: [String: String]) async throws -> TestingHTTPResponse {
        try await send(.POST, path, body: Self.encode(fields))
    }

    func signUp(store: String = "Maple & Moss", slug: String = "maple", email: String = "owner@maple.example",
                password: String = "correct horse battery") async throws -> TestingHTTPResponse {
        try await post("/admin/sign-up", from: "/admin/sign-up", ["store_name": store, "slug": slug, "name": "Olive Owner",
                                                               "email": email, "password": password])
    }

    func signIn(_ email: String, _ password: String) async throws -> TestingHTTPResponse {
        try await post("/admin/sign-in", from: "/admin/sign-in", ["email": email, "password": password])
    }

    func forget(_ name: String) { cookies[name] = nil }

    static func csrfToken(in html: String) throws -> String {
        let pattern = #"name="csrf_token" value="([^"]+)""#
        guard let match = html.range(of: pattern, options: .regularExpression) else {
            throw TestSetupError("No CSRF field in page: \(html.prefix(300))")
        }
        let field = String(html[match])
        return String(field.dropFirst(#"name="csrf_token" value=""#.count).dropLast())
    }

    static func encode(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.sorted { $0.key < $1.key }.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
    }

    func send(_ method: HTTPMethod, _ path: String, body: String?, contentType: String? = nil) async throws -> TestingHTTPResponse {
        var headers: [(String, String)] = contentType.map { [("Content-Type", $0)] } ?? []
        if !cookies.isEmpty {
            headers.append(("Cookie", cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")))
        }
        let response = contentType == nil
            ? try await t.send(method, path, headers: headers, form: body)
            : try await t.app.testing().sendRequest(method, path, headers: HTTPHeaders(headers), body: ByteBuffer(string: body ?? ""))
        lastSetCookies = response.headers[.setCookie]
        for line in lastSetCookies {
            guard let pair = line.split(separator: ";").first, let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals]).trimmingCharacters(in: .whitespaces)
            let value = String(pair[pair.index(after: equals)...])
            cookies[name] = value.isEmpty ? nil : value
        }
        return response
    }
}
