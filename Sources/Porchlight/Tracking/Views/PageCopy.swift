import Foundation

/// Fixed words around the tracking and lookup pages, per language.
struct PageCopy {
    let language: String
    private var es: Bool { language == "es" }

    var order: String { es ? "Pedido" : "Order" }

    var dictionary: [String: String] {
        [
            "order": order,
            "items": es ? "Artículos" : "Items",
            "in_this_parcel": es ? "En este paquete" : "In this parcel",
            "still_preparing": es ? "Aún en preparación" : "Still being prepared",
            "updates": es ? "Novedades" : "Updates",
            "tracking_number": es ? "Número de seguimiento" : "Tracking number",
            "no_events": TrackingCopy(language: language).noEventsYet,
            "help": es ? "¿Necesitas ayuda?" : "Need help?",
            "contact": es ? "Contactar con la tienda" : "Contact the store",
            "email_us": es ? "Escríbenos" : "Email us",
            "returns": es ? "Política de devoluciones" : "Returns policy",
            "you_may_like": es ? "También te puede gustar" : "You might also like",
            "progress": es ? "Progreso de la entrega" : "Delivery progress",
            "live": es ? "Esta página se actualiza sola." : "This page updates by itself.",
            "shipping_to": es ? "Envío a" : "Shipping to",
        ]
    }
}
