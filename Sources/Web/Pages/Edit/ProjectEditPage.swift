import Domain
import Foundation
import Persistence
import Vapor

/// Editing a project: name, goals, dates, money, status and the archive.
struct ProjectEditModel {
    var projectID: UUID
    var name: String
    var values: FormValues

    static func load(_ req: Request) async throws -> (ProjectEditModel, ProjectRecord) {
        let project = try await req.authorizedProject()
        var values = FormValues()
        values.set("name", project.name)
        values.set("goals", JSONList.decode(project.goalsJSON).joined(separator: "\n"))
        values.set("startDate", project.startDate)
        values.set("timeZone", project.timeZone)
        values.set("currency", project.currency)
        values.set("budget", EditPage.budgetText(project.budgetMinor))
        values.set("status", project.status.rawValue)
        values.set("archived", project.archived)
        return (ProjectEditModel(projectID: try project.requireID(), name: project.name, values: values), project)
    }
}

enum ProjectEditView {
    static func render(_ c: PageContext, _ model: ProjectEditModel, values: FormValues, problem: FormProblem?) -> HTML {
        let statuses = ProjectStatus.allCases.map { ($0.rawValue, c.t("status.\($0.rawValue)")) }
        let fields = [
            FormField(name: "name", label: c.t("field.name"), kind: .text(maxLength: 200), required: true),
            FormField(name: "goals", label: c.t("field.goals"), kind: .textarea(rows: 3), hint: c.t("hint.onePerLine")),
            FormField(name: "startDate", label: c.t("field.startDate"), kind: .date, required: true),
            FormField(name: "timeZone", label: c.t("field.timeZone"), kind: .text(maxLength: 64), required: true),
            FormField(name: "currency", label: c.t("field.currency"), kind: .text(maxLength: 3)),
            FormField(name: "budget", label: c.t("field.budget"), kind: .decimal),
            FormField(name: "status", label: c.t("field.status"), kind: .select(statuses, blank: false), hint: c.t("project.lifecycleHint")),
            FormField(name: "archived", label: c.t("project.archived"), kind: .checkbox, hint: nil),
        ]
        let back = "\(PagePath.project(model.projectID))"
        return """
            <section class="card narrow"><h1>\(c.t("project.edit"))</h1><p class="muted"><a href="\(url: back)">\(model.name)</a></p>
            \(EditForm.render(c, action: "\(PagePath.projectEdit(model.projectID))", id: "edit-project", fields: fields, values: values, problem: problem, submit: c.t("work.saveChanges"), cancel: back))
            <p class="hint">\(c.t("project.archiveHint"))</p></section>
            """
    }
}

extension CorrectionPages {
    @Sendable func editProject(req: Request) async throws -> Response {
        let (model, _) = try await ProjectEditModel.load(req)
        return try await EditPage.show(req, title: model.name) { ProjectEditView.render($0, model, values: model.values, problem: nil) }
    }

    @Sendable func updateProject(req: Request) async throws -> Response {
        let (model, project) = try await ProjectEditModel.load(req)
        return try await EditPage.submit(
            req, title: model.name, form: { ProjectEditView.render($0, model, values: $1, problem: $2) },
            save: { values in
                var update = UpdateProjectRequest()
                update.name = values.trimmed("name")
                if values["goals"] != nil { update.goals = FormInput.lines(values["goals"]) }
                update.startDate = values.trimmed("startDate")
                update.timeZone = values.trimmed("timeZone")
                update.currency = values.trimmed("currency")
                update.budgetMinor = try EditPage.budgetMinor(values["budget"])
                update.status = try values.trimmed("status").map {
                    guard let status = ProjectStatus(rawValue: $0) else {
                        throw DomainError.validation(field: "status", rule: .notAllowed)
                    }
                    return status
                }
                update.archived = values.checkbox("archived")
                let clearing: Set<String> = values["budget"] != nil && update.budgetMinor == nil ? ["budgetMinor"] : []
                _ = try await ProjectActions.update(project, with: update, clearing: clearing, in: req.context)
                return "\(PagePath.project(model.projectID))"
            })
    }
}
