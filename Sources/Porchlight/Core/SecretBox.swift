import Crypto
import Foundation

/// Seals secrets (carrier credentials, webhook secrets) before they touch the database, so a copied
/// database file or backup gives away no credentials without the key, which lives outside it.
struct SecretBox: Sendable {
    private let keyBytes: [UInt8]
    private let world: World
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }
    private static let version = "v1:"

    init(keyBytes: [UInt8], world: World) {
        self.keyBytes = keyBytes
        self.world = world
    }

    func seal(_ plaintext: String) throws -> String {
        let nonce = try AES.GCM.Nonce(data: world.randomBytes(12))
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: key, nonce: nonce)
        guard let combined = box.combined else { throw SecretBoxError.unreadable }
        return Self.version + combined.base64EncodedString()
    }

    func open(_ sealed: String) throws -> String {
        guard sealed.hasPrefix(Self.version), let data = Data(base64Encoded: String(sealed.dropFirst(3))) else {
            throw SecretBoxError.unreadable
        }
        do {
            let plain = try AES.GCM.open(AES.GCM.SealedBox(combined: data), using: key)
            return String(decoding: plain, as: UTF8.self)
        } catch {
            throw SecretBoxError.wrongKey
        }
    }

    /// A 32-byte key from `PORCHLIGHT_SECRET_KEY` (base64 or hex), or from a key file created on first run,
    /// so a single SQLite install needs no setup.
    static func loadKey(configured: String?, keyFile: String, world: World) throws -> [UInt8] {
        if let configured {
            if let bytes = Data(base64Encoded: configured), bytes.count == 32 { return [UInt8](bytes) }
            if let bytes = Hex.decode(configured), bytes.count == 32 { return bytes }
            throw SecretBoxError.badKey
        }
        if let existing = FileManager.default.contents(atPath: keyFile) {
            let text = String(decoding: existing, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let bytes = Data(base64Encoded: text), bytes.count == 32 else { throw SecretBoxError.badKey }
            return [UInt8](bytes)
        }
        let bytes = world.randomBytes(32)
        let created = FileManager.default.createFile(atPath: keyFile, contents: Data(Data(bytes).base64EncodedString().utf8),
                                                     attributes: [.posixPermissions: 0o600])
        guard created else { throw SecretBoxError.cannotWriteKeyFile(keyFile) }
        return bytes
    }
}

enum SecretBoxError: Error, CustomStringConvertible {
    case unreadable, wrongKey, badKey
    case cannotWriteKeyFile(String)

    var description: String {
        switch self {
        case .unreadable: "A stored secret is not in a format this version can read."
        case .wrongKey: "A stored secret cannot be opened with this PORCHLIGHT_SECRET_KEY; was the key changed?"
        case .badKey: "PORCHLIGHT_SECRET_KEY (or the key file) must hold 32 bytes, as base64 or hex."
        case .cannotWriteKeyFile(let path): "Could not create the key file \(path)."
        }
    }
}
