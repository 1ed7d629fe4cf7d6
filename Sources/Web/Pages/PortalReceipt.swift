import Domain
import Fluent
import Foundation
import Persistence

/// The receipt a contact gets for a decision: the hash of the audit entry that records it. With it the contact
/// can later show that the entry, and so the exact text they signed, is the one in the log.
enum PortalReceipt {
    /// Receipts for the signed-off scope version shown and every decided deliverable, by record id.
    static func load(
        scope: ScopeVersion?, milestones: [MilestoneDetail],
        on db: any Database
    ) async throws -> [UUID: String] {
        let decided: Set<DeliverableStatus> = [.accepted, .returned]
        var ids = milestones.flatMap(\.deliverables).filter { decided.contains($0.status) }.map(\.id)
        if let scope, scope.status == .signedOff { ids.append(scope.id) }
        return try await AuditLog.receipts(for: ids, on: db)
    }

    /// The first 16 hex characters, the whole hash in the title (and for copying).
    static func view(_ c: PageContext, _ hash: String?) -> HTML {
        guard let hash else { return .empty }
        return
            "<div class=\"receipt muted\">\(c.t("portal.receipt")) <code title=\"\(hash)\" data-hash=\"\(hash)\">\(String(hash.prefix(16)))</code></div>"
    }
}
