import Foundation

/// A stored value that is not one the code knows (an unknown status, an unreadable date): a fault in the
/// data, named by its row, never silently read as some default.
public struct StoredValueError: Error, CustomStringConvertible, Sendable {
    public var table: String
    public var id: UUID
    public var column: String

    public init(table: String, id: UUID, column: String) {
        self.table = table
        self.id = id
        self.column = column
    }

    public var description: String { "\(table) row \(id.uuidString.lowercased()) holds an unknown value in \(column)" }
}
