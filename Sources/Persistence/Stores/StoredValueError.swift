import Domain
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

/// Reads stored text into the value it stands for, or fails naming the row.
enum StoredValue {
    static func date(_ text: String, table: String, id: UUID, column: String) throws -> LocalDate {
        guard let date = LocalDate(text) else { throw StoredValueError(table: table, id: id, column: column) }
        return date
    }

    static func known<Value: RawRepresentable>(_ raw: Value.RawValue, as type: Value.Type, table: String, id: UUID, column: String) throws -> Value {
        guard let value = Value(rawValue: raw) else { throw StoredValueError(table: table, id: id, column: column) }
        return value
    }
}
