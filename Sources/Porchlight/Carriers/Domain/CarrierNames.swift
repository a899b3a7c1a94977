import Foundation

/// Maps the carrier names stores send ("UPS Ground", "United States Postal Service", "DHL eCommerce")
/// to tracking_number_data courier codes.
enum CarrierNames {
    /// Names are lowercased, accent-folded and split into ASCII letter/digit words. A name matches an
    /// alias when its first words joined together spell the alias ("UPS Ground" -> "ups",
    /// "U.S. Postal Service" -> "uspostalservice"); as a fallback, aliases of 5+ letters may also
    /// prefix an unsplit word ("FedExGround" -> "fedex"). Unknown names give nil.
    static let aliases: [String: [String]] = [
        "ups": ["ups", "unitedparcelservice"],
        "usps": ["usps", "unitedstatespostalservice", "uspostalservice", "usmail", "unitedstatespostoffice",
                 "uspostoffice"],
        "fedex": ["fedex", "federalexpress"],
        "dhl": ["dhl"],
        "canada_post": ["canadapost", "postescanada", "canadapostpostescanada"],
        "amazon": ["amazon", "amzl"],
        "canpar": ["canpar"],
        "dpd": ["dpd"],
        "gofo": ["gofo"],
        "landmark": ["landmark"],
        "lasership": ["lasership"],
        "old_dominion": ["olddominion", "odfl"],
        "ontrac": ["ontrac"],
        "purolator": ["purolator"],
        "speedee": ["speedee"],
        "yodel": ["yodel"],
        "yunexpress": ["yunexpress"],
        // National posts with no courier file of their own issue UPU S10 numbers (e.g. RB123456785GB).
        "s10": ["s10", "royalmail", "parcelforce", "australiapost", "auspost", "nzpost", "newzealandpost",
                "anpost", "laposte", "colissimo", "deutschepost", "postnl", "bpost", "swisspost", "postnord",
                "correos", "posteitaliane", "japanpost", "chinapost", "indiapost", "singpost", "hongkongpost",
                "koreapost", "correiosdobrasil", "correios", "correosdemexico"],
    ]

    private static let codes: [String: String] = Dictionary(
        uniqueKeysWithValues: aliases.flatMap { code, names in names.map { ($0, code) } })

    static func code(for name: String) -> String? {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        let words = folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
        var key = ""
        for word in words {
            key += word
            if let code = codes[key] { return code }
        }
        let joined = words.joined()
        return codes.filter { $0.key.count >= 5 && joined.hasPrefix($0.key) }
            .max { ($0.key.count, $0.key) < ($1.key.count, $1.key) }?.value
    }
}
