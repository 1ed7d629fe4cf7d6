import Foundation
import Testing
@testable import Domain

@Suite("Validate")
struct ValidateTests {
    // MARK: email

    @Test("an e-mail address is trimmed and lower-cased")
    func emailIsNormalised() throws {
        // given
        let input = "  Ann.Lee@Example.COM \n"

        // when
        let email = try Validate.email(input)

        // then
        #expect(email == "ann.lee@example.com")
    }

    @Test(
        "malformed e-mail addresses are refused naming the email field",
        arguments: [
            "", "ann", "ann@", "@example.com", "ann@example", "ann@.example.com", "ann@example.",
            "ann lee@example.com", "<ann@example.com>", "ann@b@example.com",
        ])
    func malformedEmailIsRefused(_ input: String) {
        // given / when
        let error = domainError { _ = try Validate.email(input) }

        // then
        #expect(error?.validationField == "email")
    }

    @Test("an e-mail address longer than 254 characters is refused")
    func overlongEmailIsRefused() {
        // given
        let input = String(repeating: "a", count: 243) + "@example.com"

        // when
        let error = domainError { _ = try Validate.email(input) }

        // then
        #expect(input.count == 255)
        #expect(error?.validationField == "email")
    }

    @Test("a refused e-mail address names the field the caller chose")
    func emailErrorNamesCustomField() {
        // given / when
        let error = domainError { _ = try Validate.email("nope", field: "contactEmail") }

        // then
        #expect(error?.validationField == "contactEmail")
    }

    // MARK: text

    @Test("text is returned trimmed")
    func textIsTrimmed() throws {
        // given / when
        let text = try Validate.text("  Website relaunch \n", field: "name")

        // then
        #expect(text == "Website relaunch")
    }

    @Test("text that is empty after trimming is refused naming its field", arguments: ["", "   ", "\n\t "])
    func blankTextIsRefused(_ input: String) {
        // given / when
        let error = domainError { _ = try Validate.text(input, field: "name") }

        // then
        #expect(error?.validationField == "name")
        #expect(error?.validationMessage == "must not be empty")
    }

    @Test("text of exactly the maximum length is accepted and one more character is refused")
    func textMaximumLength() {
        // given
        let atLimit = String(repeating: "x", count: 10)
        let overLimit = atLimit + "x"

        // when
        let accepted = try? Validate.text(atLimit, field: "name", max: 10)
        let error = domainError { _ = try Validate.text(overLimit, field: "name", max: 10) }

        // then
        #expect(accepted == atLimit)
        #expect(error?.validationField == "name")
    }

    @Test("the maximum length counts characters, not UTF-8 bytes")
    func textLengthCountsCharacters() throws {
        // given: 200 Chinese characters are 600 bytes
        let input = String(repeating: "设", count: 200)

        // when
        let text = try Validate.text(input, field: "name")

        // then
        #expect(text == input)
    }

    @Test("the maximum length is checked after trimming")
    func textLengthIsCheckedAfterTrimming() throws {
        // given
        let input = "   " + String(repeating: "x", count: 10) + "   "

        // when
        let text = try Validate.text(input, field: "name", max: 10)

        // then
        #expect(text.count == 10)
    }

    @Test("optional text turns nil and blank into nil")
    func optionalTextBlankIsNil() throws {
        // given / when / then
        #expect(try Validate.optionalText(nil, field: "notes") == nil)
        #expect(try Validate.optionalText("  \n ", field: "notes") == nil)
        #expect(try Validate.optionalText(" hi ", field: "notes") == "hi")
    }

    @Test("optional text over its maximum is refused naming its field")
    func optionalTextTooLongIsRefused() {
        // given / when
        let error = domainError { _ = try Validate.optionalText("abcd", field: "notes", max: 3) }

        // then
        #expect(error?.validationField == "notes")
    }

    // MARK: lines

    @Test("lines are trimmed and blank lines dropped")
    func linesDropBlanks() throws {
        // given / when
        let lines = try Validate.lines([" Launch ", "", "  ", "Train staff"], field: "goals")

        // then
        #expect(lines == ["Launch", "Train staff"])
    }

    @Test("more lines than allowed are refused naming the field")
    func tooManyLinesAreRefused() {
        // given
        let input = Array(repeating: "goal", count: 4)

        // when
        let error = domainError { _ = try Validate.lines(input, field: "goals", maxCount: 3) }

        // then
        #expect(error?.validationField == "goals")
    }

    @Test("a line over 1,000 characters is refused naming the field")
    func overlongLineIsRefused() {
        // given
        let input = ["fine", String(repeating: "x", count: 1_001)]

        // when
        let error = domainError { _ = try Validate.lines(input, field: "goals") }

        // then
        #expect(error?.validationField == "goals")
    }

    // MARK: date

    @Test("a real date is accepted as a LocalDate")
    func dateIsAccepted() throws {
        // given / when
        let date = try Validate.date("2024-02-29", field: "startDate")

        // then
        #expect(date == LocalDate(year: 2024, month: 2, day: 29))
    }

    @Test("an impossible or malformed date is refused naming its field", arguments: ["2025-02-30", "2025-1-05", ""])
    func badDateIsRefused(_ input: String) {
        // given / when
        let error = domainError { _ = try Validate.date(input, field: "startDate") }

        // then
        #expect(error?.validationField == "startDate")
    }

    // MARK: timeZone

    @Test("IANA time zones and UTC are accepted", arguments: ["Asia/Shanghai", "Europe/Berlin", "UTC"])
    func timeZoneIsAccepted(_ input: String) throws {
        // given / when
        let zone = try Validate.timeZone(input)

        // then
        #expect(zone == input)
    }

    @Test("unknown or empty time zones are refused naming the timeZone field", arguments: ["Mars/Base", "", "Shanghai"])
    func badTimeZoneIsRefused(_ input: String) {
        // given / when
        let error = domainError { _ = try Validate.timeZone(input) }

        // then
        #expect(error?.validationField == "timeZone")
    }

    // MARK: currency

    @Test("a currency code is upper-cased")
    func currencyIsUpperCased() throws {
        // given / when
        let currency = try Validate.currency("cny")

        // then
        #expect(currency == "CNY")
    }

    @Test(
        "anything but three ASCII letters is refused naming the currency field",
        arguments: [
            "", "CN", "CNYY", "C1Y", "ÉUR", "¥¥¥",
        ])
    func badCurrencyIsRefused(_ input: String) {
        // given / when
        let error = domainError { _ = try Validate.currency(input) }

        // then
        #expect(error?.validationField == "currency")
    }

    // MARK: link

    @Test(
        "http and https links are accepted, trimmed",
        arguments: [
            ("https://example.com/spec", "https://example.com/spec"),
            ("  http://example.com  ", "http://example.com"),
            ("HTTPS://Example.com/a?b=c", "HTTPS://Example.com/a?b=c"),
        ])
    func linkIsAccepted(_ input: String, expected: String) throws {
        // given / when
        let link = try Validate.link(input, field: "url")

        // then
        #expect(link == expected)
    }

    @Test("a missing or blank link is nil")
    func blankLinkIsNil() throws {
        // given / when / then
        #expect(try Validate.link(nil, field: "url") == nil)
        #expect(try Validate.link("   ", field: "url") == nil)
    }

    @Test(
        "script, data, ftp and host-less links are refused naming the field",
        arguments: [
            "javascript:alert(1)", "JavaScript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>",
            "ftp://example.com/file", "example.com", "//example.com",
        ])
    func unsafeLinkIsRefused(_ input: String) {
        // given / when
        let error = domainError { _ = try Validate.link(input, field: "url") }

        // then
        #expect(error?.validationField == "url")
    }

    // MARK: range

    @Test("values within a range are accepted, bounds included", arguments: [0, 50, 100])
    func valueInRangeIsAccepted(_ value: Int) throws {
        // given / when
        let result = try Validate.range(value, 0...100, field: "progress")

        // then
        #expect(result == value)
    }

    @Test("values outside a range are refused naming the field", arguments: [-1, 101])
    func valueOutOfRangeIsRefused(_ value: Int) {
        // given / when
        let error = domainError { _ = try Validate.range(value, 0...100, field: "progress") }

        // then
        #expect(error?.validationField == "progress")
        #expect(error?.validationMessage == "must be between 0 and 100")
    }
}
