import Foundation

/// The languages pages and messages are written in, and how a customer's locale maps onto them.
enum LocaleChoice {
    static let supported = ["en", "es"]

    /// "es-MX" and "ES" read Spanish; anything unknown reads English.
    static func language(_ locale: String?) -> String {
        let prefix = (locale ?? "").lowercased().prefix(2)
        return supported.contains(String(prefix)) ? String(prefix) : "en"
    }

    /// Keeps the customer's region for number and date conventions when it is one we speak.
    static func formattingIdentifier(_ locale: String?) -> String {
        guard let locale, !locale.isEmpty else { return "en_US" }
        let normalized = locale.replacingOccurrences(of: "-", with: "_")
        if normalized.contains("_") && supported.contains(language(locale)) { return normalized }
        return language(locale) == "es" ? "es_ES" : "en_US"
    }
}
