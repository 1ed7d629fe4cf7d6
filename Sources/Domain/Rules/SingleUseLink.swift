import Foundation

/// Invitations and sign-in links work once, before they expire.
public enum SingleUseLink {
    /// Throws `gone` for a link that was used or has expired.
    public static func requireUsable(usedAt: Date?, expiresAt: Date, now: Date) throws {
        guard usedAt == nil, expiresAt > now else { throw DomainError.gone }
    }
}
