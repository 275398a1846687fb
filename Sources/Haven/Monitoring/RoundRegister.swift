import Fluent
import Foundation
import Vapor

/// What a person or client sends for a round, whichever way it arrives.
struct RoundInput: Content, Equatable {
    var conductedOn: CalendarDay
    /// Who answered, by role: "camp leader", "women's representative".
    var keyInformants: [String]?
    var values: [String: Answer]
}

/// Recording monitoring rounds: checked, scored with the current catalogue, audited, and kept as the
/// site's latest when they are.
enum RoundRegister {
    /// An ODK submission's identity: its instance ID and a hash of its XML.
    struct Submission: Sendable {
        var instanceID: String
        var hash: String
    }

    static func record(_ input: RoundInput, for site: Site, source: MonitoringRound.Source, submission: Submission? = nil,
                       by actor: Actor, on db: any Database, today: CalendarDay = .today()) async throws -> MonitoringRound {
        let catalogue = try await Catalogue.current(on: db)
        var errors = RoundScoring.validate(input.values, catalogue: catalogue.indicators)
        if input.conductedOn > today { errors.append(FieldError("conductedOn", "\(input.conductedOn) is in the future")) }
        if let opened = site.openedOn.flatMap(CalendarDay.init), input.conductedOn < opened {
            errors.append(FieldError("conductedOn", "\(input.conductedOn) is before the site opened on \(opened)"))
        }
        let siteID = try site.requireID()
        if try await MonitoringRound.query(on: db).filter(\.$site.$id == siteID).filter(\.$conductedOn == input.conductedOn.description)
            .filter(\.$archivedAt == nil).first() != nil {
            errors.append(FieldError("conductedOn", "this site already has a round on \(input.conductedOn)"))
        }
        try HavenError.check(errors)

        let population = try await populationOn(input.conductedOn, siteID: siteID, on: db)
        let scored = RoundScoring.score(input.values, catalogue: catalogue.indicators, population: population)
        let round = MonitoringRound()
        round.$site.id = siteID
        round.conductedOn = input.conductedOn.description
        round.keyInformants = (input.keyInformants ?? []).map(\.trimmed).filter { !$0.isEmpty }.joined(separator: "; ")
        round.catalogueVersion = catalogue.number
        round.population = population
        try round.record(answers: input.values, scored: scored)
        round.source = source
        round.instanceID = submission?.instanceID
        round.submissionHash = submission?.hash
        round.submitterID = actor.userID
        round.latest = false
        try await db.transaction { tx in
            try await Audit.create(round, by: actor, on: tx)
            try await refreshLatest(siteID: siteID, on: tx)
        }
        return round
    }

    /// The population the ratios use: the site's latest count on or before the round's day.
    static func populationOn(_ day: CalendarDay, siteID: UUID, on db: any Database) async throws -> Int? {
        try await PopulationCount.query(on: db).filter(\.$site.$id == siteID).filter(\.$archivedAt == nil)
            .filter(\.$countedOn <= day.description).sort(\.$countedOn, .descending).first()?.individuals
    }

    static func refreshLatest(siteID: UUID, on db: any Database) async throws {
        try await MonitoringRound.query(on: db).filter(\.$site.$id == siteID).filter(\.$latest == true).set(\.$latest, to: false).update()
        if let newest = try await MonitoringRound.query(on: db).filter(\.$site.$id == siteID).filter(\.$archivedAt == nil)
            .sort(\.$conductedOn, .descending).first() {
            newest.latest = true
            try await newest.update(on: db)
        }
    }
}

extension JSONEncoder {
    /// Stable output, so that stored JSON and hashes do not depend on dictionary order.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
