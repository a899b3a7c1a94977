import Foundation

/// The words on the tracking page in each language. Kept together so a translator sees them all at once.
struct TrackingCopy: Sendable {
    let language: String

    private var es: Bool { language == "es" }

    func statusLabel(_ status: ShipmentStatus) -> String {
        switch status {
        case .pending: return es ? "Pedido recibido" : "Order received"
        case .infoReceived: return es ? "Preparando el envío" : "Preparing to ship"
        case .inTransit: return es ? "En camino" : "On its way"
        case .outForDelivery: return es ? "En reparto" : "Out for delivery"
        case .attemptFail: return es ? "Intento de entrega fallido" : "Delivery attempted"
        case .availableForPickup: return es ? "Listo para recoger" : "Ready for pickup"
        case .delivered: return es ? "Entregado" : "Delivered"
        case .exception: return es ? "Hay un problema con el envío" : "There's a problem with the delivery"
        case .expired: return es ? "Sin novedades del transportista" : "No recent carrier updates"
        }
    }

    func arriving(_ window: String) -> String { es ? "llega \(window)" : "arriving \(window)" }
    var outForDeliveryToday: String { es ? "En reparto · llega hoy" : "Out for delivery · arriving today" }
    var tryAgain: String { es ? "el transportista lo volverá a intentar" : "the carrier will try again" }
    func deliveredAt(weekday: String, time: String) -> String {
        es ? "Entregado el \(weekday) a las \(time)" : "Delivered \(weekday) at \(time)"
    }
    func deliveredOn(_ day: String) -> String { es ? "Entregado el \(day)" : "Delivered on \(day)" }
    var today: String { es ? "Hoy" : "Today" }
    var yesterday: String { es ? "Ayer" : "Yesterday" }

    var steps: [String] {
        es ? ["Pedido", "Enviado", "En camino", "En reparto", "Entregado"]
           : ["Ordered", "Shipped", "On its way", "Out for delivery", "Delivered"]
    }

    func parcelTitle(_ index: Int, of total: Int) -> String {
        es ? "Paquete \(index) de \(total)" : "Parcel \(index) of \(total)"
    }

    var orderPlaced: String { es ? "Pedido realizado" : "Order placed" }
    var noEventsYet: String {
        es ? "Todavía no hay movimientos. Te lo contaremos aquí en cuanto el transportista escanee el paquete."
           : "No movement yet. We'll show it here as soon as the carrier scans the parcel."
    }
}
