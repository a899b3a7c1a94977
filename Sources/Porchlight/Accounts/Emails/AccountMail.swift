import Foundation

/// The two emails a merchant gets from Porchlight itself: a password link and an invitation.
struct AccountMail: Sendable {
    let from: String
    let world: World

    func passwordReset(to user: UserRecord, link: String) throws -> MailMessage {
        try compose(to: user, subject: "Choose a new Porchlight password", lines: [
            "Someone (we hope you) asked to reset the password for \(user.email).",
            "Choose a new password here. The link works once, for one hour:",
        ], link: link, footer: "If you didn't ask for this, ignore this email: your password stays as it is.")
    }

    func invitation(to user: UserRecord, storeName: String, inviter: String, link: String) throws -> MailMessage {
        try compose(to: user, subject: "\(inviter) invited you to \(storeName) on Porchlight", lines: [
            "\(inviter) added you to \(storeName)'s Porchlight dashboard.",
            "Choose a password to sign in. The link works once, for seven days:",
        ], link: link, footer: "If you weren't expecting this, you can ignore it.")
    }

    private func compose(to user: UserRecord, subject: String, lines: [String], link: String,
                         footer: String) throws -> MailMessage {
        let text = (lines + [link, "", footer]).joined(separator: "\n")
        let paragraphs = lines.map { "<p>\(XMLEscape.attribute($0))</p>" }.joined()
        let html = """
            <!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">\(paragraphs)\
            <p><a href="\(XMLEscape.attribute(link))">\(XMLEscape.attribute(link))</a></p>\
            <p style="color:#555">\(XMLEscape.attribute(footer))</p></body></html>
            """
        return MailMessage(from: MailAddress(name: "Porchlight", address: from),
                           to: try MailAddress(validating: user.email, name: nil), subject: subject,
                           text: text, html: html,
                           messageID: "account-\(world.uuid().uuidString.lowercased())@porchlight.local",
                           date: world.now())
    }
}
