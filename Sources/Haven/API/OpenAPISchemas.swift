/// The JSON shapes of the API, kept beside the document that uses them.
enum Schemas {
    static func object(_ properties: [String: Any], required: [String] = []) -> [String: Any] {
        ["type": "object", "properties": properties, "required": required]
    }

    static var string: [String: Any] { ["type": "string"] }
    static var integer: [String: Any] { ["type": "integer"] }
    static var number: [String: Any] { ["type": "number"] }
    static var boolean: [String: Any] { ["type": "boolean"] }
    static var uuid: [String: Any] { ["type": "string", "format": "uuid"] }
    static var day: [String: Any] { ["type": "string", "format": "date"] }
    static var moment: [String: Any] { ["type": "string", "format": "date-time"] }

    static func optional(_ schema: [String: Any]) -> [String: Any] {
        var s = schema
        s["type"] = [schema["type"] as! String, "null"]
        return s
    }

    static func oneOf<V: RawRepresentable & CaseIterable>(_ type: V.Type) -> [String: Any] where V.RawValue == String {
        ["type": "string", "enum": type.allCases.map(\.rawValue)]
    }

    static var siteInput: [String: Any] {
        [
            "code": string, "name": string, "otherNames": ["type": "array", "items": string], "type": oneOf(SiteType.self),
            "status": oneOf(SiteStatus.self), "adminAreaId": uuid, "latitude": optional(number), "longitude": optional(number),
            "managementAgencyId": optional(uuid), "landOwnership": oneOf(LandOwnership.self), "tenancyAgreement": optional(boolean),
            "areaSquareMetres": optional(number), "capacityHouseholds": optional(integer), "capacityIndividuals": optional(integer),
            "openedOn": optional(day), "closedOn": optional(day), "notes": string,
            "statusDate": ["type": "string", "format": "date", "description": "When a status change took effect (write only); today if absent"],
        ]
    }

    static var populationCount: [String: Any] {
        var properties: [String: Any] = [
            "id": uuid, "siteId": uuid, "countedOn": day, "households": integer, "individuals": integer, "disaggregated": boolean,
            "personsWithDisabilities": optional(integer), "unaccompaniedSeparatedChildren": optional(integer),
            "femaleHeadedHouseholds": optional(integer), "olderPersonsAlone": optional(integer),
            "arrivals": optional(integer), "departures": optional(integer), "source": oneOf(PopulationSource.self), "archived": boolean,
        ]
        for field in PopulationFigures.cellFields { properties[field] = optional(integer) }
        return object(properties, required: ["countedOn", "households", "individuals", "disaggregated", "source"])
    }

    static var all: [String: Any] {
        var site = siteInput
        site["id"] = uuid
        site["archived"] = boolean
        site["createdAt"] = moment
        site["updatedAt"] = moment
        site["currentPopulation"] = ["type": ["object", "null"], "properties": ["individuals": integer, "households": integer, "countedOn": day]]
        let fieldError = object(["field": string, "message": string], required: ["field", "message"])
        return [
            "Credentials": object(["email": string, "password": string], required: ["email", "password"]),
            "Session": object(["token": string, "expiresAt": moment, "user": ["$ref": "#/components/schemas/User"]], required: ["token", "expiresAt", "user"]),
            "SiteInput": object(siteInput, required: ["code", "name", "type", "status", "adminAreaId"]),
            "Site": object(site, required: ["id", "code", "name", "type", "status", "adminAreaId", "latitude", "longitude"]),
            "StatusChange": object(["status": oneOf(SiteStatus.self), "changedOn": day, "recordedBy": string]),
            "PopulationCount": populationCount,
            "AdminArea": object(["id": uuid, "pcode": string, "name": string, "level": ["type": "integer", "minimum": 0, "maximum": 4],
                                 "parentId": optional(uuid), "archived": boolean], required: ["pcode", "name", "level"]),
            "Organisation": object(["id": uuid, "name": string, "acronym": string, "type": oneOf(Organisation.Kind.self), "archived": boolean],
                                   required: ["name", "type"]),
            "User": object(["id": uuid, "email": string, "name": string, "role": oneOf(Role.self), "organisationId": optional(uuid),
                            "siteIds": ["type": "array", "items": uuid], "archived": boolean]),
            "AccountInput": object(["email": string, "name": string, "role": oneOf(Role.self), "organisationId": optional(uuid),
                                    "siteIds": ["type": "array", "items": uuid], "password": ["type": "string", "minLength": Accounts.minimumPasswordLength]],
                                   required: ["email", "role"]),
            "AuditEvent": object(["id": uuid, "at": moment, "actorId": optional(uuid), "actor": string, "entity": string, "entityId": uuid,
                                  "entityLabel": string, "action": oneOf(AuditEvent.Action.self),
                                  "changes": ["type": "array", "items": object(["field": string, "before": optional(string), "after": optional(string)])]]),
            "Indicator": object(["id": uuid, "code": string, "sector": string, "label": string, "unit": string,
                                 "valueType": oneOf(IndicatorValueType.self), "derived": optional(oneOf(DerivedIndicator.self)),
                                 "standard": ["type": ["object", "null"], "properties": ["comparison": oneOf(Comparison.self),
                                              "cuts": ["type": "array", "items": number, "minItems": 4, "maxItems": 4]]],
                                 "options": ["type": "array", "items": object(["value": string, "label": string,
                                             "severity": ["type": ["integer", "null"], "minimum": 1, "maximum": 5]])],
                                 "source": string, "archived": boolean], required: ["code", "sector", "label", "unit", "valueType"]),
            "RoundInput": object(["conductedOn": day, "keyInformants": ["type": "array", "items": string],
                                  "values": ["type": "object", "additionalProperties": ["type": ["number", "string"]],
                                             "description": "Answers by indicator code: numbers, or answer codes such as adequate or yes"]],
                                 required: ["conductedOn", "values"]),
            "Round": object(["id": uuid, "siteId": uuid, "conductedOn": day, "keyInformants": ["type": "array", "items": string],
                             "catalogueVersion": integer, "population": optional(integer),
                             "values": ["type": "object", "additionalProperties": ["type": ["number", "string"]]],
                             "overallSeverity": ["type": ["integer", "null"], "minimum": 1, "maximum": 5],
                             "sectorSeverities": ["type": "object", "additionalProperties": integer],
                             "unmetStandards": ["type": "array", "items": object(["indicator": string, "sector": string, "severity": integer,
                                                "value": optional(number), "standard": number, "summary": string])],
                             "source": oneOf(MonitoringRound.Source.self)]),
            "GapAnalysis": object([
                "items": ["type": "array", "items": object(["siteId": uuid, "code": string, "name": string, "type": oneOf(SiteType.self),
                          "adminArea": string, "population": integer, "conductedOn": day, "severity": integer,
                          "overallSeverity": optional(integer), "sectorSeverities": ["type": "object", "additionalProperties": integer],
                          "unmetStandards": ["type": "array", "items": string]])],
                "total": integer, "limit": integer, "offset": integer,
                "summary": object(["sitesAssessed": integer, "peopleAssessed": integer, "sitesBySeverity": ["type": "array", "items": integer],
                                   "peopleBySeverity": ["type": "array", "items": integer], "peopleInNeed": integer,
                                   "areaSeverity": optional(integer)]),
            ], required: ["items", "total", "limit", "offset", "summary"]),
            "ActivityInput": object(activityInput, required: activityRequired),
            "Activity": object(activity, required: ["id"] + activityRequired),
            "ImportPreview": importPreview,
            "ImportFile": object(["file": ["type": "string", "format": "binary"]], required: ["file"]),
            "LockedMonth": object(["month": string, "locked": boolean]),
            "Gap": object(["siteId": uuid, "code": string, "sector": string, "severity": integer, "population": integer]),
            "Duplication": object(["siteId": uuid, "activity": string, "organisationIds": ["type": "array", "items": uuid],
                                   "reached": integer, "population": optional(integer)]),
            "TargetInput": object(targetInput, required: ["sector", "fromMonth", "toMonth", "people"]),
            "Target": object(target, required: ["id", "sector", "fromMonth", "toMonth", "people"]),
            "Progress": progress,
            "ActivityType": object(["id": uuid, "code": string, "sector": ["type": "string", "enum": ResponseSector.all.map(\.code)], "name": string,
                                    "archived": boolean], required: ["code", "sector", "name"]),
            "SitePresence": object(["siteId": uuid, "code": string, "name": string,
                                    "sectors": ["type": "object", "additionalProperties": ["type": "array", "items": uuid]]]),
            "AreaPresence": object(["pcode": string, "name": string, "organisations": integer, "organisationIds": ["type": "array", "items": uuid],
                                    "sectors": ["type": "array", "items": string]]),
            "FeedbackCategory": object(["code": string, "label": string, "sensitive": boolean, "acknowledgeDays": integer, "respondHours": integer]),
            "FeedbackInput": object(feedbackInput, required: ["siteId", "channel", "category", "description", "consentToContact"]),
            "Feedback": object(feedback, required: ["id", "reference", "receivedAt", "channel", "siteId", "category", "sensitive", "status"]),
            "FeedbackTransition": object(["to": oneOf(FeedbackStatus.self), "organisationId": optional(uuid), "focalPoint": optional(string),
                                          "response": optional(string), "closedVia": optional(oneOf(FeedbackChannel.self)),
                                          "satisfaction": optional(oneOf(FeedbackSatisfaction.self))], required: ["to"]),
            "FeedbackReclassification": object(["category": string, "sector": optional(["type": "string", "enum": ResponseSector.all.map(\.code)])],
                                                required: ["category"]),
            "Service": object(["id": uuid, "siteId": uuid, "sector": ["type": "string", "enum": ResponseSector.all.map(\.code)], "providerId": uuid,
                               "name": string, "location": optional(string), "hours": optional(string), "contact": optional(string),
                               "referralFocalPoint": optional(string), "archived": boolean], required: ["siteId", "sector", "providerId", "name"]),
            "FeedbackFigures": feedbackFigures,
            "Problem": object(["type": string, "title": string, "status": integer, "detail": string,
                               "errors": ["type": "array", "items": fieldError]], required: ["status", "detail"]),
        ]
    }
}
