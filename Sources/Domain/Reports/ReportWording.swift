import Foundation

/// The sentences a drafted report writes in the customer's language: the summary and the health reason. They live
/// in Domain (not the page catalogue) because they become part of the published snapshot, drafted without a request.
public enum ReportWording {
    public static func reason(_ reason: HealthReason, _ language: Language) -> String {
        switch (reason, language) {
        case (.milestoneVeryLate(let name, let days), .en): "The milestone “\(name)” is forecast \(days) working days late."
        case (.milestoneVeryLate(let name, let days), .zhHans): "里程碑「\(name)」预计延迟 \(days) 个工作日。"
        case (.deliverableWaiting(let name, let days), .en): "The deliverable “\(name)” has waited \(days) days for your review."
        case (.deliverableWaiting(let name, let days), .zhHans): "交付物「\(name)」已等待您验收 \(days) 天。"
        case (.milestoneLate(let name, let days), .en): "The milestone “\(name)” is forecast \(days) working days late."
        case (.milestoneLate(let name, let days), .zhHans): "里程碑「\(name)」预计延迟 \(days) 个工作日。"
        case (.milestoneSlipped(let name, let days), .en): "The milestone “\(name)” moved \(days) working days against the baseline."
        case (.milestoneSlipped(let name, let days), .zhHans): "里程碑「\(name)」比基线推迟了 \(days) 个工作日。"
        case (.onPlan, .en): "Everything is on plan."
        case (.onPlan, .zhHans): "一切按计划进行。"
        }
    }

    /// One sentence: the period, how much was done, is under way and starts next, and the next milestone.
    public static func summary(
        period: ClosedRange<LocalDate>, done: Int, inProgress: Int, next: Int, nextMilestone: ReportMilestone?, _ language: Language
    ) -> String {
        let from = period.lowerBound.description
        let to = period.upperBound.description
        switch language {
        case .en:
            var text = "From \(from) to \(to): \(count(done, "item")) done, \(inProgress) in progress, \(next) starting next."
            if let milestone = nextMilestone {
                let state = milestone.late ? "forecast \(milestone.forecastDate ?? milestone.dueDate)" : "on track"
                text += " Next milestone: “\(milestone.name)”, due \(milestone.dueDate) (\(state))."
            }
            return text
        case .zhHans:
            var text = "\(from) 至 \(to)：完成 \(done) 项，进行中 \(inProgress) 项，即将开始 \(next) 项。"
            if let milestone = nextMilestone {
                let state = milestone.late ? "预计 \(milestone.forecastDate ?? milestone.dueDate)" : "按计划"
                text += "下一个里程碑：「\(milestone.name)」，截止 \(milestone.dueDate)（\(state)）。"
            }
            return text
        }
    }

    private static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
