import Foundation
import Testing

@testable import Domain

@Suite struct MessagingSignatureTests {
    @Test func dingTalkSignMatchesThePublishedVector() {
        #expect(IMSigning.dingTalkSign(timestampMillis: 1_700_000_000_000, secret: "secret") == "OuzzJR5+xZ4/EYwqtNt6sMYZQMTa/HEGvc9miJe7XzY=")
        #expect(
            IMSigning.dingTalkQuery(timestampMillis: 1_700_000_000_000, secret: "secret")
                == "timestamp=1700000000000&sign=OuzzJR5%2BxZ4%2FEYwqtNt6sMYZQMTa%2FHEGvc9miJe7XzY%3D")
    }

    @Test func feishuSignIsTheHMACOfAnEmptyMessageKeyedWithTimestampAndSecret() {
        // base64(HMAC-SHA256(key: "1700000000\nsecret", message: "")), computed independently with Python's hmac.
        #expect(IMSigning.feishuSign(timestampSeconds: 1_700_000_000, secret: "secret") == "fiWS2+gh28DOydAv7hzONH/mDn9+b1Y4Y5ivXWXy8vA=")
        let signed = IMSigning.feishuSignedBody(#"{"msg_type":"interactive"}"#, timestampSeconds: 1_700_000_000, secret: "secret")
        #expect(signed == #"{"sign":"fiWS2+gh28DOydAv7hzONH/mDn9+b1Y4Y5ivXWXy8vA=","timestamp":"1700000000","msg_type":"interactive"}"#)
    }

    @Test func webhookSignatureIsTheHexHMACOfTheBody() {
        #expect(
            IMSigning.webhookSignature(body: Array(#"{"event":"x"}"#.utf8), secret: "secret")
                == "sha256=6147d659a4d0af1524442a3462a24f61e73c58494803b17e072ddfbc76bb7356")
    }

    @Test func percentEncodingLeavesOnlyUnreservedCharacters() {
        #expect(IMSigning.percentEncoded("a+b/c=d e~_.-") == "a%2Bb%2Fc%3Dd%20e~_.-")
        #expect(IMSigning.percentEncoded("茶") == "%E8%8C%B6")
    }
}

@Suite struct WebhookAddressTests {
    @Test(arguments: [
        "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
        "100.127.255.255", "0.0.0.0", "::", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "febf::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
        "::ffff:169.254.169.254", "[::1]", "fe80::1%eth0", "64:ff9b::10.0.0.1", "2002:c0a8:0101::1", "224.0.0.1", "255.255.255.255",
    ])
    func refusesWhatLeadsInside(_ address: String) {
        #expect(WebhookAddress.block(address) != nil, "\(address) should be refused")
        #expect(!WebhookAddress.allowed(address, allowPrivate: false))
        #expect(WebhookAddress.allowed(address, allowPrivate: true))
    }

    @Test(arguments: [
        "8.8.8.8", "203.0.113.10", "172.32.0.1", "172.15.255.255", "100.128.0.1", "192.169.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8",
    ])
    func letsPublicAddressesBe(_ address: String) {
        #expect(WebhookAddress.block(address) == nil, "\(address) is public")
    }

    @Test func namesTheClass() {
        #expect(WebhookAddress.block("127.0.0.1") == .loopback)
        #expect(WebhookAddress.block("10.0.0.1") == .privateNetwork)
        #expect(WebhookAddress.block("169.254.1.1") == .linkLocal)
        #expect(WebhookAddress.block("100.64.1.1") == .sharedCGNAT)
        #expect(WebhookAddress.block("::") == .unspecified)
        #expect(WebhookAddress.block("not an address") == .unparsable)
    }

    @Test func urlsMustBeHTTPSWithAHost() {
        #expect(WebhookURL.parse("https://oapi.dingtalk.com/robot/send?access_token=abc", allowHTTP: false)?.host == "oapi.dingtalk.com")
        #expect(
            WebhookURL.parse("https://oapi.dingtalk.com/robot/send?access_token=abc", allowHTTP: false)?.pathAndQuery
                == "/robot/send?access_token=abc")
        #expect(WebhookURL.parse("https://open.larksuite.example/hook/x", allowHTTP: false)?.port == 443)
        #expect(WebhookURL.parse("https://[::1]:8443/x", allowHTTP: false)?.host == "::1")
        #expect(WebhookURL.parse("http://hooks.example.com/x", allowHTTP: false) == nil)
        #expect(WebhookURL.parse("http://127.0.0.1:9000/x", allowHTTP: true)?.port == 9000)
        for bad in ["ftp://x.example/", "https://", "https:///path", "not a url", "https://user:pw@x.example/", "https://x.example/a b"] {
            #expect(WebhookURL.parse(bad, allowHTTP: true) == nil, "\(bad)")
        }
    }
}

@Suite struct IMFormatTests {
    static let envelope = IMEnvelope(event: "test", idempotencyKey: "key-1", projectID: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!)

    func object(_ body: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    @Test func slackUsesBlocksWithMrkdwnAndALinkButton() throws {
        let message = IMMessage(
            title: "Report #3", lines: ["**Done**: 4 <items> & more", "- [Shop](https://shop.example/a) \\*literal\\*"],
            link: "https://tandem.example/r/3", linkText: "Open")
        let body = try object(IMFormat.body(.slack, message, envelope: Self.envelope))
        let blocks = try #require(body["blocks"] as? [[String: Any]])
        let text = try #require((blocks[0]["text"] as? [String: Any])?["text"] as? String)
        #expect(text == "*Report #3*\n*Done*: 4 &lt;items&gt; &amp; more\n• <https://shop.example/a|Shop> *literal*")
        let button = try #require((blocks[1]["elements"] as? [[String: Any]])?.first)
        #expect(button["url"] as? String == "https://tandem.example/r/3")
    }

    @Test func teamsIsAnAdaptiveCardInAMessage() throws {
        let body = try object(IMFormat.body(.teams, IMMessage(title: "T", lines: ["a"], link: "https://x.example/"), envelope: Self.envelope))
        #expect(body["type"] as? String == "message")
        let attachment = try #require((body["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        let card = try #require(attachment["content"] as? [String: Any])
        #expect(card["type"] as? String == "AdaptiveCard")
        #expect((card["actions"] as? [[String: Any]])?.first?["type"] as? String == "Action.OpenUrl")
    }

    @Test func weComMarkdownStaysWithin4096BytesOnCharacterBoundaries() throws {
        let long = String(repeating: "进度汇报😀", count: 2000)
        let body = try object(IMFormat.body(.wecom, IMMessage(title: "周报", lines: [long], link: "https://x.example/r"), envelope: Self.envelope))
        #expect(body["msgtype"] as? String == "markdown")
        let content = try #require((body["markdown"] as? [String: Any])?["content"] as? String)
        #expect(content.utf8.count <= 4096)
        #expect(content.contains("…"))
        #expect(content.hasSuffix("(https://x.example/r)"), "the link survives the cut")
        #expect(!content.unicodeScalars.contains { $0 == "\u{FFFD}" })
    }

    @Test func dingTalkAndFeishuStayUnderTheirBodyLimits() throws {
        let long = String(repeating: "\"引号\"\n", count: 10_000)
        let ding = IMFormat.body(.dingtalk, IMMessage(title: "T", lines: [long]), envelope: Self.envelope)
        #expect(ding.utf8.count <= 19_500)
        let dingBody = try object(ding)
        #expect(dingBody["msgtype"] as? String == "markdown")
        #expect((dingBody["markdown"] as? [String: Any])?["title"] as? String == "T")
        let feishu = IMFormat.body(.feishu, IMMessage(title: "T", lines: [long], link: "https://x.example/"), envelope: Self.envelope)
        #expect(feishu.utf8.count <= 19_500)
        #expect(try object(feishu)["msg_type"] as? String == "interactive")
    }

    @Test func markupInPeoplesTextIsEscapedPerPlatform() throws {
        let line = "Comment: " + IMText.literal("<at id=all></at> **not bold** [x](https://evil.example)")
        let weCom = try object(IMFormat.body(.wecom, IMMessage(title: "T", lines: [line]), envelope: Self.envelope))
        let content = try #require((weCom["markdown"] as? [String: Any])?["content"] as? String)
        #expect(!content.contains("<at"))
        #expect(content.contains("&lt;at id=all&gt;"))
        #expect(content.contains("\\*\\*not bold\\*\\*"))
        #expect(!content.contains("[x](https://evil.example)"))
        let slack = try object(IMFormat.body(.slack, IMMessage(title: "T", lines: [line]), envelope: Self.envelope))
        let text = try #require(((slack["blocks"] as? [[String: Any]])?.first?["text"] as? [String: Any])?["text"] as? String)
        #expect(!text.contains("<https://evil.example"))
        #expect(text.contains("&lt;at id=all&gt;"))
    }

    @Test func theGenericWebhookCarriesEventKeyProjectTitleLinesAndLink() throws {
        let body = try object(IMFormat.body(.webhook, IMMessage(title: "T", lines: ["a", "b"], link: "https://x.example/"), envelope: Self.envelope))
        #expect(body["event"] as? String == "test")
        #expect(body["idempotencyKey"] as? String == "key-1")
        #expect(body["projectId"] as? String == "00000000-0000-0000-0000-000000000001")
        #expect(body["title"] as? String == "T")
        #expect(body["lines"] as? [String] == ["a", "b"])
        #expect(body["link"] as? String == "https://x.example/")
    }

    @Test func truncationCutsOnCharactersAndMarksTheCut() {
        #expect(IMText.truncated("abc", maxBytes: 3) == "abc")
        #expect(IMText.truncated("abcdef", maxBytes: 5) == "ab…")
        #expect(IMText.truncated("茶茶茶", maxBytes: 8) == "茶…")
        #expect(IMText.truncated("👨‍👩‍👧茶", maxBytes: 20).utf8.count <= 20)
    }

    @Test func answersWithBodyCodesCountAsFailures() {
        let label = "wecom · qyapi.weixin.qq.com"
        #expect(IMAnswer.classify(kind: .wecom, status: 200, body: Array(#"{"errcode":0,"errmsg":"ok"}"#.utf8), label: label) == .delivered)
        if case .refused(let reason) = IMAnswer.classify(
            kind: .wecom, status: 200, body: Array(#"{"errcode":93000,"errmsg":"invalid webhook url"}"#.utf8), label: label)
        {
            #expect(reason.contains("93000"))
        } else {
            Issue.record("errcode 93000 must refuse")
        }
        guard case .retry = IMAnswer.classify(kind: .wecom, status: 200, body: Array(#"{"errcode":45009}"#.utf8), label: label) else {
            Issue.record("the rate limit is worth another try")
            return
        }
        guard
            case .refused = IMAnswer.classify(
                kind: .dingtalk, status: 200, body: Array(#"{"errcode":310000,"errmsg":"sign not match"}"#.utf8), label: label)
        else {
            Issue.record("DingTalk's sign error refuses")
            return
        }
        guard
            case .refused = IMAnswer.classify(kind: .feishu, status: 200, body: Array(#"{"code":19021,"msg":"sign match fail"}"#.utf8), label: label)
        else {
            Issue.record("Feishu's code refuses")
            return
        }
        #expect(IMAnswer.classify(kind: .feishu, status: 200, body: Array(#"{"StatusCode":0,"code":0}"#.utf8), label: label) == .delivered)
        guard case .retry = IMAnswer.classify(kind: .slack, status: 503, body: [], label: label),
            case .retry = IMAnswer.classify(kind: .slack, status: 429, body: [], label: label),
            case .refused = IMAnswer.classify(kind: .slack, status: 404, body: [], label: label)
        else {
            Issue.record("5xx and 429 retry, 404 refuses")
            return
        }
        #expect(IMAnswer.classify(kind: .slack, status: 200, body: Array("ok".utf8), label: label) == .delivered)
    }
}
