import Foundation

/// Wraps rendered content in the envelope every Porchlight email shares.
struct MailComposer: Sendable {
    /// The address mail is sent from (MAIL_FROM); the store's name goes in front of it.
    let fromAddress: String

    func compose(_ rendered: RenderedMessage, facts: MessageFacts, messageID: String,
                 to recipient: MailAddress? = nil) -> MailMessage {
        let order = facts.order
        var headers: [MailHeader] = []
        if facts.type.category != .transactional {
            let url = facts.site.absolute(.unsubscribe(token: order.trackingToken, category: facts.type.category))
            headers.append(MailHeader(name: "List-Unsubscribe", value: "<\(url)>"))
            headers.append(MailHeader(name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click"))
        }
        headers.append(MailHeader(name: "X-Porchlight-Message-Type", value: facts.type.rawValue))
        return MailMessage(
            from: MailAddress(name: facts.settings.senderName ?? facts.store.name, address: fromAddress),
            to: recipient ?? MailAddress(name: order.customerName, address: order.email),
            replyTo: facts.store.supportEmail.map { MailAddress(name: facts.store.name, address: $0) },
            subject: rendered.subject, text: rendered.text, html: rendered.html,
            messageID: messageID, date: facts.now, extraHeaders: headers)
    }

    /// Stable per message, so a retried send carries the same Message-ID and inboxes can tell.
    static func messageID(_ id: UUID, site: SiteURL) -> String {
        let host = URL(string: site.base)?.host ?? "porchlight.local"
        return "\(id.uuidString.lowercased())@\(host)"
    }
}
