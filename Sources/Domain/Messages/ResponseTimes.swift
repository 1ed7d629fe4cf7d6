import Foundation

/// How quickly each side answers the other, from a timeline of `Turn`s. Hours are wall-clock hours (nights,
/// weekends and holidays count): what the customer experiences, and what a response-time target promises.
public enum ResponseTimes {
    /// One answered wait: a question (or a turn awaiting an answer) and the turn that answered it.
    public struct Reply: Equatable, Sendable {
        public var asked: Turn
        public var answeredAt: Date
        public var hours: Double
    }

    /// A customer's question that no team turn has answered yet.
    public struct Waiting: Equatable, Sendable {
        public var askedBy: String
        public var askedAt: Date
        public var hours: Double
        public var source: String
    }

    public struct Figures: Equatable, Sendable {
        /// Each customer question and the team's answer to it, in the order asked.
        public var teamReplies: [Reply]
        /// Each team turn that awaited the customer and the customer's next turn, in the order asked.
        public var customerReplies: [Reply]
        public var teamMedianHours: Double?
        public var customerMedianHours: Double?
        /// Customer questions still unanswered at `now`, longest waiting first.
        public var waiting: [Waiting]
    }

    /// The figures of `turns` (in any order) at `now`. A customer question is answered by the next team turn that
    /// answers (several questions by one reply each count their own wait); a team turn that asks is answered by the
    /// customer's next answering turn. Turns at the same instant as the question do not answer it.
    public static func figures(_ turns: [Turn], now: Date) -> Figures {
        let ordered = turns.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        let team = replies(ordered, asker: .customer)
        let customer = replies(ordered, asker: .team)
        let waiting = team.open.map { turn in
            Waiting(askedBy: turn.by, askedAt: turn.at, hours: hours(from: turn.at, to: now), source: turn.source)
        }.sorted { ($0.askedAt, $0.source) < ($1.askedAt, $1.source) }
        return Figures(
            teamReplies: team.answered, customerReplies: customer.answered, teamMedianHours: median(team.answered.map(\.hours)),
            customerMedianHours: median(customer.answered.map(\.hours)), waiting: waiting)
    }

    /// The waits of `asker`'s asking turns, answered by the other side's next answering turn.
    static func replies(_ ordered: [Turn], asker: Turn.Side) -> (answered: [Reply], open: [Turn]) {
        var answered: [Reply] = []
        var open: [Turn] = []
        for turn in ordered {
            if turn.side != asker, turn.answers {
                let stillOpen = open.filter { $0.at >= turn.at }
                for question in open where question.at < turn.at {
                    answered.append(Reply(asked: question, answeredAt: turn.at, hours: hours(from: question.at, to: turn.at)))
                }
                open = stillOpen
            }
            if turn.side == asker, turn.asks { open.append(turn) }
        }
        return (answered.sorted { $0.asked.at < $1.asked.at }, open)
    }

    static func hours(from start: Date, to end: Date) -> Double {
        max(0, end.timeIntervalSince(start)) / 3_600
    }

    /// The middle value; the mean of the two middle values for an even count; nil for none.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}
