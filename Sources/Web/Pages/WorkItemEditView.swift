import Domain
import Foundation

/// The edit form of one work item: title, dates, owner, status, progress and dependencies.
enum WorkItemEditView {
    /// `state` is a refused submit of this form, shown again with what was typed.
    static func form(_ c: PageContext, item: WorkItem, items: [WorkItem], memberNames: [UUID: String], state: FormState? = nil) -> HTML {
        let f = FormFields(c, "edit-work-item", state)
        let owners = [(value: "", label: "—")] + memberNames.sorted { $0.value < $1.value }.map { (value: $0.key.uuidString, label: $0.value) }
        let statuses = WorkItemStatus.allCases.map { (value: $0.rawValue, label: c.t("workStatus.\($0.rawValue)")) }
        let others = items.filter { $0.id != item.id }.map { (value: $0.id.uuidString, label: $0.title) }
        return """
            \(c.form(action: "\(PagePath.workItemEdit(item.id))", id: "edit-work-item", """
              \(f.input("title", label: c.t("field.title"), value: item.title, "required maxlength=\"200\""))
              <div class="row">\(f.input("startDate", label: c.t("field.startDate"), type: "date", value: item.startDate.description, "required"))
              \(f.input("dueDate", label: c.t("field.dueDate"), type: "date", value: item.dueDate.description, "required"))</div>
              <div class="row">\(f.select("assigneeId", label: c.t("field.owner"), options: owners, selected: item.assigneeID.map { [$0.uuidString] } ?? []))
              \(f.select("status", label: c.t("field.status"), options: statuses, selected: [item.status.rawValue]))
              \(f.input("progress", label: c.t("field.progress"), type: "number", value: String(item.progress), "min=\"0\" max=\"100\""))</div>
              <input type="hidden" name="dependenciesShown" value="1">
              \(f.select("dependsOn", label: c.t("field.dependsOn"), options: others, selected: item.dependsOn.map(\.uuidString), multiple: true, "size=\"8\""))
              <button type="submit">\(c.t("work.saveChanges"))</button>
            """))
            """
    }
}
