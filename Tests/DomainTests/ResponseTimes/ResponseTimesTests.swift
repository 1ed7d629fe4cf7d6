import Foundation
import Testing
@testable import Domain

@Suite("Response times")
struct ResponseTimesTests {
    /// Monday 2026-11-30 09:00 UTC plus `hours`.
    static func at(_ hours: Double) -> Date {
        Date(timeIntervalSince1970: 1_796_029_200 + hours * 3_600)
    }

    static func question(_ hours: Double, by: String = "Wang") -> Turn {
        Turn(side: .customer, at: at(hours), asks: true, answers: true, by: by, source: "q\(hours)")
    }

    static func teamReply(_ hours: Double, asks: Bool = false) -> Turn {
        Turn(side: .team, at: at(hours), asks: asks, answers: true, by: "Olivia", source: "r\(hours)")
    }

    @Test("the median of an odd count is the middle value, of an even count the mean of the two middle ones")
    func medians() {
        #expect(ResponseTimes.median([5, 1, 3]) == 3)
        #expect(ResponseTimes.median([4, 1, 3, 10]) == 3.5)
        #expect(ResponseTimes.median([]) == nil)
    }

    @Test("each question waits until the next team turn that answers")
    func questionAnsweredByALaterMessage() {
        // given: asked at 0, an internal-style non-answering team turn at 1, answered at 4; asked at 10, answered at 11
        let turns = [
            Self.question(0), Turn(side: .team, at: Self.at(1), asks: false, answers: false, by: "Olivia", source: "note"),
            Self.teamReply(4), Self.question(10), Self.teamReply(11),
        ]

        // when
        let figures = ResponseTimes.figures(turns, now: Self.at(20))

        // then
        #expect(figures.teamReplies.map(\.hours) == [4, 1])
        #expect(figures.teamMedianHours == 2.5)
        #expect(figures.waiting.isEmpty)
    }

    @Test("two questions answered by one reply each count their own wait")
    func twoQuestionsOneReply() {
        // given
        let turns = [Self.question(0), Self.question(2), Self.teamReply(5)]

        // when
        let figures = ResponseTimes.figures(turns.reversed(), now: Self.at(6))

        // then: 5 h and 3 h, median of an even count
        #expect(figures.teamReplies.map(\.hours) == [5, 3])
        #expect(figures.teamMedianHours == 4)
    }

    @Test("an odd count of answered questions has the middle wait as its median")
    func oddCount() {
        let turns = [Self.question(0), Self.teamReply(1), Self.question(2), Self.teamReply(8), Self.question(10), Self.teamReply(13)]
        #expect(ResponseTimes.figures(turns, now: Self.at(20)).teamMedianHours == 3)
    }

    @Test("nothing answered: no medians, every question waiting, the longest first")
    func nothingAnswered() {
        // given
        let turns = [Self.question(5, by: "Li"), Self.question(1, by: "Wang")]

        // when
        let figures = ResponseTimes.figures(turns, now: Self.at(25))

        // then
        #expect(figures.teamMedianHours == nil)
        #expect(figures.customerMedianHours == nil)
        #expect(figures.waiting.map(\.askedBy) == ["Wang", "Li"])
        #expect(figures.waiting.map(\.hours) == [24, 20])
        #expect(figures.waiting.first?.askedAt == Self.at(1))
    }

    @Test("the customer's reply time runs from a team turn that awaits them to their next turn")
    func customerReplyTime() {
        // given: the team asks at 0 and at 30; the customer answers at 6 and at 32 (and that answer also asks)
        let turns = [Self.teamReply(0, asks: true), Self.question(6), Self.teamReply(7), Self.teamReply(30, asks: true), Self.question(32)]

        // when
        let figures = ResponseTimes.figures(turns, now: Self.at(40))

        // then
        #expect(figures.customerReplies.map(\.hours) == [6, 2])
        #expect(figures.customerMedianHours == 4)
        #expect(figures.teamReplies.map(\.hours) == [1])
        #expect(figures.waiting.map(\.hours) == [8])
    }

    @Test("a turn at the same instant as a question does not answer it")
    func sameInstant() {
        let figures = ResponseTimes.figures([Self.question(3), Self.teamReply(3)], now: Self.at(4))
        #expect(figures.teamReplies.isEmpty)
        #expect(figures.waiting.count == 1)
    }

    @Test("hours are wall-clock: a question on Friday evening answered on Monday morning waits the weekend")
    func wallClock() {
        // 2026-12-04 18:00 UTC is a Friday; Monday 09:00 is 63 hours later.
        let friday = Date(timeIntervalSince1970: 1_796_407_200)
        let turns = [
            Turn(side: .customer, at: friday, asks: true, answers: true, by: "Wang", source: "q"),
            Turn(side: .team, at: friday.addingTimeInterval(63 * 3_600), asks: false, answers: true, by: "Olivia", source: "r"),
        ]
        #expect(ResponseTimes.figures(turns, now: friday).teamMedianHours == 63)
    }
}

@Suite("Turns from messages")
struct MessageTurnTests {
    static func fact(_ hours: Double, customer: Bool, visible: Bool = true) -> MessageFact {
        MessageFact(
            id: UUID(), at: ResponseTimesTests.at(hours), fromCustomer: customer, customerVisible: customer || visible,
            authorName: customer ? "Wang" : "Olivia")
    }

    @Test("a contact's message asks; an internal message is no turn; a team answer does not await the customer")
    func messagesMakeTurns() {
        // given
        let facts = [
            Self.fact(0, customer: false), Self.fact(2, customer: true), Self.fact(3, customer: false, visible: false),
            Self.fact(5, customer: false), Self.fact(9, customer: false),
        ]

        // when
        let turns = Turn.turns(fromMessages: facts.shuffled())
        let figures = ResponseTimes.figures(turns, now: ResponseTimesTests.at(10))

        // then
        #expect(turns.map(\.side) == [.team, .customer, .team, .team])
        #expect(turns.map(\.asks) == [true, true, false, true])
        #expect(figures.teamReplies.map(\.hours) == [3])
        #expect(figures.customerReplies.map(\.hours) == [2])
    }
}
