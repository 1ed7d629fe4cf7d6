import Domain
import NIOConcurrencyHelpers
import Vapor

/// A bcrypt hash of a password nobody knows, checked for unknown addresses so that they cost the
/// same time as known ones. Made on first use, not at start: a cost-12 hash would add ~0.2 s to
/// the time before the first answer.
final class DummyPasswordHash: Sendable {
    private let cost: Int
    private let hash = NIOLockedValueBox<String?>(nil)

    init(cost: Int) { self.cost = cost }

    func value() throws -> String {
        try hash.withLockedValue { stored in
            if let stored { return stored }
            let made = try Bcrypt.hash(SecretToken.generate(), cost: cost)
            stored = made
            return made
        }
    }
}
