import Foundation
import Vapor

/// Writes JSON straight into bytes, for the answers that carry hundreds of objects: Foundation's
/// `JSONEncoder` spent a quarter of a 100-item work-item list's time building and walking its tree.
/// Types that use it keep their `Encodable` conformance; a test checks both give the same JSON.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var needsComma = false

    init(capacity: Int = 4_096) { bytes.reserveCapacity(capacity) }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func array<S: Sequence>(_ key: String, _ elements: S, _ element: (inout JSONWriter, S.Element) -> Void) {
        self.key(key)
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for value in elements { element(&self, value) }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    mutating func field(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        string(value)
    }

    mutating func field(_ key: String, _ value: UUID?) { field(key, value?.uuidString) }

    mutating func field(_ key: String, _ value: Bool) { raw(key, value ? "true" : "false") }

    mutating func field(_ key: String, _ value: Int) { raw(key, String(value)) }

    mutating func field(_ key: String, _ value: Double?) {
        guard let value, value.isFinite else { return }
        raw(key, value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value))
    }

    /// An explicit `null` (for keys such as `nextCursor` that are always present).
    mutating func nullableField(_ key: String, _ value: String?) {
        if let value { field(key, value) } else { raw(key, "null") }
    }

    mutating func value(_ text: String) {
        separate()
        string(text)
        needsComma = true
    }

    private mutating func raw(_ key: String, _ literal: String) {
        self.key(key)
        bytes.append(contentsOf: literal.utf8)
        needsComma = true
    }

    private mutating func key(_ key: String) {
        separate()
        string(key)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings (ids, dates, plain titles) need no escaping: copy them in one go.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\""))
            needsComma = true
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20: bytes.append(contentsOf: Array(String(format: "\\u%04x", byte).utf8))
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    func response(status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(buffer: ByteBuffer(bytes: bytes)))
    }
}

extension WorkItemResponse {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("id", id)
            json.field("projectId", projectId)
            json.field("title", title)
            json.field("startDate", startDate)
            json.field("dueDate", dueDate)
            json.field("estimateHours", estimateHours)
            json.field("assigneeId", assigneeId)
            json.field("milestoneId", milestoneId)
            json.array("dependsOn", dependsOn) { json, id in json.value(id.uuidString) }
            json.array("dependencyLags", dependencyLags) { json, lag in
                json.object { json in
                    json.field("id", lag.id)
                    json.field("lagDays", lag.lagDays)
                }
            }
            json.field("visibleToCustomer", visibleToCustomer)
            json.field("isKey", isKey)
            json.field("progress", progress)
            json.field("status", status)
        }
    }

    /// `{"items": [...], "nextCursor": …}` written directly.
    static func list(_ items: [WorkItemResponse], nextCursor: String?) -> JSONWriter {
        var json = JSONWriter(capacity: 400 * items.count + 64)
        json.object { json in
            json.array("items", items) { json, item in item.write(to: &json) }
            json.nullableField("nextCursor", nextCursor)
        }
        return json
    }
}
