import Foundation

/// Parsed from SMTP_URL:
/// - `smtp://user:pass@host:port` — plain connection, upgraded with STARTTLS whenever the server offers it (default port 587)
/// - `smtps://user:pass@host:port` — TLS from the first byte (default port 465)
/// User and password are optional and percent-decoded; `?helo=name` sets the EHLO name (default "localhost").
struct SMTPSettings: Sendable, Equatable {
    enum Security: Sendable, Equatable {
        case startTLSWhenOffered
        case implicitTLS
    }

    var host: String
    var port: Int
    var security: Security
    var username: String?
    var password: String?
    var heloName: String

    init(host: String, port: Int? = nil, security: Security = .startTLSWhenOffered,
         username: String? = nil, password: String? = nil, heloName: String = "localhost") {
        self.host = host
        self.port = port ?? (security == .implicitTLS ? 465 : 587)
        self.security = security
        self.username = username
        self.password = password
        self.heloName = heloName
    }

    init(url: String) throws {
        func invalid(_ why: String) -> MailError {
            // The URL may hold a password, so the message names the problem, never the URL itself.
            MailError.invalidSettings("SMTP_URL \(why); expected smtp://user:pass@host:port or smtps://user:pass@host:port")
        }
        guard let components = URLComponents(string: url.trimmingCharacters(in: .whitespaces)) else {
            throw invalid("is not a URL (percent-encode special characters in the user and password)")
        }
        let security: Security
        switch components.scheme?.lowercased() {
        case "smtp": security = .startTLSWhenOffered
        case "smtps": security = .implicitTLS
        case let other: throw invalid("has scheme \(String(reflecting: other ?? "")) instead of smtp or smtps")
        }
        var host = components.percentEncodedHost ?? ""
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, host.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "%" }) else {
            throw invalid("has no valid host")
        }
        if let port = components.port, !(1...65535).contains(port) { throw invalid("has port \(port), outside 1-65535") }
        guard components.path.isEmpty || components.path == "/" else { throw invalid("must not have a path") }
        guard components.fragment == nil else { throw invalid("must not have a fragment") }

        // Taken from the raw text: URLComponents on Linux re-encodes a stray "%" instead of rejecting it.
        let (rawUser, rawPassword) = Self.rawUserInfo(url)
        let user = rawUser.map(Self.percentDecoded)
        let password = rawPassword.map(Self.percentDecoded)
        if user == .some(nil) || password == .some(nil) { throw invalid("has a badly percent-encoded user or password") }
        let username = user.flatMap { $0 }.flatMap { $0.isEmpty ? nil : $0 }
        if username == nil && password != nil { throw invalid("has a password but no user") }
        if username != nil && password == nil { throw invalid("has a user but no password") }

        var heloName = "localhost"
        for item in components.queryItems ?? [] {
            guard item.name == "helo" else { throw invalid("has unknown parameter \(String(reflecting: item.name)); only helo is supported") }
            guard let value = item.value, !value.isEmpty, value.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
                throw invalid("has an empty or invalid helo name")
            }
            heloName = value
        }
        self.init(host: host, port: components.port, security: security,
                  username: username, password: password.flatMap { $0 }, heloName: heloName)
    }

    var hasCredentials: Bool { username != nil }

    /// The user and password exactly as written: between "://" and the last "@" of the authority.
    static func rawUserInfo(_ url: String) -> (user: String?, password: String?) {
        guard let schemeEnd = url.range(of: "://") else { return (nil, nil) }
        let authority = url[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@") else { return (nil, nil) }
        let userInfo = authority[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return (String(userInfo), nil) }
        return (String(userInfo[..<colon]), String(userInfo[userInfo.index(after: colon)...]))
    }

    /// Strict: a "%" not followed by two hex digits, or bytes that are not UTF-8, give nil. Foundation's
    /// removingPercentEncoding has let such input through on some platforms.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(value)
        }
        return String(bytes: bytes, encoding: .utf8)
    }
}

extension SMTPSettings: CustomStringConvertible {
    /// Safe for logs: the password is never included.
    var description: String {
        let scheme = security == .implicitTLS ? "smtps" : "smtp"
        let user = username.map { "\($0):***@" } ?? ""
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(user)\(hostPart):\(port)"
    }
}
