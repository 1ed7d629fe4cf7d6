import Foundation
@testable import Web

/// Checks a JSON answer against the response schema that `openapi.json` documents for its operation
/// and status: the small part of JSON Schema the document uses (type, required, properties, items,
/// enum, nullable, `$ref`, `allOf`, formats uuid/date/date-time). An object may carry only the
/// properties it documents, so a field added to an answer without the document is found.
public struct OpenAPIConformance: Sendable {
    let document: JSONValue

    /// The document the app serves.
    public static let shipped: OpenAPIConformance? = (try? ResourceFile.data("openapi.json"))
        .flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) }.map(OpenAPIConformance.init)

    /// What is wrong with `body` as the answer `status` to `method path`; empty when it conforms.
    public func problems(method: String, path: String, status: Int, isJSON: Bool, body: String) -> [String] {
        let bare = String(path.split(separator: "?", maxSplits: 1).first ?? "")
        guard let (template, operations) = operation(for: bare), let operation = operations[method.lowercased()]?.object else {
            return ["\(method) \(bare): no operation in openapi.json"]
        }
        let label = "\(method) \(template) → \(status)"
        guard let response = (operation["responses"]?[String(status)] ?? operation["responses"]?["default"]).map(resolve) else {
            return ["\(label): status not documented"]
        }
        guard isJSON else { return [] }
        guard let schema = response["content"]?["application/json"]?["schema"] else {
            return ["\(label): a JSON body, but the document describes none"]
        }
        guard let value = JSONValue.parse(body) else { return ["\(label): the body is not JSON"] }
        return check(value, against: schema, at: "$").map { "\(label): \($0)" }
    }

    /// The properties a component schema documents (through `allOf` too).
    public func propertyNames(ofSchema name: String) -> Set<String> {
        let schema = resolve(.object(["$ref": .string("#/components/schemas/\(name)")]))
        let parts = schema["allOf"]?.array?.map(resolve) ?? [schema]
        return Set(parts.flatMap { $0["properties"]?.object?.keys.map { $0 } ?? [] })
    }

    private func operation(for path: String) -> (String, [String: JSONValue])? {
        let segments = path.split(separator: "/")
        // As OpenAPI says, a concrete path wins over a templated one (`/members/invitations` before `/members/{id}`).
        var best: (String, [String: JSONValue], parameters: Int)?
        for (template, item) in document["paths"]?.object ?? [:] {
            let parts = template.split(separator: "/")
            guard parts.count == segments.count else { continue }
            let matches = zip(parts, segments).allSatisfy { part, segment in (part.hasPrefix("{") && part.hasSuffix("}")) || part == segment }
            let parameters = parts.filter { $0.hasPrefix("{") }.count
            if matches, let operations = item.object, parameters < best?.parameters ?? .max { best = (template, operations, parameters) }
        }
        return best.map { ($0.0, $0.1) }
    }

    private func resolve(_ schema: JSONValue) -> JSONValue {
        guard let ref = schema["$ref"]?.string else { return schema }
        var node: JSONValue? = document
        for key in ref.dropFirst(2).split(separator: "/") { node = node?[String(key)] }
        return node.map(resolve) ?? .null
    }

    func check(_ value: JSONValue, against raw: JSONValue, at path: String) -> [String] {
        let schema = resolve(raw)
        if let parts = schema["allOf"]?.array {
            return checkAllOf(value, parts: parts, at: path)
        }
        if case .null = value {
            return schema["nullable"] == .bool(true) ? [] : ["\(path) is null but not nullable"]
        }
        if let choices = schema["enum"]?.array, !choices.contains(value) {
            return ["\(path) = \(value) is not one of the documented values"]
        }
        switch schema["type"]?.string {
        case "object"?:
            guard case .object(let fields) = value else { return ["\(path) should be an object"] }
            return checkObject(fields, schema: schema, at: path)
        case "array"?:
            guard case .array(let items) = value else { return ["\(path) should be an array"] }
            guard let itemSchema = schema["items"] else { return [] }
            return items.enumerated().flatMap { check($1, against: itemSchema, at: "\(path)[\($0)]") }
        case "string"?:
            guard case .string(let text) = value else { return ["\(path) should be a string"] }
            return checkFormat(text, schema["format"]?.string, at: path)
        case "integer"?:
            guard case .integer = value else { return ["\(path) should be an integer"] }
            return []
        case "number"?:
            switch value {
            case .integer, .number: return []
            default: return ["\(path) should be a number"]
            }
        case "boolean"?:
            guard case .bool = value else { return ["\(path) should be a boolean"] }
            return []
        default:
            return []
        }
    }

    /// `allOf` parts are merged into one object schema, so properties of every part are allowed.
    private func checkAllOf(_ value: JSONValue, parts: [JSONValue], at path: String) -> [String] {
        var properties: [String: JSONValue] = [:]
        var required: [JSONValue] = []
        for part in parts.map(resolve) {
            properties.merge(part["properties"]?.object ?? [:]) { first, _ in first }
            required += part["required"]?.array ?? []
        }
        let merged = JSONValue.object(["type": .string("object"), "properties": .object(properties), "required": .array(required)])
        return check(value, against: merged, at: path)
    }

    private func checkObject(_ fields: [String: JSONValue], schema: JSONValue, at path: String) -> [String] {
        var problems: [String] = []
        let properties = schema["properties"]?.object
        for name in schema["required"]?.array?.compactMap(\.string) ?? [] where fields[name] == nil {
            problems.append("\(path).\(name) is required but missing")
        }
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            if let property = properties?[name] {
                problems += check(value, against: property, at: "\(path).\(name)")
            } else if let extra = schema["additionalProperties"], extra.object != nil {
                problems += check(value, against: extra, at: "\(path).\(name)")
            } else if properties != nil, schema["additionalProperties"] != .bool(true) {
                problems.append("\(path).\(name) is not in the document")
            }
        }
        return problems
    }

    private func checkFormat(_ text: String, _ format: String?, at path: String) -> [String] {
        switch format {
        case "uuid"?: return UUID(uuidString: text) == nil ? ["\(path) = \(text) is not a uuid"] : []
        case "date"?: return text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil ? ["\(path) = \(text) is not a date"] : []
        case "date-time"?:
            return text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#, options: .regularExpression) == nil
                ? ["\(path) = \(text) is not an RFC 3339 instant"] : []
        default: return []
        }
    }
}
