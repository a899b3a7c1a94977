import Foundation

/// The store's look and contact details as template values, shared by every branded page.
enum BrandContext {
    static func theme(_ branding: StoreBranding) -> [String: Any] {
        let palette = branding.palette
        return [
            "accent": palette.accent.description, "on_accent": palette.onAccent.description,
            "accent_text": palette.accentText.description, "bg": palette.background.description,
            "text": palette.text.description, "muted": palette.mutedText.description,
            "font": branding.fontStack,
        ]
    }

    static func store(_ store: StoreRecord) -> [String: Any] {
        compact([
            "name": store.name,
            "logo_url": store.logoURL,
            "support_email": store.supportEmail,
            "support_url": store.supportURL,
            "return_policy_url": store.returnPolicyURL,
        ])
    }

    /// Mustache would print a missing optional as "nil"; absent keys render as nothing and skip sections.
    static func compact(_ values: [String: Any?]) -> [String: Any] {
        values.compactMapValues { $0 }
    }
}
