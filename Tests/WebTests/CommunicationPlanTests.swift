import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// The communication plan: agreed by the team (API and page), read by the project's contacts, refused field by field.
@Suite struct CommunicationPlanTests {
    /// The plan's JSON, changed by `change`.
    static func body(_ change: (inout [String: Any]) -> Void = { _ in }) -> String {
        var plan = base
        change(&plan)
        return String(decoding: try! JSONSerialization.data(withJSONObject: plan), as: UTF8.self)
    }

    nonisolated(unsafe) static let base: [String: Any] = [
        "reportCadence": ["every": "week", "weekday": 5, "time": "17:00"],
        "meetingCadence": ["every": "2weeks", "weekday": 2, "time": "10:30", "durationMinutes": 45, "videoLink": "https://meet.example.com/abc"],
        "responseTargetHours": 8,
        "channels": [["topic": "report", "via": ["email", "wecom", "email"]], ["topic": "urgent", "via": ["phone"]]],
    ]

    @Test func theTeamAgreesThePlanAndTheProjectsContactsReadIt() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let path = "/api/v1/projects/\(world.projectA)/communication-plan"
            let none = try await world.client.json(.GET, "/api/v1/projects/\(world.projectB)/communication-plan", token: world.ownerToken)
            #expect(none.status == .notFound, "no plan agreed for project B")

            let saved = try await world.client.json(.PUT, path, token: try await world.token(.member), raw: Self.body())
            #expect(saved.status == .ok, "\(saved.body)")
            let report = try #require(saved.json["reportCadence"] as? [String: any Sendable])
            #expect(report["time"] as? String == "17:00")
            #expect(report["nextAt"] as? String != nil)
            let meeting = try #require(saved.json["meetingCadence"] as? [String: any Sendable])
            #expect(meeting["durationMinutes"] as? Int == 45)
            let channels = try #require(saved.json["channels"] as? [[String: any Sendable]])
            #expect(channels.first?["via"] as? [String] == ["email", "wecom"], "a channel named twice is kept once")
            #expect(saved.json["adherence"] != nil)

            let read = try await world.client.json(.GET, path, token: try await world.token(.viewerA))
            #expect(read.status == .ok)
            #expect(read.json["responseTargetHours"] as? Int == 8)
            #expect(try await world.client.json(.GET, path, token: try await world.token(.contactB)).status == .notFound)
            #expect(try await world.client.json(.PUT, path, token: try await world.token(.approverA), raw: Self.body()).status == .forbidden)
        }
    }

    @Test func aSecondSaveReplacesThePlanButKeepsWhenItWasAgreed() async throws {
        try await withTestApp { app, clock in
            let world = try await World.make(app)
            let path = "/api/v1/projects/\(world.projectA)/communication-plan"
            let first = try await world.client.json(.PUT, path, token: world.ownerToken, raw: Self.body())
            clock.advance(by: 3600)
            let changed = Self.body {
                $0["meetingCadence"] = nil
                $0["responseTargetHours"] = 48
            }
            let second = try await world.client.json(.PUT, path, token: world.ownerToken, raw: changed)
            #expect(second.status == .ok)
            #expect(second.json["meetingCadence"] == nil || second.json["meetingCadence"] is NSNull)
            #expect(second.json["agreedAt"] as? String == first.json["agreedAt"] as? String)
            #expect(second.json["updatedAt"] as? String != first.json["updatedAt"] as? String)
            #expect(try await CommunicationPlanRecord.query(on: app.db).filter(\.$projectID == world.projectA).count() == 1)
        }
    }

    @Test func eachWrongFieldIsNamedAndNothingIsSaved() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let path = "/api/v1/projects/\(world.projectB)/communication-plan"
            func with(_ change: (inout [String: Any]) -> Void) -> String { Self.body(change) }
            let cases: [(String, String)] = [
                ("reportCadence.time", with { $0["reportCadence"] = ["every": "week", "weekday": 5, "time": "25:00"] }),
                ("reportCadence.weekday", with { $0["reportCadence"] = ["every": "week", "weekday": 8, "time": "17:00"] }),
                ("reportCadence.every", with { $0["reportCadence"] = ["every": "daily", "weekday": 1, "time": "17:00"] }),
                (
                    "meetingCadence.durationMinutes",
                    with { $0["meetingCadence"] = ["every": "week", "weekday": 1, "time": "09:00", "durationMinutes": 2] }
                ),
                (
                    "meetingCadence.videoLink",
                    with { $0["meetingCadence"] = ["every": "week", "weekday": 1, "time": "09:00", "videoLink": "javascript:alert(1)"] }
                ),
                ("responseTargetHours", with { $0["responseTargetHours"] = 0 }),
                ("channels[1].topic", with { $0["channels"] = [["topic": "report", "via": ["email"]], ["topic": "report", "via": ["phone"]]] }),
                ("channels[0].via[1]", with { $0["channels"] = [["topic": "report", "via": ["email", "pigeon"]]] }),
                ("channels[0].via", with { $0["channels"] = [["topic": "general", "via": [String]()]] }),
            ]
            for (field, body) in cases {
                let reply = try await world.client.json(.PUT, path, token: world.ownerToken, raw: body)
                #expect(reply.status == .badRequest, "\(field): \(reply.body)")
                #expect(reply.errorField == field, "\(reply.body)")
            }
            #expect(try await CommunicationPlanStore.find(projectID: world.projectB, on: app.db) == nil)
        }
    }

    @Test func thePageSavesThePlanAndARefusedFormKeepsWhatWasTyped() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let session = try #require(try await world.session(.member))
            let cookies = ["tandem_session": session.token]
            let page = try await world.client.page(.GET, "/projects/\(world.projectB)/communication", cookies: cookies)
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"plan-none\""))
            var form = [
                "_csrf": session.csrf, "reportCadence.every": "2weeks", "reportCadence.weekday": "3", "reportCadence.time": "9:00",
                "responseTargetHours": "12", "channels.report": "dingtalk",
            ]
            let refused = try await world.client.page(.POST, "/projects/\(world.projectB)/communication", cookies: cookies, form: form)
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("value=\"9:00\""), "the typed time is kept")
            #expect(RefusedForms.message(after: "communication-plan-reportCadence.time", in: refused.body) != nil)
            #expect(try await CommunicationPlanStore.find(projectID: world.projectB, on: app.db) == nil)

            form["reportCadence.time"] = "09:00"
            let saved = try await world.client.page(.POST, "/projects/\(world.projectB)/communication", cookies: cookies, form: form)
            #expect(saved.status == .seeOther)
            let stored = try #require(try await CommunicationPlanStore.find(projectID: world.projectB, on: app.db))
            #expect(stored.plan.reportCadence == Cadence(every: .twoWeeks, weekday: 3, hour: 9, minute: 0))
            #expect(stored.plan.meetings == nil)
            #expect(stored.plan.channels(for: .report) == [.dingtalk])
            #expect(stored.plan.channels(for: .urgent) == [.email], "a topic left unticked goes by e-mail")
            let after = try await world.client.page(.GET, "/projects/\(world.projectB)/communication", cookies: cookies)
            #expect(after.body.contains("id=\"adherence\""))
        }
    }

    @Test func thePortalShowsThePlanInTheContactsLanguage() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            _ = try await world.client.json(.PUT, "/api/v1/projects/\(world.projectA)/communication-plan", token: world.ownerToken, raw: Self.body())
            let session = try #require(try await world.session(.viewerA))
            let cookies = ["tandem_session": session.token]
            _ = try await world.client.page(.POST, "/settings/language", cookies: cookies, form: ["language": "zh-Hans", "_csrf": session.csrf])
            let page = try await world.client.page(.GET, "/portal/projects/\(world.projectA)/communication", cookies: cookies)
            #expect(page.status == .ok)
            #expect(page.body.contains("每周五 17:00"), "\(page.body)")
            #expect(page.body.contains("8 小时内"))
            #expect(page.body.contains("企业微信"))
            let project = try await world.client.page(.GET, "/portal/projects/\(world.projectA)", cookies: cookies)
            #expect(project.body.contains("id=\"communication-link\""))
            let other = try #require(try await world.session(.contactB))
            #expect(
                try await world.client.page(.GET, "/portal/projects/\(world.projectA)/communication", cookies: ["tandem_session": other.token]).status
                    == .notFound)
        }
    }
}
