import Domain
import Foundation

/// `{id, name, size, contentType, sha256}`: a file as deliverable and scope version answers list it.
struct FileResponse: Encodable {
    var id: UUID
    var name: String
    var size: Int64
    var contentType: String
    var sha256: String

    init(_ file: StoredFile) {
        id = file.id
        name = file.name
        size = file.size
        contentType = file.contentType
        sha256 = file.sha256
    }
}
