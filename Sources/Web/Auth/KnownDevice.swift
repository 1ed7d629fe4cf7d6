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

    /// The browser's device token, when it sends a plausible one.
    static func token(of req: Request) -> String? {
        guard let token = req.cookies[cookie]?.string, !token.isEmpty, token.utf8.count <= 128 else { return nil }
        return token
    }

    /// Whether the browser holding `token` signed in as `memberID` before.
    static func isKnown(_ token: String?, memberID: UUID?, in ctx: ActionContext) async throws -> Bool {
        guard let memberID, let token else { return false }
        return try await KnownDeviceStore.isKnown(tokenHash: SecretToken.hash(token), memberID: memberID, now: ctx.now, on: ctx.db)
    }

    /// Remembers the browser for `memberID` and sets the cookie on `response`. The token is kept only when
    /// it is already known for this member: a token planted in the browser by someone else (cookie
    /// injection) never becomes a known device.
    static func remember(_ req: Request, memberID: UUID, on response: Response) async throws {
        let current = Self.token(of: req)
        // `isKnown` is false for no token, so a known one is there to keep.
        let token = try await isKnown(current, memberID: memberID, in: req.context) ? current! : SecretToken.generate()
        let now = req.now
        try await req.write { db in
            try await KnownDeviceStore.remember(
                tokenHash: SecretToken.hash(token), memberID: memberID, now: now,
                expiresAt: now.addingTimeInterval(lifetime), on: db)
        }
        response.cookies[cookie] = HTTPCookies.Value(
            string: token, maxAge: Int(lifetime), path: "/",
            isSecure: req.tandem.config.cookiesAreSecure, isHTTPOnly: true, sameSite: .lax)
    }
}
