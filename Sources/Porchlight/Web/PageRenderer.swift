import Foundation
import Mustache
import Vapor

/// Renders the Mustache templates shipped in Resources/Templates. Mustache escapes by default,
/// so merchant and customer text can never become markup.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> PageRenderer {
        try await PageRenderer(library: MustacheLibrary(directory: ResourcePaths.templates.path))
    }

    func render(_ template: String, _ context: [String: Any]) -> String {
        guard let output = library.render(context, withTemplate: template) else {
            preconditionFailure("Template '\(template)' is missing from Resources/Templates")
        }
        return output
    }

    func page(_ template: String, _ context: [String: Any], request: Request,
              status: HTTPResponseStatus = .ok) -> Response {
        var context = context
        context["nonce"] = request.cspNonce
        let response = Response(status: status, body: .init(string: render(template, context)))
        response.headers.contentType = .html
        return response
    }

    /// `reason` is shown only for refusals we word ourselves (an expired form, a staff member at an owner's page).
    func errorPage(status: HTTPResponseStatus, request: Request, reason: String? = nil) -> Response {
        let notFound = status == .notFound
        let tooMany = status == .tooManyRequests
        let title = notFound ? "We couldn't find that page"
            : tooMany ? "Please wait a moment" : status.code < 500 ? "That didn't work" : "Something went wrong"
        let message = reason ?? (notFound ? "The link may be mistyped or no longer in use. Check the link in your email, or ask the store for a new one."
            : tooMany ? "There were too many attempts just now. Please try again in a minute."
            : status.code < 500 ? "The request could not be handled." : "Please try again in a little while.")
        return page("error", ["title": title, "message": message, "lang": "en"], request: request, status: status)
    }
}

enum ResourcePaths {
    static let root: URL = Bundle.module.url(forResource: "Resources", withExtension: nil)
        ?? URL(fileURLWithPath: "Sources/Porchlight/Resources")
    static var templates: URL { root.appendingPathComponent("Templates") }
    static var publicFiles: URL { root.appendingPathComponent("Public") }
}
