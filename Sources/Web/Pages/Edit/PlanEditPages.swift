import Domain
import Foundation
import Persistence
import Vapor

/// Editing and removing milestones and deliverables, and removing work items.
struct MilestoneEditModel {
    var milestoneID: UUID
    var projectID: UUID
    var name: String
    var values: FormValues

    static func load(_ req: Request) async throws -> (MilestoneEditModel, MilestoneRecord) {
        let milestone = try await req.authorizedMilestone()
        var values = FormValues()
        values.set("name", milestone.name)
        values.set("dueDate", milestone.dueDate)
        values.set("description", milestone.details)
        values.set("visibleToCustomer", milestone.visibleToCustomer)
        let model = MilestoneEditModel(milestoneID: try milestone.requireID(), projectID: milestone.projectID, name: milestone.name, values: values)
        return (model, milestone)
    }
}

struct DeliverableEditModel {
    var deliverableID: UUID
    var projectID: UUID
    var name: String
    var values: FormValues

    static func load(_ req: Request) async throws -> (DeliverableEditModel, DeliverableRecord) {
        let (deliverable, _) = try await req.authorizedDeliverable()
        var values = FormValues()
        values.set("name", deliverable.name)
        values.set("acceptanceCriteria", deliverable.acceptanceCriteria)
        let model = DeliverableEditModel(
            deliverableID: try deliverable.requireID(), projectID: deliverable.projectID, name: deliverable.name, values: values)
        return (model, deliverable)
    }
}

enum PlanEditView {
    static func milestone(_ c: PageContext, _ model: MilestoneEditModel, values: FormValues, problem: FormProblem?) -> HTML {
        let fields = [
            FormField(name: "name", label: c.t("field.name"), kind: .text(maxLength: 200), required: true),
            FormField(name: "dueDate", label: c.t("field.dueDate"), kind: .date, required: true),
            FormField(name: "description", label: c.t("field.description"), kind: .textarea(rows: 2)),
            FormField(name: "visibleToCustomer", label: c.t("visibility.showCustomer"), kind: .checkbox),
        ]
        let back = "\(PagePath.project(model.projectID))#milestones"
        return """
            <section class="card narrow"><h1>\(c.t("milestones.edit"))</h1><p class="muted"><a href="\(url: back)">\(model.name)</a></p>
            \(EditForm.render(c, action: "\(PagePath.milestoneEdit(model.milestoneID))", id: "edit-milestone", fields: fields, values: values, problem: problem, submit: c.t("work.saveChanges"), cancel: back))
            <p><a class="danger" id="remove-milestone-link" href="\(PagePath.milestoneRemove(model.milestoneID))">\(c.t("milestones.remove"))</a></p></section>
            """
    }

    static func deliverable(_ c: PageContext, _ model: DeliverableEditModel, values: FormValues, problem: FormProblem?) -> HTML {
        let fields = [
            FormField(name: "name", label: c.t("field.name"), kind: .text(maxLength: 200), required: true),
            FormField(name: "acceptanceCriteria", label: c.t("deliverable.criteria"), kind: .textarea(rows: 3)),
        ]
        let back = "\(PagePath.project(model.projectID))#milestones"
        return """
            <section class="card narrow"><h1>\(c.t("deliverable.edit"))</h1><p class="muted"><a href="\(url: back)">\(model.name)</a></p>
            \(EditForm.render(c, action: "\(PagePath.deliverableEdit(model.deliverableID))", id: "edit-deliverable", fields: fields, values: values, problem: problem, submit: c.t("work.saveChanges"), cancel: back))
            <p><a class="danger" id="remove-deliverable-link" href="\(PagePath.deliverableRemove(model.deliverableID))">\(c.t("deliverable.remove"))</a></p></section>
            """
    }
}

extension CorrectionPages {
    @Sendable func editMilestone(req: Request) async throws -> Response {
        let (model, _) = try await MilestoneEditModel.load(req)
        return try await EditPage.show(req, title: model.name) { PlanEditView.milestone($0, model, values: model.values, problem: nil) }
    }

    @Sendable func updateMilestone(req: Request) async throws -> Response {
        let (model, milestone) = try await MilestoneEditModel.load(req)
        return try await EditPage.submit(
            req, title: model.name, form: { PlanEditView.milestone($0, model, values: $1, problem: $2) },
            save: { values in
                let input = UpdateMilestoneRequest(
                    name: values.trimmed("name"), dueDate: values.trimmed("dueDate"), description: values["description"],
                    visibleToCustomer: values.checkbox("visibleToCustomer"), confirm: values["confirm"] == "true")
                _ = try await MilestoneCorrections.update(milestone, with: input, clearing: [], in: req.context)
                return "\(PagePath.project(model.projectID))#milestones"
            })
    }

    @Sendable func removeMilestoneForm(req: Request) async throws -> Response {
        let (model, _) = try await MilestoneEditModel.load(req)
        return try await EditPage.show(req, title: model.name) { c in
            EditForm.removal(
                c, title: c.t("milestones.remove"), question: c.t("milestones.removeQuestion", model.name),
                action: "\(PagePath.milestoneRemove(model.milestoneID))", id: "remove-milestone",
                cancel: "\(PagePath.project(model.projectID))#milestones", problem: nil)
        }
    }

    @Sendable func removeMilestone(req: Request) async throws -> Response {
        let (model, milestone) = try await MilestoneEditModel.load(req)
        return try await removal(
            req, title: model.name, question: { $0.t("milestones.removeQuestion", model.name) },
            action: "\(PagePath.milestoneRemove(model.milestoneID))", id: "remove-milestone",
            back: "\(PagePath.project(model.projectID))#milestones", remove: { try await MilestoneCorrections.remove(milestone, in: req.context) })
    }

    @Sendable func editDeliverable(req: Request) async throws -> Response {
        let (model, _) = try await DeliverableEditModel.load(req)
        return try await EditPage.show(req, title: model.name) { PlanEditView.deliverable($0, model, values: model.values, problem: nil) }
    }

    @Sendable func updateDeliverable(req: Request) async throws -> Response {
        let (model, deliverable) = try await DeliverableEditModel.load(req)
        return try await EditPage.submit(
            req, title: model.name, form: { PlanEditView.deliverable($0, model, values: $1, problem: $2) },
            save: { values in
                let input = UpdateDeliverableRequest(name: values.trimmed("name"), acceptanceCriteria: values["acceptanceCriteria"])
                _ = try await MilestoneCorrections.updateDeliverable(deliverable, with: input, clearing: [], in: req.context)
                return "\(PagePath.project(model.projectID))#milestones"
            })
    }

    @Sendable func removeDeliverableForm(req: Request) async throws -> Response {
        let (model, _) = try await DeliverableEditModel.load(req)
        return try await EditPage.show(req, title: model.name) { c in
            EditForm.removal(
                c, title: c.t("deliverable.remove"), question: c.t("deliverable.removeQuestion", model.name),
                action: "\(PagePath.deliverableRemove(model.deliverableID))", id: "remove-deliverable",
                cancel: "\(PagePath.project(model.projectID))#milestones", problem: nil)
        }
    }

    @Sendable func removeDeliverable(req: Request) async throws -> Response {
        let (model, deliverable) = try await DeliverableEditModel.load(req)
        return try await removal(
            req, title: model.name, question: { $0.t("deliverable.removeQuestion", model.name) },
            action: "\(PagePath.deliverableRemove(model.deliverableID))", id: "remove-deliverable",
            back: "\(PagePath.project(model.projectID))#milestones",
            remove: { try await MilestoneCorrections.removeDeliverable(deliverable, in: req.context) })
    }

    @Sendable func removeWorkItemForm(req: Request) async throws -> Response {
        let item = try await req.authorizedWorkItem()
        let id = try item.requireID()
        return try await EditPage.show(req, title: item.title) { c in
            EditForm.removal(
                c, title: c.t("work.remove"), question: c.t("work.removeQuestion", item.title),
                action: "\(PagePath.workItemRemove(id))", id: "remove-work-item", cancel: "\(PagePath.workItemEdit(id))", problem: nil)
        }
    }

    @Sendable func removeWorkItem(req: Request) async throws -> Response {
        let item = try await req.authorizedWorkItem()
        let id = try item.requireID()
        return try await removal(
            req, title: item.title, question: { $0.t("work.removeQuestion", item.title) },
            action: "\(PagePath.workItemRemove(id))", id: "remove-work-item", back: "\(PagePath.project(item.projectID))#work",
            remove: { try await WorkItemActions.remove(item, in: req.context) })
    }

    /// Runs a removal and goes `back`; a refused one shows the confirm step again with the reason (409).
    private func removal(
        _ req: Request, title: String, question: (PageContext) -> String, action: String, id: String, back: String,
        remove: () async throws -> Void
    ) async throws -> Response {
        do {
            try await remove()
            return Layout.redirect(back)
        } catch {
            let c = try await PageContext.make(req)
            guard let problem = FormProblem(error, c) else { throw error }
            return Layout.page(
                c, title: title, status: problem.status,
                EditForm.removal(c, title: title, question: question(c), action: action, id: id, cancel: back, problem: problem))
        }
    }
}
