import Foundation
import Testing
@testable import Domain

@Suite("Meeting agenda drafting")
struct MeetingAgendaTests {
    let projectID = UUID()
    let today = LocalDate("2026-12-10")!

    func scope(_ number: Int, _ status: ScopeStatus) -> ScopeVersion {
        ScopeVersion(
            id: UUID(), projectID: projectID, number: number, goals: ["Launch"], inScope: ["Shop"], outOfScope: [], notes: nil, status: status,
            createdAt: Date(timeIntervalSince1970: 0))
    }

    func milestone(_ name: String, visible: Bool) -> Milestone {
        Milestone(id: UUID(), projectID: projectID, name: name, description: nil, dueDate: LocalDate("2026-12-08")!, visibleToCustomer: visible)
    }

    func item(_ title: String, due: String, visible: Bool, status: WorkItemStatus = .doing) -> WorkItem {
        WorkItem(
            id: UUID(), projectID: projectID, title: title, startDate: LocalDate("2026-12-01")!, dueDate: LocalDate(due)!,
            visibleToCustomer: visible, status: status)
    }

    func action(_ title: String, owner: ActionOwner, open: Bool = true, visible: Bool = true) -> AgendaInput.ActionLine {
        AgendaInput.ActionLine(
            item: ActionItem(id: UUID(), meetingID: UUID(), title: title, owner: owner, dueDate: LocalDate("2026-12-12")!), isOpen: open,
            visibleToCustomer: visible)
    }

    /// A project with one open thing of every kind, each both visible and internal ("CANARY" marks the internal ones).
    var everything: AgendaInput {
        let visibleLate = milestone("Design", visible: true)
        let hiddenLate = milestone("CANARY milestone", visible: false)
        let late = MilestoneOutlook(dueDate: LocalDate("2026-12-08")!, finishes: [LocalDate("2026-12-15")!])
        return AgendaInput(
            scopeVersions: [scope(1, .superseded), scope(2, .proposed)],
            deliverables: [
                .init(name: "Mock-ups", status: .submitted, visibleToCustomer: true),
                .init(name: "CANARY deliverable", status: .submitted, visibleToCustomer: false),
                .init(name: "Logo", status: .accepted, visibleToCustomer: true),
            ],
            milestones: [.init(milestone: visibleLate, outlook: late), .init(milestone: hiddenLate, outlook: late)],
            workItems: [
                item("Checkout", due: "2026-12-05", visible: true), item("CANARY item", due: "2026-12-05", visible: false),
                item("Finished", due: "2026-12-05", visible: true, status: .done), item("Later", due: "2026-12-20", visible: true),
            ],
            questions: [.init(text: "Which payment provider?", visibleToCustomer: true), .init(text: "CANARY question", visibleToCustomer: false)],
            actionItems: [
                action("Send photos", owner: .customer), action("Closed one", owner: .team, open: false),
                action("CANARY action", owner: .team, visible: false),
            ],
            today: today)
    }

    @Test("a customer-visible meeting's agenda lists every open visible point, in English")
    func englishAgenda() {
        let agenda = AgendaDraft.draft(everything, language: .en, customerVisible: true)
        #expect(
            agenda == [
                "Sign-off of scope version 2", "Review of “Mock-ups”", "“Design” is forecast late: due 2026-12-08, now 2026-12-15",
                "“Checkout” is past its due date (2026-12-05)", "Open question: Which payment provider?",
                "Open action item (customer): “Send photos”, due 2026-12-12",
            ])
    }

    @Test("the same agenda in Chinese")
    func chineseAgenda() {
        let agenda = AgendaDraft.draft(everything, language: .zhHans, customerVisible: true)
        #expect(agenda.first == "签署范围版本 2")
        #expect(agenda.contains("验收交付物「Mock-ups」"))
        #expect(agenda.contains("里程碑「Design」预计延期：原定 2026-12-08，预计 2026-12-15"))
        #expect(agenda.contains("任务「Checkout」已过截止日期（2026-12-05）"))
        #expect(agenda.contains("待回答的问题：Which payment provider?"))
        #expect(agenda.contains("未完成的行动项（顾客）：「Send photos」，截止 2026-12-12"))
    }

    @Test("no internal object ever appears in a customer-visible meeting's agenda (canary)", arguments: Language.allCases)
    func canary(_ language: Language) {
        let agenda = AgendaDraft.draft(everything, language: language, customerVisible: true)
        #expect(!agenda.joined().contains("CANARY"))
    }

    @Test("an internal meeting's agenda names internal objects too")
    func internalMeeting() {
        let agenda = AgendaDraft.draft(everything, language: .en, customerVisible: false)
        for canary in ["CANARY milestone", "CANARY deliverable", "CANARY item", "CANARY question", "CANARY action"] {
            #expect(agenda.contains { $0.contains(canary) }, "\(canary) missing")
        }
    }

    @Test("what is not open stays off: accepted deliverables, done or future work, closed action items")
    func closedThingsStayOff() {
        let agenda = AgendaDraft.draft(everything, language: .en, customerVisible: false).joined(separator: "\n")
        for closed in ["Logo", "Finished", "Later", "Closed one", "scope version 1"] { #expect(!agenda.contains(closed), "\(closed)") }
    }

    @Test("a scope version sent back is on the agenda while it is the newest")
    func changesRequested() {
        var input = everything
        input.scopeVersions = [scope(1, .signedOff), scope(2, .changesRequested)]
        #expect(AgendaDraft.draft(input, language: .en, customerVisible: true).first == "Changes asked for in scope version 2")
    }

    @Test("long names are cut short and the agenda is bounded")
    func shortLines() {
        var input = everything
        input.deliverables = (0..<40).map { .init(name: String(repeating: "长", count: 200) + "\($0)", status: .submitted, visibleToCustomer: true) }
        let agenda = AgendaDraft.draft(input, language: .zhHans, customerVisible: true)
        #expect(agenda.count == AgendaDraft.maxLines)
        #expect(agenda.allSatisfy { $0.count <= AgendaDraft.nameLimit + 20 })
        #expect(agenda[1].contains("…"))
    }

    @Test("an empty project drafts an empty agenda")
    func emptyProject() {
        let input = AgendaInput(scopeVersions: [], deliverables: [], milestones: [], workItems: [], actionItems: [], today: today)
        #expect(AgendaDraft.draft(input, language: .en, customerVisible: true).isEmpty)
    }
}

@Suite("Meeting rules")
struct MeetingRulesTests {
    @Test(
        "RFC 3339 instants are parsed strictly",
        arguments: [
            ("2026-12-01T09:30:00Z", 1_796_117_400.0), ("2026-12-01T17:30:00+08:00", 1_796_117_400.0), ("2026-12-01T09:30:00.500Z", 1_796_117_400.5),
            ("2026-12-01t09:30:00z", 1_796_117_400.0),
        ])
    func validInstants(_ text: String, _ seconds: Double) {
        #expect(Instant.parse(text)?.timeIntervalSince1970 == seconds)
    }

    @Test(
        "impossible or loose instants are refused",
        arguments: [
            "2026-02-30T09:00:00Z", "2026-12-01T24:00:00Z", "2026-12-01T09:60:00Z", "2026-12-01T09:00:60Z", "2026-12-01 09:00:00Z",
            "2026-12-01T09:00:00", "2026-12-01", "1969-12-31T23:59:59Z", "2026-12-01T09:00:00+8:00", "2026-12-01T09:00:00.Z", "",
            "20261-12-01T09:00:00Z",
        ])
    func invalidInstants(_ text: String) {
        #expect(Instant.parse(text) == nil)
    }

    @Test("a team action item's work starts on the confirmation day, or on its due date when that is earlier")
    func workStart() {
        let day = LocalDate("2026-12-10")!
        #expect(MinutesFlow.workStart(confirmedOn: day, due: LocalDate("2026-12-20")!) == day)
        #expect(MinutesFlow.workStart(confirmedOn: day, due: LocalDate("2026-12-05")!) == LocalDate("2026-12-05")!)
    }

    @Test("confirmed minutes are frozen and confirmed once")
    func minutesFlow() {
        let minutes = Minutes(notes: "", decisions: [], actionItems: [], status: .confirmed, writtenAt: Date())
        #expect(throws: DomainError.self) { try MinutesFlow.requireEditable(minutes) }
        #expect(throws: DomainError.self) { try MinutesFlow.requireConfirmable(minutes) }
        #expect(throws: DomainError.self) { try MinutesFlow.requireConfirmable(nil) }
        var open = minutes
        open.status = .awaitingConfirmation
        #expect(throws: Never.self) { try MinutesFlow.requireConfirmable(open) }
        #expect(throws: Never.self) { try MinutesFlow.requireEditable(open) }
    }

    @Test("an action item is open once agreed and until done")
    func openness() {
        let work = UUID()
        let team = ActionItem(id: UUID(), meetingID: UUID(), title: "t", owner: .team, dueDate: LocalDate("2026-12-10")!, workItemID: work)
        var customer = ActionItem(id: UUID(), meetingID: UUID(), title: "c", owner: .customer, dueDate: LocalDate("2026-12-10")!)
        #expect(!MinutesFlow.isOpen(customer, confirmed: false, workDone: []))
        #expect(MinutesFlow.isOpen(customer, confirmed: true, workDone: []))
        customer.doneAt = Date()
        #expect(!MinutesFlow.isOpen(customer, confirmed: true, workDone: []))
        #expect(MinutesFlow.isOpen(team, confirmed: true, workDone: []))
        #expect(!MinutesFlow.isOpen(team, confirmed: true, workDone: [work]))
    }

    @Test("an internal meeting's invitation invites no contact")
    func invitationAttendees() {
        let meeting = Meeting(
            id: UUID(), projectID: UUID(), title: "Retro", startsAt: Date(timeIntervalSince1970: 1_796_117_400), durationMinutes: 30,
            videoLink: nil, agenda: ["a"], visibleToCustomer: false, createdAt: Date())
        let organizer = MeetingInvitees.Person(name: "O", email: "o@studio.test", language: .en)
        let contact = MeetingInvitees.Person(name: "王芳", email: "wang@tea.test", language: .zhHans)
        #expect(MeetingInvitees.make(meeting, projectName: "P", timeZone: "UTC", organizer: organizer, contacts: [contact]).attendees.isEmpty)
        var visible = meeting
        visible.visibleToCustomer = true
        let invitation = MeetingInvitees.make(visible, projectName: "P", timeZone: "UTC", organizer: organizer, contacts: [contact, organizer])
        #expect(invitation.attendees == [contact])
        #expect(invitation.endsAt == visible.startsAt.addingTimeInterval(1800))
    }
}

@Suite("Waiting on the customer, with meetings")
struct WaitingMeetingTests {
    @Test("minutes to confirm and open customer action items wait on the customer")
    func meetingsWait() {
        let waiting = Waiting(scopes: [.proposed], deliverables: [.submitted], minutesToConfirm: 1, actionItems: 2)
        #expect(waiting.onCustomer == 5)
        #expect(waiting.onTeam == 0)
    }
}
