import Foundation

/// What a reassurance email says when the store has written nothing for the product type:
/// useful, product-neutral, and not about tracking.
enum DefaultTips {
    static func tips(language: String) -> ProductTips {
        language == "es"
            ? ProductTips(heading: "Mientras esperas", paragraphs: [
                "Cuando llegue, abre el paquete con cuidado y revisa que todo esté en buen estado.",
                "Guarda el embalaje unos días por si necesitas hacer un cambio.",
                "Si tienes cualquier duda sobre cómo usar o cuidar tu compra, responde a este correo: te ayudamos encantados.",
            ])
            : ProductTips(heading: "While you wait", paragraphs: [
                "When it arrives, open the parcel with care and check that everything is in good shape.",
                "Keep the packaging for a few days in case you'd like to exchange anything.",
                "If you have any question about using or caring for your order, just reply to this email. We're happy to help.",
            ])
    }

    /// The store's tips for the first product type that has some, then its own default, then ours.
    static func pick(_ settings: MessageSettings, productTypes: [String], language: String) -> ProductTips {
        let byType = Dictionary(settings.tips.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        for type in productTypes { if let tips = byType[type.lowercased()] { return tips } }
        return byType["default"] ?? tips(language: language)
    }
}
