import Fluent
import Foundation
import Persistence

extension PersonRef {
    /// The contact `id` names (who signed or decided), or nil when there is none.
    static func contact(_ id: UUID?, on db: any Database) async throws -> PersonRef? {
        guard let id, let name = try await NameLookup.contactName(id, on: db) else { return nil }
        return PersonRef(id: id, name: name)
    }
}
