/// Every failure a rule can report; the web layer maps each case to one HTTP status, in one place.
public enum DomainError: Error, Equatable, Sendable {
    /// The object does not exist, or is hidden from whoever asked.
    case notFound
    /// The input is invalid; `field` names the offending field as the client spelled it, `rule` says what is wrong
    /// (its `message` is the API's English text, its `key` the pages' catalogue entry).
    case validation(field: String, rule: ValidationRule)
    /// The object is in a state that does not allow the action (e.g. signing off twice).
    case conflict(String)
    /// The requester knows the object but their role does not allow the action.
    case forbidden
    /// No or bad credentials.
    case unauthenticated
    /// The link or token was valid once but is used up or expired.
    case gone
    /// The input is valid but unusual enough (a date far outside the project) that the client must repeat it with
    /// `confirm: true`; `field` names what to confirm.
    case confirmationRequired(field: String, message: String)
    /// Too many attempts; retry after the given number of seconds.
    case throttled(retryAfterSeconds: Int)

    /// A validation failure whose message has no rule yet (pages show the generic text): prefer a `ValidationRule`.
    public static func validation(field: String, message: String) -> DomainError {
        .validation(field: field, rule: .unlisted(message))
    }

    /// The English message of a validation failure, as the API answers it.
    public var validationMessage: String? {
        if case .validation(_, let rule) = self { return rule.message }
        return nil
    }
}
