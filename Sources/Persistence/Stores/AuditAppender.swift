import Domain
import Fluent
import Foundation

/// Appends audit entries within one write transaction and remembers the newest, so the caller can move the
/// checkpoint once the transaction has committed (never before: a rolled-back entry must not be anchored).
public final class AuditAppender: @unchecked Sendable {
    private let key: AuditKey
    private let lock = NSLock()
    private var last: AuditEntry?

    public init(key: AuditKey) { self.key = key }

    /// The newest entry appended through this appender, if any.
    public var newest: AuditEntry? { lock.withLock { last } }

    /// Appends one entry inside the transaction `db` belongs to.
    @discardableResult
    public func append(
        on db: any Database, at: Date, actor: String, action: String, objectType: String,
        objectID: UUID, projectID: UUID?, content: [(String, String)]
    ) async throws -> AuditEntry {
        let entry = try await AuditLog.append(
            on: db, key: key, at: at, actor: actor, action: action, objectType: objectType,
            objectID: objectID, projectID: projectID, content: content)
        lock.withLock { last = entry }
        return entry
    }
}
