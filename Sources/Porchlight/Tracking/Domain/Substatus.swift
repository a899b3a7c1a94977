import Foundation

/// A finer-grained reason under a main status, written `<Status>_<NNN>` (e.g. "Exception_004").
/// `<Status>_001` is always the generic reason. Codes outside the catalogue are still
/// accepted and stored, because carriers and merchants can be ahead of us; they just
/// have no canned description.
struct Substatus: Sendable, Hashable, Codable {
    var code: String

    init(_ code: String) {
        self.code = code
    }

    /// The generic `<Status>_001` code, used when a carrier gives no finer reason.
    static func generic(for status: ShipmentStatus) -> Substatus {
        Substatus("\(status.rawValue)_001")
    }

    /// Catalogue entry for a code, or nil when we have no description for it.
    static func known(_ code: String) -> SubstatusInfo? {
        catalogueByCode[code]
    }

    var info: SubstatusInfo? { Self.known(code) }

    /// On its way, but late: reported by the carrier or raised when a parcel stops moving.
    static let delayed = "InTransit_005"

    /// Prefix match on "<Status>_" so that "InTransit_002" never belongs to "Info...".
    func belongs(to status: ShipmentStatus) -> Bool {
        code.hasPrefix(status.rawValue + "_")
    }

    /// The main status named by the code's prefix, if any.
    var status: ShipmentStatus? {
        ShipmentStatus.allCases.first(where: belongs(to:))
    }

    /// The parcel is going back to the merchant; the customer should be told to
    /// contact the store rather than wait.
    var isReturn: Bool {
        code == "Exception_005" || code == "Exception_006"
    }

    // Encoded as a bare string so the API and database see "Exception_004", not an object.
    init(from decoder: Decoder) throws {
        code = try decoder.singleValueContainer().decode(String.self)
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

/// One catalogue row: customer-facing text in every language we ship.
struct SubstatusInfo: Sendable, Hashable {
    var code: String
    var status: ShipmentStatus
    var english: String
    var spanish: String

    func description(locale: String) -> String {
        LocaleChoice.language(locale) == "es" ? spanish : english
    }
}

extension Substatus {
    /// Known codes, in display order. Text is read by worried customers: calm, plain,
    /// no carrier jargon, and say what happens next when we can.
    static let catalogue: [SubstatusInfo] = [
        row("Pending_001", .pending,
            "We're waiting for the carrier to share tracking details.",
            "Estamos esperando que el transportista comparta los datos de seguimiento."),
        row("InfoReceived_001", .infoReceived,
            "The carrier has your parcel's details and is getting ready to collect it.",
            "El transportista ya tiene los datos de tu paquete y se prepara para recogerlo."),
        row("InTransit_001", .inTransit,
            "Your parcel is on its way.",
            "Tu paquete está en camino."),
        row("InTransit_002", .inTransit,
            "Your parcel arrived at a carrier facility.",
            "Tu paquete llegó a un centro del transportista."),
        row("InTransit_003", .inTransit,
            "Your parcel left a carrier facility.",
            "Tu paquete salió de un centro del transportista."),
        row("InTransit_004", .inTransit,
            "Your parcel arrived in the destination country and cleared customs.",
            "Tu paquete llegó al país de destino y pasó la aduana."),
        row("InTransit_005", .inTransit,
            "The carrier reports a delay. Your parcel is still on its way.",
            "El transportista informa de un retraso. Tu paquete sigue en camino."),
        row("OutForDelivery_001", .outForDelivery,
            "Your parcel is out for delivery.",
            "Tu paquete está en reparto."),
        row("OutForDelivery_002", .outForDelivery,
            "A delivery appointment has been scheduled.",
            "Se programó una cita para la entrega."),
        row("OutForDelivery_003", .outForDelivery,
            "The courier will contact you to arrange delivery.",
            "El repartidor se pondrá en contacto contigo para coordinar la entrega."),
        row("AttemptFail_001", .attemptFail,
            "The carrier tried to deliver your parcel but couldn't. They usually try again.",
            "El transportista intentó entregar tu paquete pero no pudo. Normalmente lo intenta de nuevo."),
        row("AttemptFail_002", .attemptFail,
            "Nobody was available to receive your parcel. The carrier will try again.",
            "No había nadie para recibir tu paquete. El transportista lo intentará de nuevo."),
        row("AttemptFail_003", .attemptFail,
            "The business was closed when the carrier arrived. They will try again.",
            "El negocio estaba cerrado cuando llegó el transportista. Lo intentará de nuevo."),
        row("AttemptFail_004", .attemptFail,
            "The carrier had trouble with the delivery address. Please check it with the carrier.",
            "El transportista tuvo un problema con la dirección de entrega. Revísala con el transportista."),
        row("AttemptFail_005", .attemptFail,
            "The carrier couldn't reach your door, for example because of a locked gate. They will try again.",
            "El transportista no pudo llegar a tu puerta, por ejemplo por un portón cerrado. Lo intentará de nuevo."),
        row("AvailableForPickup_001", .availableForPickup,
            "Your parcel is waiting for you at a pickup point.",
            "Tu paquete te espera en un punto de recogida."),
        row("Delivered_001", .delivered,
            "Your parcel was delivered.",
            "Tu paquete fue entregado."),
        row("Delivered_002", .delivered,
            "Your parcel was left at your door or in a safe place.",
            "Tu paquete se dejó en tu puerta o en un lugar seguro."),
        row("Delivered_003", .delivered,
            "You collected your parcel from the pickup point.",
            "Recogiste tu paquete en el punto de recogida."),
        row("Delivered_004", .delivered,
            "Your parcel was delivered and signed for.",
            "Tu paquete fue entregado con firma."),
        row("Exception_001", .exception,
            "Something unexpected happened with your parcel. The carrier is looking into it.",
            "Ocurrió algo inesperado con tu paquete. El transportista lo está revisando."),
        row("Exception_002", .exception,
            "The carrier has a problem with the delivery address.",
            "El transportista tiene un problema con la dirección de entrega."),
        row("Exception_003", .exception,
            "Your parcel was damaged on the way.",
            "Tu paquete sufrió daños durante el transporte."),
        row("Exception_004", .exception,
            "Your parcel is held up in customs.",
            "Tu paquete está retenido en la aduana."),
        row("Exception_005", .exception,
            "Your parcel is being returned to the sender.",
            "Tu paquete se está devolviendo al remitente."),
        row("Exception_006", .exception,
            "Your parcel was returned to the sender.",
            "Tu paquete fue devuelto al remitente."),
        row("Exception_007", .exception,
            "The carrier can't locate your parcel right now.",
            "El transportista no logra localizar tu paquete en este momento."),
        row("Exception_008", .exception,
            "Your parcel is delayed by weather or other events outside the carrier's control.",
            "Tu paquete se retrasó por el clima u otras causas ajenas al transportista."),
        row("Exception_009", .exception,
            "The carrier is holding your parcel.",
            "El transportista tiene tu paquete retenido."),
        row("Expired_001", .expired,
            "The carrier hasn't shared any updates for a while.",
            "El transportista no ha compartido novedades desde hace un tiempo."),
    ]

    private static let catalogueByCode: [String: SubstatusInfo] =
        Dictionary(uniqueKeysWithValues: catalogue.map { ($0.code, $0) })

    private static func row(
        _ code: String, _ status: ShipmentStatus, _ english: String, _ spanish: String
    ) -> SubstatusInfo {
        SubstatusInfo(code: code, status: status, english: english, spanish: spanish)
    }
}
