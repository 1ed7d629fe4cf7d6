import Foundation

/// What is open on a project, as the agenda drafting reads it. The caller passes everything (internal objects
/// too, each with its visibility): the drafting itself leaves out what a customer-visible meeting must not name.
public struct AgendaInput: Sendable {
    /// A question still waiting for an answer (the feedback part fills it; empty until then).
    public struct Question: Sendable, Equatable {
        public var text: String
        public var visibleToCustomer: Bool
        public init(text: String, visibleToCustomer: Bool) {
            self.text = text
            self.visibleToCustomer = visibleToCustomer
        }
    }

    /// A deliverable with the visibility of its milestone (children inherit).
    public struct DeliverableLine: Sendable, Equatable {
        public var name: String
        public var status: DeliverableStatus
        public var visibleToCustomer: Bool
        public init(name: String, status: DeliverableStatus, visibleToCustomer: Bool) {
            self.name = name
            self.status = status
            self.visibleToCustomer = visibleToCustomer
        }
    }

    /// A milestone with its forecast from the scheduled plan (nil when the plan cannot be scheduled).
    public struct MilestoneLine: Sendable, Equatable {
        public var milestone: Milestone
        public var outlook: MilestoneOutlook?
        public init(milestone: Milestone, outlook: MilestoneOutlook?) {
            self.milestone = milestone
            self.outlook = outlook
        }
    }

    /// An action item of earlier minutes, with whether it is still open (`MinutesFlow.isOpen`) and whether its
    /// meeting is customer-visible.
    public struct ActionLine: Sendable, Equatable {
        public var item: ActionItem
        public var isOpen: Bool
        public var visibleToCustomer: Bool
        public init(item: ActionItem, isOpen: Bool, visibleToCustomer: Bool) {
            self.item = item
            self.isOpen = isOpen
            self.visibleToCustomer = visibleToCustomer
        }
    }

    public var scopeVersions: [ScopeVersion]
    public var deliverables: [DeliverableLine]
    public var milestones: [MilestoneLine]
    public var workItems: [WorkItem]
    public var questions: [Question]
    public var actionItems: [ActionLine]
    /// Today in the project's time zone: work due before it and not done is past due.
    public var today: LocalDate

    public init(
        scopeVersions: [ScopeVersion], deliverables: [DeliverableLine], milestones: [MilestoneLine], workItems: [WorkItem],
        questions: [Question] = [], actionItems: [ActionLine], today: LocalDate
    ) {
        self.scopeVersions = scopeVersions
        self.deliverables = deliverables
        self.milestones = milestones
        self.workItems = workItems
        self.questions = questions
        self.actionItems = actionItems
        self.today = today
    }
}

/// Drafts a meeting's agenda from what is open, one short line per point, in the customer's language: decisions
/// waiting (scope versions to sign or sent back, deliverables to review), slipped work (milestones forecast late,
/// work items past due), open questions and open action items of earlier meetings. A customer-visible meeting's
/// agenda names only customer-visible objects; an internal meeting's names everything.
public enum AgendaDraft {
    /// How long a line may grow; a longer name is cut with an ellipsis.
    public static let nameLimit = 60
    /// At most this many lines: an agenda is a list to get through, not an inventory.
    public static let maxLines = 20

    public static func draft(_ input: AgendaInput, language: Language, customerVisible: Bool) -> [String] {
        let t = AgendaText(language: language)
        let shown: (Bool) -> Bool = { visible in !customerVisible || visible }
        var lines: [String] = []
        for version in input.scopeVersions.sorted(by: { $0.number < $1.number }) {
            if version.status == .proposed { lines.append(t.signScope(version.number)) }
            if version.status == .changesRequested, version.number == input.scopeVersions.map(\.number).max() {
                lines.append(t.scopeChanges(version.number))
            }
        }
        for deliverable in input.deliverables where shown(deliverable.visibleToCustomer) && DeliverableFlow.waitsOnCustomer(deliverable.status) {
            lines.append(t.review(short(deliverable.name)))
        }
        for line in input.milestones.sorted(by: { $0.milestone.dueDate < $1.milestone.dueDate }) where shown(line.milestone.visibleToCustomer) {
            if let outlook = line.outlook, outlook.late, let forecast = outlook.forecastDate {
                lines.append(t.milestoneLate(short(line.milestone.name), due: line.milestone.dueDate, forecast: forecast))
            }
        }
        for item in input.workItems.sorted(by: { $0.dueDate < $1.dueDate })
        where shown(item.visibleToCustomer) && item.status != .done && item.dueDate < input.today {
            lines.append(t.pastDue(short(item.title), due: item.dueDate))
        }
        for question in input.questions where shown(question.visibleToCustomer) {
            lines.append(t.question(short(question.text)))
        }
        for line in input.actionItems.sorted(by: { $0.item.dueDate < $1.item.dueDate }) where line.isOpen && shown(line.visibleToCustomer) {
            lines.append(t.actionItem(short(line.item.title), owner: line.item.owner, due: line.item.dueDate))
        }
        return Array(lines.prefix(maxLines))
    }

    static func short(_ text: String) -> String {
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return oneLine.count <= nameLimit ? oneLine : String(oneLine.prefix(nameLimit - 1)) + "…"
    }
}

/// The agenda's phrases in both languages. They live in Domain (not the catalogue) because drafting is a pure
/// function tested without the web layer, like the chart labels.
struct AgendaText {
    var language: Language

    func signScope(_ number: Int) -> String {
        language == .zhHans ? "签署范围版本 \(number)" : "Sign-off of scope version \(number)"
    }

    func scopeChanges(_ number: Int) -> String {
        language == .zhHans ? "范围版本 \(number) 的修改意见" : "Changes asked for in scope version \(number)"
    }

    func review(_ name: String) -> String {
        language == .zhHans ? "验收交付物「\(name)」" : "Review of “\(name)”"
    }

    func milestoneLate(_ name: String, due: LocalDate, forecast: LocalDate) -> String {
        language == .zhHans
            ? "里程碑「\(name)」预计延期：原定 \(due)，预计 \(forecast)" : "“\(name)” is forecast late: due \(due), now \(forecast)"
    }

    func pastDue(_ title: String, due: LocalDate) -> String {
        language == .zhHans ? "任务「\(title)」已过截止日期（\(due)）" : "“\(title)” is past its due date (\(due))"
    }

    func question(_ text: String) -> String {
        language == .zhHans ? "待回答的问题：\(text)" : "Open question: \(text)"
    }

    func actionItem(_ title: String, owner: ActionOwner, due: LocalDate) -> String {
        switch (language, owner) {
        case (.zhHans, .team): "未完成的行动项（团队）：「\(title)」，截止 \(due)"
        case (.zhHans, .customer): "未完成的行动项（顾客）：「\(title)」，截止 \(due)"
        case (.en, .team): "Open action item (team): “\(title)”, due \(due)"
        case (.en, .customer): "Open action item (customer): “\(title)”, due \(due)"
        }
    }
}
