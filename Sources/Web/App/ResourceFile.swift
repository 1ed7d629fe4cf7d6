import Foundation

/// Files shipped in `Sources/Web/Resources` (catalogues, the OpenAPI document, CSS, JS).
enum ResourceFile {
    struct Missing: Error, CustomStringConvertible {
        var name: String
        var description: String { "resource \(name) is missing from the Web bundle" }
    }

    static func data(_ name: String) throws -> Data {
        guard let base = Bundle.module.resourceURL else { throw Missing(name: name) }
        for candidate in [base.appendingPathComponent("Resources/\(name)"), base.appendingPathComponent(name)] {
            if let data = try? Data(contentsOf: candidate) { return data }
        }
        throw Missing(name: name)
    }
}
