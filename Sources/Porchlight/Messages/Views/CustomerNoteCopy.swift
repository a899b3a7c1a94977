import Foundation

/// Words on the small pages customers reach from email links, in their language.
struct CustomerNoteCopy: Sendable {
    let language: String
    private var es: Bool { language == "es" }

    func categoryName(_ category: MessageCategory) -> String {
        switch category {
        case .shipping: es ? "avisos de envío" : "shipping updates"
        case .followUp: es ? "correos después de tu compra (consejos, opiniones y recordatorios)" : "follow-up emails (tips, reviews and reminders)"
        case .transactional: es ? "confirmaciones de pedido" : "order confirmations"
        }
    }

    func unsubscribeQuestion(_ store: String) -> String { es ? "¿Dejar de recibir correos de \(store)?" : "Stop emails from \(store)?" }
    func unsubscribeExplain(_ category: MessageCategory) -> String {
        es ? "Dejarás de recibir \(categoryName(category)) sobre tus pedidos." : "You will no longer receive \(categoryName(category)) about your orders."
    }
    var unsubscribeButton: String { es ? "Darme de baja" : "Unsubscribe" }
    var unsubscribedTitle: String { es ? "Listo, te diste de baja" : "You're unsubscribed" }
    func unsubscribedBody(_ category: MessageCategory) -> String {
        es ? "No te enviaremos más \(categoryName(category)). Tu página de seguimiento sigue disponible."
            : "We won't send you any more \(categoryName(category)). Your tracking page is still there whenever you need it."
    }
    var viewOrder: String { es ? "Ver tu pedido" : "View your order" }
    var ratingTitle: String { es ? "¡Gracias por tu valoración!" : "Thanks for your rating!" }
    func ratingBody(_ stars: Int, product: String) -> String {
        let shown = String(repeating: "★", count: stars) + String(repeating: "☆", count: 5 - stars)
        return es ? "Valoraste \(product) con \(shown)." : "You rated \(product) \(shown)."
    }
    var commentLabel: String { es ? "¿Quieres contarnos algo más? (opcional)" : "Anything you'd like to add? (optional)" }
    var commentButton: String { es ? "Enviar comentario" : "Send comment" }
    var commentThanks: String { es ? "¡Gracias! Tu comentario nos ayuda mucho." : "Thank you! Your comment really helps." }
}
