import Foundation

/// How a store looks and where its customers can get help.
struct StoreBranding: Sendable, Equatable {
    static let defaultAccent = HexColor("#2f6b4f")!
    static let defaultBackground = HexColor("#fbf8f3")!

    var name: String
    var logoURL: String?
    var accentColor: HexColor = defaultAccent
    var backgroundColor: HexColor = defaultBackground
    var font: String?
    var supportEmail: String?
    var supportURL: String?
    var returnPolicyURL: String?
    var defaultLocale: String = "en"

    var palette: BrandPalette { BrandPalette(accent: accentColor, background: backgroundColor) }

    /// A CSS font stack that cannot break out of its declaration: only letters, digits, spaces and hyphens survive.
    var fontStack: String {
        let fallback = "system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif"
        guard let font, !font.isEmpty else { return fallback }
        let safe = String(font.unicodeScalars.filter {
            CharacterSet.alphanumerics.contains($0) || $0 == " " || $0 == "-"
        }.map(Character.init)).trimmingCharacters(in: .whitespaces)
        return safe.isEmpty ? fallback : "\"\(safe)\", \(fallback)"
    }
}

/// Checks on what merchants type, so bad values are refused with a reason rather than stored.
enum StoreRules {
    static func validateSlug(_ slug: String) -> String? {
        let allowed = CharacterSet.lowercaseLetters.union(.decimalDigits).union(CharacterSet(charactersIn: "-"))
        guard (2...40).contains(slug.count) else { return "Slug must be 2 to 40 characters." }
        guard slug.unicodeScalars.allSatisfy({ allowed.contains($0) && $0.isASCII }) else {
            return "Slug may use only lowercase letters, digits and hyphens."
        }
        guard !reservedSlugs.contains(slug) else { return "Slug '\(slug)' is reserved." }
        return nil
    }

    static let reservedSlugs: Set<String> = ["api", "t", "static", "admin", "healthz", "metrics", "webhooks", "import", "logos", "preview"]

    static func suggestSlug(from name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let parts = folded.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
        return String(parts.joined(separator: "-").prefix(40))
    }

    static func validateURL(_ text: String?, field: String) -> String? {
        guard let text, !text.isEmpty else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              ["https", "http"].contains(scheme), url.host != nil else {
            return "\(field) must be an http(s) URL."
        }
        return nil
    }

    static let supportedLocales: Set<String> = ["en", "es"]
}
