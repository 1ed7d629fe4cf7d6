import Crypto
import Foundation

/// Seals an integration's URL and secret with ChaCha20-Poly1305 under the key derived for integrations; the
/// integration's id and the field's name are the associated data, so a sealed value cannot be moved to another
/// row or field unnoticed.
struct IntegrationSeal: Sendable {
    let key: SymmetricKey

    init(_ services: TandemServices) {
        key = services.secretKey.derived("tandem integrations v1")
    }

    struct Broken: Error, CustomStringConvertible {
        var description: String { "a stored integration secret could not be opened (was TANDEM_SECRET_KEY changed?)" }
    }

    func seal(_ text: String, id: UUID, field: String) throws -> String {
        let box = try ChaChaPoly.seal(Data(text.utf8), using: key, authenticating: Self.context(id, field))
        return box.combined.base64EncodedString()
    }

    func open(_ sealed: String, id: UUID, field: String) throws -> String {
        guard let data = Data(base64Encoded: sealed) else { throw Broken() }
        do {
            let box = try ChaChaPoly.SealedBox(combined: data)
            return String(decoding: try ChaChaPoly.open(box, using: key, authenticating: Self.context(id, field)), as: UTF8.self)
        } catch {
            throw Broken()
        }
    }

    private static func context(_ id: UUID, _ field: String) -> Data {
        Data("tandem integration \(id.uuidString.lowercased()) \(field)".utf8)
    }
}
