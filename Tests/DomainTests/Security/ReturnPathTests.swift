import Foundation
import Testing
@testable import Domain

@Suite("ReturnPath")
struct ReturnPathTests {
    @Test(
        "a local path with query and fragment is kept as it is",
        arguments: [
            "/", "/dashboard", "/projects/8C1F6A52-0000-4000-8000-000000000001?baseline=x#plan", "/portal/sign-in?next=%2Fportal",
        ])
    func localPathsAreKept(_ path: String) {
        #expect(ReturnPath.sanitize(path) == path)
    }

    @Test(
        "anything that could leave the site or inject a header is refused",
        arguments: [
            "", "dashboard", "//evil.example", "/\\evil.example", "\\\\evil.example", "/a\\b",
            "https://evil.example", "http:/evil.example", "javascript:alert(1)",
            "/\r\nSet-Cookie: a=b", "/\nLocation: x", "/\t/evil.example", "/ /evil.example", "/\u{0}x", "/\u{2028}x", "/\u{200B}x",
            "/%0d%0aSet-Cookie:%20a=b", "/%2F%2Fevil.example", "/%2f/evil.example", "/%5Cevil.example", "/%09/evil.example",
            "/%252F%252Fevil.example", "/%25252F%25252F%25252F", "/%zz", "/" + String(repeating: "a", count: 2_001),
        ])
    func unsafeTargetsAreRefused(_ target: String) {
        #expect(ReturnPath.sanitize(target) == nil)
    }

    @Test("no target means no path")
    func nilIsNil() {
        #expect(ReturnPath.sanitize(nil) == nil)
    }
}
