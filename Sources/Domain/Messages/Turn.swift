import Foundation

/// One turn of the conversation between the team and the customer, whatever carried it (a message, a report's
/// feedback, a confirmed minute): the input of `ResponseTimes`.
public struct Turn: Equatable, Sendable {
    public enum Side: String, Sendable { case team, customer }

    public var side: Side
    public var at: Date
    /// The turn waits for the other side: a customer's question, or a team turn that awaits the customer.
    public var asks: Bool
    /// The turn answers what the other side was waiting for.
    public var answers: Bool
    /// Who took the turn, for "who asked" (a contact's or member's name).
    public var by: String
    /// Where the turn comes from, e.g. `message:<id>` or `report-question:<id>`, for links and tests.
    public var source: String

    public init(side: Side, at: Date, asks: Bool, answers: Bool, by: String, source: String) {
        self.side = side
        self.at = at
        self.asks = asks
        self.answers = answers
        self.by = by
        self.source = source
    }
}

/// A project's message as the response-time figures need it.
public struct MessageFact: Equatable, Sendable {
    public var id: UUID
    public var at: Date
    public var fromCustomer: Bool
    public var customerVisible: Bool
    public var authorName: String

    public init(id: UUID, at: Date, fromCustomer: Bool, customerVisible: Bool, authorName: String) {
        self.id = id
        self.at = at
        self.fromCustomer = fromCustomer
        self.customerVisible = customerVisible
        self.authorName = authorName
    }
}

extension Turn {
    /// The turns a thread's messages make, oldest first. A contact's message asks (the clock starts for the team)
    /// and answers (it stops any clock running for the customer). A customer-visible team message answers; it
    /// awaits the customer only when it opens a conversation, i.e. no customer turn was waiting for the team when it
    /// was posted: an answer such as "done, thanks" must not start a clock the customer never meant to stop.
    /// Internal messages are not turns: the customer never saw them.
    public static func turns(fromMessages messages: [MessageFact]) -> [Turn] {
        var waitingForTeam = false
        return messages.sorted { ($0.at, $0.id.uuidString) < ($1.at, $1.id.uuidString) }.compactMap { message in
            if message.fromCustomer {
                waitingForTeam = true
                return Turn(side: .customer, at: message.at, asks: true, answers: true, by: message.authorName, source: "message:\(message.id)")
            }
            guard message.customerVisible else { return nil }
            defer { waitingForTeam = false }
            return Turn(
                side: .team, at: message.at, asks: !waitingForTeam, answers: true, by: message.authorName, source: "message:\(message.id)")
        }
    }
}
