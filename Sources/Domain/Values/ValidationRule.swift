/// Which rule a piece of input broke, with the numbers or names it needs. The API answers `message` (English,
/// naming fields by their code names, exactly as clients have always read it); pages look up `key` with
/// `arguments` in the catalogue, so each language has its own plain sentence. Add a case here (and both
/// texts to `scripts/catalogue.py`) for a new rule; `unlisted` is only for messages nobody has keyed yet.
public enum ValidationRule: Equatable, Sendable {
    case empty
    case maxLength(Int)
    case minLength(Int)
    case oneLine
    case controlCharacters
    case email
    case date
    /// The due date is before the start date (named on the due date's field).
    case dueBeforeStart
    case timeZone
    case currency
    /// Outside `lower...upper` (already written as text, so doubles and integers read alike).
    case range(lower: String, upper: String)
    /// Outside `lower...upper` and not a whole number (query parameters such as `limit`).
    case wholeNumber(lower: Int, upper: Int)
    case link
    /// Too many values; `unit` is the English plural the API names ("entries", "dates", "dependencies").
    case tooMany(Int, unit: String)
    case scopeEmpty
    case returnNeedsComment
    case formExpired
    case contactEmailTaken
    case memberEmailTaken
    case notProjectItems
    case notMilestone
    case notMember
    case notCustomer
    case notContact
    case number
    case amount
    case unreadable
    /// A date listed as both working and non-working.
    case nonWorkingClash(String)
    case lagNeedsDependency
    case zoom
    case baseline
    case jsonObject
    case json
    case cursor
    case required
    case notAllowed
    case invalid
    case unschedulable
    /// An upload that is not multipart/form-data with a `file` field (`detail` is the API's English sentence).
    case fileForm(String)
    case fileChoose
    case scopeChangesComment
    case fileEmpty
    case wrongCurrentPassword
    /// A webhook URL that is not https (or http where private addresses are allowed) with a host.
    case webhookURL
    /// A webhook URL whose host is or resolves to a loopback, private or link-local address.
    case privateAddress
    /// A report period that ends before it starts (named on `periodEnd`).
    case beforePeriodStart
    /// Not a strict RFC 3339 instant (`2026-12-01T09:00:00Z`, `…+08:00`).
    case instant
    /// A value of the wrong kind; `kind` is the English description ("a string", "a whole number").
    case type(String, null: Bool)
    case timeOfDay
    /// A message without a key yet: the API says it as is, pages show the generic "is not valid".
    case unlisted(String)

    /// The English sentence the API answers after the field name.
    public var message: String {
        switch self {
        case .empty: "must not be empty"
        case .maxLength(let max): "must be at most \(max) characters"
        case .minLength(let min): "must be at least \(min) characters"
        case .oneLine: "must be one line"
        case .controlCharacters: "must not contain control characters"
        case .email: "must be an e-mail address"
        case .date: "must be a real date YYYY-MM-DD between 1970 and 9999"
        case .dueBeforeStart: "must not be before startDate"
        case .timeZone: "must be an IANA time zone such as Asia/Shanghai"
        case .currency: "must be a three-letter ISO 4217 code"
        case .range(let lower, let upper): "must be between \(lower) and \(upper)"
        case .wholeNumber(let lower, let upper): "must be a whole number from \(lower) to \(upper)"
        case .link: "must be an http or https link"
        case .tooMany(let count, let unit): "at most \(count) \(unit)"
        case .scopeEmpty: "write down at least one goal or in-scope item"
        case .returnNeedsComment: "say what needs to change when returning a deliverable"
        case .formExpired: "the form expired; reload the page and try again"
        case .contactEmailTaken: "is already the address of a contact"
        case .memberEmailTaken: "is already a member"
        case .notProjectItems: "must name work items of this project"
        case .notMilestone: "is not a milestone of this project"
        case .notMember: "is not a member of this workspace"
        case .notCustomer: "is not a customer of this workspace"
        case .notContact: "is not a contact of this project's customer"
        case .number: "must be a number"
        case .amount: "must be an amount such as 12000 or 12000.50"
        case .unreadable: "could not be read"
        case .nonWorkingClash(let dates): "lists \(dates), which is also a non-working date"
        case .lagNeedsDependency: "must also be listed in dependsOn"
        case .zoom: "must be day, week or month"
        case .baseline: "must be a baseline id"
        case .jsonObject: "must be a JSON object"
        case .json: "must be valid JSON"
        case .cursor: "is not a cursor this API gave out"
        case .required: "is required"
        case .notAllowed: "is not an allowed value"
        case .invalid: "is invalid"
        case .unschedulable: "the plan cannot be scheduled"
        case .type(let kind, let null): null ? "must be \(kind), not null" : "must be \(kind)"
        case .fileForm(let detail): detail
        case .fileChoose: "choose a file to upload"
        case .scopeChangesComment: "say what should change in this scope version"
        case .fileEmpty: "the file is empty"
        case .wrongCurrentPassword: "is not your current password"
        case .timeOfDay: "must be a time of day HH:MM from 00:00 to 23:59"
        case .webhookURL: "must be an https URL with a host"
        case .privateAddress: "must not lead to a loopback, private or link-local address"
        case .beforePeriodStart: "must not be before periodStart"
        case .instant: "must be an RFC 3339 instant such as 2026-12-01T09:00:00Z"
        case .unlisted(let message): message
        }
    }

    /// The catalogue key of the page text (`validation.*`).
    public var key: String {
        switch self {
        case .empty: "validation.empty"
        case .maxLength: "validation.maxLength"
        case .minLength: "validation.minLength"
        case .oneLine: "validation.oneLine"
        case .controlCharacters: "validation.control"
        case .email: "validation.email"
        case .date: "validation.date"
        case .dueBeforeStart: "validation.dueBeforeStart"
        case .timeZone: "validation.timeZone"
        case .currency: "validation.currency"
        case .range, .wholeNumber: "validation.range"
        case .link: "validation.link"
        case .tooMany: "validation.atMost"
        case .scopeEmpty: "validation.scopeEmpty"
        case .returnNeedsComment: "validation.returnComment"
        case .formExpired: "validation.formExpired"
        case .contactEmailTaken: "validation.contactEmailTaken"
        case .memberEmailTaken: "validation.memberEmailTaken"
        case .notProjectItems: "validation.notProjectItems"
        case .notMilestone: "validation.notMilestone"
        case .notMember: "validation.notMember"
        case .notCustomer: "validation.notCustomer"
        case .notContact: "validation.notContact"
        case .number: "validation.number"
        case .amount: "validation.amount"
        case .unreadable: "validation.unreadable"
        case .nonWorkingClash: "validation.nonWorkingClash"
        case .lagNeedsDependency: "validation.lagNeedsDependency"
        case .zoom: "validation.zoom"
        case .baseline: "validation.baseline"
        case .jsonObject, .json: "validation.json"
        case .cursor: "validation.cursor"
        case .required: "validation.required"
        case .notAllowed, .invalid, .unlisted: "validation.invalid"
        case .unschedulable: "validation.unschedulable"
        case .type: "validation.type"
        case .fileForm: "validation.fileForm"
        case .fileChoose: "validation.fileChoose"
        case .scopeChangesComment: "validation.scopeChangesComment"
        case .fileEmpty: "validation.fileEmpty"
        case .wrongCurrentPassword: "validation.wrongCurrentPassword"
        case .timeOfDay: "validation.timeOfDay"
        case .webhookURL: "validation.webhookURL"
        case .privateAddress: "validation.privateAddress"
        case .beforePeriodStart: "validation.beforePeriodStart"
        case .instant: "validation.instant"
        }
    }

    /// The values the catalogue text puts in its `{0}`, `{1}` slots.
    public var arguments: [String] {
        switch self {
        case .maxLength(let n), .minLength(let n), .tooMany(let n, _): [String(n)]
        case .range(let lower, let upper): [lower, upper]
        case .wholeNumber(let lower, let upper): [String(lower), String(upper)]
        case .nonWorkingClash(let dates): [dates]
        default: []
        }
    }

    /// The page text is a sentence of its own that needs no field label in front of it.
    public var standsAlone: Bool {
        switch self {
        case .dueBeforeStart, .scopeEmpty, .returnNeedsComment, .formExpired, .unschedulable, .fileForm, .fileChoose, .fileEmpty,
            .wrongCurrentPassword, .scopeChangesComment:
            true
        default: false
        }
    }
}
