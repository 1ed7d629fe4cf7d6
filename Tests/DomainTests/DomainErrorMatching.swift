@testable import Domain

/// Small accessors so tests can ask which field a validation error names, without spelling out its message.
extension DomainError {
    var validationField: String? {
        if case .validation(let field, _) = self { return field }
        return nil
    }

    var conflictMessage: String? {
        if case .conflict(let message) = self { return message }
        return nil
    }
}

/// The `DomainError` that `body` throws, or nil when it throws nothing (or something else).
func domainError(_ body: () throws -> Void) -> DomainError? {
    do {
        try body()
        return nil
    } catch let error as DomainError {
        return error
    } catch {
        return nil
    }
}
