import Foundation
import PropertyBased
import Testing

@testable import Haven

@Suite struct FeedbackRulesTests {
    static let received = Date(timeIntervalSince1970: 1_780_000_000)
    static let due = FeedbackDeadlines.due(receivedAt: received, policy: .init(acknowledgeDays: 3, respondHours: 72))

    @Test func deadlinesCountFromReceiptAndLatenessDependsOnTheStatus() {
        #expect(Self.due.acknowledgeBy == Self.received.addingTimeInterval(3 * 86_400))
        #expect(Self.due.respondBy == Self.received.addingTimeInterval(72 * 3_600))
        let day2 = Self.received.addingTimeInterval(2 * 86_400)
        let day4 = Self.received.addingTimeInterval(4 * 86_400)
        #expect(!FeedbackDeadlines.isOverdue(status: .new, due: Self.due, now: day2))
        #expect(FeedbackDeadlines.isOverdue(status: .new, due: Self.due, now: day4), "not even acknowledged")
        #expect(FeedbackDeadlines.isOverdue(status: .referred, due: Self.due, now: day4), "no answer after 72 hours")
        #expect(
            !FeedbackDeadlines.isOverdue(status: .responded, due: Self.due, now: day4)
                && !FeedbackDeadlines.isOverdue(status: .closed, due: Self.due, now: day4))
        #expect(
            FeedbackDeadlines.answeredInTime(respondedAt: day2, due: Self.due)
                && !FeedbackDeadlines.answeredInTime(respondedAt: day4, due: Self.due))
        #expect(!FeedbackDeadlines.answeredInTime(respondedAt: nil, due: Self.due))
    }

    @Test func anItemFallsLateAtItsFirstDeadlineStillOpen() async {
        let quick = FeedbackDeadlines.due(
            receivedAt: Self.received, policy: .init(acknowledgeDays: 3, respondHours: 24))
        #expect(FeedbackDeadlines.lateFrom(status: .new, due: Self.due) == Self.due.acknowledgeBy)
        #expect(
            FeedbackDeadlines.lateFrom(status: .new, due: quick) == quick.respondBy,
            "a sensitive case due in a day is late before its acknowledgement is")
        #expect(FeedbackDeadlines.lateFrom(status: .referred, due: Self.due) == Self.due.respondBy)
        #expect(
            FeedbackDeadlines.lateFrom(status: .responded, due: Self.due) == nil
                && FeedbackDeadlines.lateFrom(status: .closed, due: Self.due) == nil)
        await propertyCheck(
            input: Gen<FeedbackStatus>.case, Gen.int(in: 0...200), Gen.int(in: 1...10), Gen.int(in: 1...300)
        ) { status, hours, days, respond in
            let due = FeedbackDeadlines.due(
                receivedAt: Self.received, policy: .init(acknowledgeDays: days, respondHours: respond))
            let now = Self.received.addingTimeInterval(Double(hours) * 3_600 + 1)
            let late = (status == .new && now > due.acknowledgeBy) || (status.isOpen && now > due.respondBy)
            #expect(
                FeedbackDeadlines.isOverdue(status: status, due: due, now: now) == late,
                "late to acknowledge or late to answer, nothing else")
        }
    }

    @Test func talliesKeptByDeltasAlwaysEqualACountOfWhatIsThere() async {
        let sites = [UUID(), UUID()]
        let facts = zip(Gen.int(in: 0...2), Gen.int(in: 0...1), Gen<FeedbackStatus>.case, Gen.int(in: 0...3)).map {
            month, site, status, answer in
            FeedbackTally.Facts(
                month: "2026-0\(month + 1)", siteID: sites[site], category: site == 0 ? "MAJOR" : "PSEA",
                channel: answer == 0 ? "hotline" : "odk",
                sex: answer == 1 ? "" : "female", ageGroup: "18_59", sector: month == 0 ? "" : "WASH",
                status: status.rawValue,
                wantsAnswer: answer != 0, answeredInTime: answer == 3 ? nil : answer == 2)
        }
        // A change moves one item to new facts, or (nil) archives it.
        let change = zip(Gen.int(in: 0...20), facts, Gen.int(in: 0...3)).map { index, facts, archive in
            (index, archive == 0 ? nil : facts)
        }
        await propertyCheck(input: facts.array(of: 1...8), change.array(of: 0...12)) { start, changes in
            var items: [FeedbackTally.Facts?] = start
            var tallies = FeedbackTally.total(start.map { ($0, 1) })
            for (index, next) in changes {
                let at = index % items.count
                for (key, delta) in FeedbackTally.delta(from: items[at], to: next) { tallies[key, default: 0] += delta }
                items[at] = next
            }
            #expect(tallies.filter { $0.value != 0 } == FeedbackTally.total(items.compactMap { $0 }.map { ($0, 1) }))
            #expect(tallies.values.allSatisfy { $0 >= 0 }, "a counter never goes below zero")
        }
        let answered = FeedbackTally.Facts(
            month: "2026-01", siteID: sites[0], category: "MAJOR", channel: "odk", sex: "", ageGroup: "", sector: "",
            status: "responded", wantsAnswer: true, answeredInTime: true)
        #expect(Set(FeedbackTally.keys(answered).map(\.dimension)) == Set(FeedbackTally.Dimension.allCases))
        #expect(FeedbackTally.delta(from: answered, to: answered).isEmpty)
    }

    @Test func everyStepOfTheWorkflowIsCheckedFromEveryStatus() {
        for from in FeedbackStatus.allCases {
            for to in FeedbackStatus.allCases {
                let step = FeedbackTransition(
                    to: to, organisationId: UUID(), response: "We will repair the tap on Monday.", closedVia: .helpDesk)
                let errors = FeedbackWorkflow.check(step, from: from, wantsAnswer: true)
                let allowed = FeedbackWorkflow.allowed[from]!.contains(to) && !(to == .closed && from != .responded)
                #expect(errors.isEmpty == allowed, "\(from) → \(to): \(errors)")
            }
        }
        #expect(FeedbackWorkflow.allowed[.closed]!.isEmpty, "closed is final")
    }

    @Test func eachStepAsksForWhatItNeeds() {
        #expect(
            FeedbackWorkflow.check(.init(to: .referred), from: .acknowledged, wantsAnswer: true).map(\.field) == [
                "organisationId"
            ])
        #expect(
            FeedbackWorkflow.check(.init(to: .responded, response: "  "), from: .inProgress, wantsAnswer: true).map(
                \.field) == ["response"])
        #expect(
            FeedbackWorkflow.check(.init(to: .closed), from: .responded, wantsAnswer: true).map(\.field) == [
                "closedVia"
            ])
        #expect(
            FeedbackWorkflow.check(.init(to: .closed), from: .acknowledged, wantsAnswer: false).isEmpty,
            "thanks that asked for no answer can be closed at once")
        #expect(
            FeedbackWorkflow.check(.init(to: .new), from: .closed, wantsAnswer: true).first?.message.contains(
                "it is closed") == true)
    }

    @Test func smallCountsAreNeverShownAndNeverRecoverableFromTheTotal() async {
        #expect(
            Disclosure.shown(0, threshold: 5) == 0 && Disclosure.shown(4, threshold: 5) == nil
                && Disclosure.shown(5, threshold: 5) == 5)
        #expect(
            Disclosure.row([3, 12, 40], threshold: 5).cells == [nil, nil, 40],
            "the smallest shown cell goes with a lone small one")
        await propertyCheck(input: Gen.int(in: 0...12).array(of: 1...6), Gen.int(in: 1...6)) { counts, threshold in
            let (cells, total) = Disclosure.row(counts, threshold: threshold)
            for (count, cell) in zip(counts, cells) {
                if count > 0 && count < threshold { #expect(cell == nil, "small counts never show") }
                if let cell { #expect(cell == count) }
            }
            let hidden = zip(counts, cells).filter { $1 == nil && $0 > 0 }.count
            if total != nil { #expect(hidden != 1, "one hidden cell beside a total would give it away") }
            if let total { #expect(total == counts.reduce(0, +)) }
        }
    }

    @Test func sealedTextOpensOnlyForItsRecordAndWithAKnownKey() throws {
        let old = try FeedbackCipher(keyring: "1:\(FeedbackCipher.newKeyText())")
        let record = UUID()
        let sealed = try old.seal("My neighbour's child is being abused", for: record)
        #expect(!sealed.contains("abused") && sealed.hasPrefix("v1:1:"))
        #expect(try old.open(sealed, for: record) == "My neighbour's child is being abused")
        #expect(throws: (any Error).self, "a value copied to another record does not open") {
            try old.open(sealed, for: UUID())
        }
        let rotated = try FeedbackCipher(
            keyring:
                "2:\(FeedbackCipher.newKeyText()),1:\(old.keys[0].key.withUnsafeBytes { Data($0).base64EncodedString() })"
        )
        #expect(
            try rotated.open(sealed, for: record) == "My neighbour's child is being abused" && rotated.isStale(sealed))
        #expect(try rotated.seal("x", for: record).hasPrefix("v1:2:"), "the newest key seals")
        #expect(throws: FeedbackCipher.Failure.self) { try FeedbackCipher(keyring: "1:tooshort") }
        #expect(throws: FeedbackCipher.Failure.unknownKey("1")) {
            try FeedbackCipher(keyring: "3:\(FeedbackCipher.newKeyText())").open(sealed, for: record)
        }
    }

    @Test func referencesAreShortUnambiguousAndTypedAnyHow() {
        let references = Set((0..<500).map { _ in FeedbackReference.make() })
        #expect(references.count == 500)
        #expect(references.allSatisfy { $0.wholeMatch(of: /FB-[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}/) != nil })
        #expect(
            FeedbackReference.normalise(" fb 7k2p9 4qxam ") == "FB-7K2P9-4QXAM"
                && FeedbackReference.normalise("7K2P94QXAM") == "FB-7K2P9-4QXAM")
    }

    @Test func feedbackInputIsCheckedFieldByField() {
        let input = FeedbackInput(
            siteId: UUID(), channel: .helpDesk, category: "NOPE", sector: "Logistics", description: " ",
            contact: "+211 555 0100", consentToContact: false, wantsAnswer: true,
            receivedAt: Date().addingTimeInterval(86_400), sex: nil, ageGroup: nil, disability: nil)
        #expect(
            Set(FeedbackRules.check(input, categoryKnown: false, now: Date()).map(\.field)) == [
                "category", "description", "contact", "receivedAt", "sector",
            ])
    }
}
