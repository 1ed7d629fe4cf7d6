import Domain
import Foundation
import Persistence
import Vapor

/// The communication plan as pages: the team agrees it (and sees how well it is kept) at
/// `/projects/{id}/communication`; the customer reads it at `/portal/projects/{id}/communication`.
struct CommunicationPlanPages {
    func register(_ app: any RoutesBuilder) {
        app.endpoint(.GET, "projects", ":projectID", "communication", rule: .projectTeam, surface: .page, use: show)
        app.endpoint(.POST, "projects", ":projectID", "communication", rule: .projectTeam, surface: .page, use: save)
        app.endpoint(.GET, "portal", "projects", ":projectID", "communication", rule: .projectView, surface: .page, use: portal)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await Self.page(req, project: try await req.authorizedProject(), form: nil)
    }

    static func page(_ req: Request, project: ProjectRecord, form: FormState?) async throws -> Response {
        let c = try await PageContext.make(req)
        let model = try await CommunicationPageModel.load(project: project, in: req.context)
        return FormState.page(c, title: c.t("comms.title"), form: form, CommunicationPlanView.render(c, model, form: form))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        do {
            let values = FormState.values(ofForm: req.body.string ?? "")
            _ = try await CommunicationPlanActions.save(
                try CommunicationPlanForm.request(values), projectID: try project.requireID(), in: req.context)
            return Layout.redirect("\(PagePath.projectCommunication(try project.requireID()))?saved=1#plan-saved")
        } catch {
            return try await Self.page(req, project: project, form: try req.refusal(of: error, form: CommunicationPlanForm.key))
        }
    }

    @Sendable func portal(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let c = try await PageContext.make(req)
        let model = try await CommunicationPageModel.load(project: project, in: req.context)
        return Layout.page(c, title: c.t("comms.title"), CommunicationPlanView.portal(c, model))
    }
}

struct CommunicationPageModel {
    var projectID: UUID
    var name: String
    var timeZone: String
    var stored: StoredCommunicationPlan?
    var adherence: PlanAdherence?

    static func load(project: ProjectRecord, in ctx: ActionContext) async throws -> CommunicationPageModel {
        let shown = try await CommunicationPlanActions.show(project: project, in: ctx)
        return CommunicationPageModel(
            projectID: try project.requireID(), name: project.name, timeZone: project.timeZone, stored: shown?.0, adherence: shown?.1)
    }
}

/// The plan form's fields and how its posted values become the API's request (one rule for both).
enum CommunicationPlanForm {
    static let key = "communication-plan"

    static func request(_ values: [String: [String]]) throws -> CommunicationPlanRequest {
        func text(_ name: String) -> String { values[name]?.first?.trimmingCharacters(in: .whitespaces) ?? "" }
        func number(_ name: String, _ range: ClosedRange<Int>) throws -> Int {
            guard let value = Int(text(name)) else {
                throw DomainError.validation(field: name, rule: .wholeNumber(lower: range.lowerBound, upper: range.upperBound))
            }
            return value
        }
        func cadence(_ prefix: String, meeting: Bool) throws -> CommunicationPlanRequest.CadenceInput {
            CommunicationPlanRequest.CadenceInput(
                every: text("\(prefix).every"), weekday: try number("\(prefix).weekday", 1...7), time: text("\(prefix).time"),
                durationMinutes: meeting ? try number("\(prefix).durationMinutes", CommunicationPlan.meetingMinutesRange) : nil,
                videoLink: meeting ? text("\(prefix).videoLink") : nil)
        }
        let meetings = FormInput.checked(values["meetings"]?.first)
        return CommunicationPlanRequest(
            reportCadence: try cadence("reportCadence", meeting: false),
            meetingCadence: meetings ? try cadence("meetingCadence", meeting: true) : nil,
            responseTargetHours: try number("responseTargetHours", CommunicationPlan.responseTargetRange),
            channels: CommunicationPlan.Topic.allCases.compactMap { topic in
                let via = values["channels.\(topic.rawValue)"] ?? []
                return via.isEmpty ? nil : CommunicationPlanRequest.ChannelInput(topic: topic.rawValue, via: via)
            })
    }
}
