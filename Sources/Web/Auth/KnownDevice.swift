import Domain
import Foundation
import Persistence
import Vapor

/// The cookie a browser keeps after signing in: it proves "this browser signed in to this account
/// before", which lets its owner past the per-address sign-in block during an attack on their address.
///
/// A random token whose SHA-256 is stored (like sessions), rather than a signed value: it can be
/// checked against one account and dies with that account's row.
enum KnownDevice {
    static let cookie = "tandem_device"
    static let lifetime: TimeInterval = 365 * 86_400

    /// Whether the request's browser signed in as `memberID` before.
    static func isKnown(_ req: Request, memberID: UUID?) async throws -> Bool {
        guard let memberID, let token = req.cookies[cookie]?.string, !token.isEmpty, token.utf8.count <= 128 else { return false }
        return try await KnownDeviceStore.isKnown(tokenHash: SecretToken.hash(token), memberID: memberID, now: req.now, on: req.db)
    }

    /// Remembers the browser for `memberID` and sets the cookie on `response`. The token is kept only when
    /// it is already known for this member: a token planted in the browser by someone else (cookie
    /// injection) never becomes a known device.
    static func remember(_ req: Request, memberID: UUID, on response: Response) async throws {
        let existing = try await isKnown(req, memberID: memberID) ? req.cookies[cookie]?.string : nil
        let token = existing ?? SecretToken.generate()
        let now = req.now
        try await req.write { db in
            try await KnownDeviceStore.remember(tokenHash: SecretToken.hash(token), memberID: memberID, now: now,
                                                expiresAt: now.addingTimeInterval(lifetime), on: db)
        }
        response.cookies[cookie] = HTTPCookies.Value(string: token, maxAge: Int(lifetime), path: "/",
                                                    isSecure: req.tandem.config.cookiesAreSecure, isHTTPOnly: true, sameSite: .lax)
    }
}
