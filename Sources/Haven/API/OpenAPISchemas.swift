/// The JSON shapes of the API, kept beside the document that uses them.
enum Schemas {
    /// An object; unless told which, every property that cannot be null is required, since the server
    /// leaves out only the empty optional ones.
    static func object(_ properties: [String: Any], required: [String]? = nil) -> [String: Any] {
        let always = properties.filter { !isNullable($0.value) && ($0.value as? [String: Any])?["writeOnly"] == nil }
            .map(\.key).sorted()
        return ["type": "object", "properties": properties, "required": required ?? always]
    }

    private static func isNullable(_ schema: Any) -> Bool {
        ((schema as? [String: Any])?["type"] as? [String])?.contains("null") == true
    }

    /// Any text: bounded as every text of a body is (`TextRules.largest`).
    static var string: [String: Any] { ["type": "string", "maxLength": TextRules.largest] }
    /// A text field with its own bound, by what it holds.
    static func text(_ kind: TextRules.Kind) -> [String: Any] { ["type": "string", "maxLength": kind.limit] }
    static var month: [String: Any] {
        [
            "type": "string", "pattern": "^(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])$",
            "description": "A month, yyyy-mm (1900-2999)",
        ]
    }
    static var count: [String: Any] { ["type": "integer", "minimum": 0, "maximum": Counts.largest] }
    static var integer: [String: Any] { ["type": "integer"] }
    static var number: [String: Any] { ["type": "number"] }
    static var boolean: [String: Any] { ["type": "boolean"] }
    static var uuid: [String: Any] { ["type": "string", "format": "uuid"] }
    static var day: [String: Any] { ["type": "string", "format": "date"] }
    static var moment: [String: Any] { ["type": "string", "format": "date-time"] }

    static func optional(_ schema: [String: Any]) -> [String: Any] {
        var s = schema
        s["type"] = [schema["type"] as? String ?? "string", "null"]
        return s
    }

    static func oneOf<V: RawRepresentable & CaseIterable>(_ type: V.Type) -> [String: Any] where V.RawValue == String {
        ["type": "string", "enum": type.allCases.map(\.rawValue)]
    }

    static var siteInput: [String: Any] {
        [
            "code": ["type": "string", "maxLength": 40, "pattern": "^[A-Za-z0-9_-]+$"], "name": text(.name),
            "otherNames": ["type": "array", "items": text(.name)], "type": oneOf(SiteType.self),
            "status": oneOf(SiteStatus.self), "adminAreaId": uuid, "latitude": optional(number),
            "longitude": optional(number),
            "managementAgencyId": optional(uuid), "landOwnership": oneOf(LandOwnership.self),
            "tenancyAgreement": optional(boolean),
            "areaSquareMetres": optional(["type": "number", "minimum": 0, "maximum": Counts.largest]),
            "capacityHouseholds": optional(count),
            "capacityIndividuals": optional(count), "openedOn": optional(day), "closedOn": optional(day),
            "notes": text(.note),
            "statusDate": [
                "type": "string", "format": "date", "writeOnly": true,
                "description": "When a status change took effect (write only); today if absent",
            ],
        ]
    }

    static var populationCount: [String: Any] {
        var properties: [String: Any] = [
            "id": uuid, "siteId": uuid, "countedOn": day, "households": count, "individuals": count,
            "disaggregated": boolean,
            "personsWithDisabilities": optional(count), "unaccompaniedSeparatedChildren": optional(count),
            "femaleHeadedHouseholds": optional(count), "olderPersonsAlone": optional(count),
            "arrivals": optional(count), "departures": optional(count), "source": oneOf(PopulationSource.self),
            "archived": boolean,
        ]
        for field in PopulationFigures.cellFields { properties[field] = optional(count) }
        return object(properties, required: ["countedOn", "households", "individuals", "disaggregated", "source"])
    }

    static var all: [String: Any] {
        var site = siteInput
        site["id"] = uuid
        site["archived"] = boolean
        site["createdAt"] = moment
        site["updatedAt"] = moment
        site["currentPopulation"] = [
            "type": ["object", "null"],
            "properties": ["individuals": integer, "households": integer, "countedOn": day],
        ]
        let fieldError = object([
            "field": ["type": "string", "maxLength": 200], "message": ["type": "string", "maxLength": 1_000],
        ])
        return [
            "Credentials": object(
                ["email": text(.name), "password": ["type": "string", "maxLength": Accounts.maximumPasswordLength]],
                required: ["email", "password"]),
            "Session": object(
                ["token": string, "expiresAt": moment, "user": ["$ref": "#/components/schemas/User"]],
                required: ["token", "expiresAt", "user"]),
            "SiteInput": object(siteInput, required: ["code", "name", "type", "status", "adminAreaId"]),
            "Site": object(site),
            "StatusChange": object(["status": oneOf(SiteStatus.self), "changedOn": day, "recordedBy": string]),
            "PopulationCount": populationCount,
            "AdminArea": object(
                [
                    "id": uuid, "pcode": ["type": "string", "maxLength": 30], "name": text(.name),
                    "level": ["type": "integer", "minimum": 0, "maximum": 4],
                    "parentId": optional(uuid), "archived": boolean,
                ], required: ["pcode", "name", "level"]),
            "Organisation": object(
                [
                    "id": uuid, "name": text(.name), "acronym": text(.code), "type": oneOf(Organisation.Kind.self),
                    "archived": boolean,
                ],
                required: ["name", "type"]),
            "User": object([
                "id": uuid, "email": string, "name": string, "role": oneOf(Role.self), "organisationId": optional(uuid),
                "siteIds": ["type": "array", "items": uuid], "archived": boolean,
            ]),
            "AccountInput": object(
                [
                    "email": text(.name), "name": text(.name), "role": oneOf(Role.self),
                    "organisationId": optional(uuid),
                    "siteIds": ["type": "array", "items": uuid], "feedbackFocalPoint": boolean,
                    "password": [
                        "type": "string", "minLength": Accounts.minimumPasswordLength,
                        "maxLength": Accounts.maximumPasswordLength,
                    ],
                ],
                required: ["email", "role"]),
            "AuditEvent": object([
                "id": uuid, "at": moment, "actorId": optional(uuid), "actor": string, "entity": string,
                "entityId": uuid,
                "entityLabel": string, "action": oneOf(AuditEvent.Action.self),
                "changes": [
                    "type": "array",
                    "items": object(["field": string, "before": optional(string), "after": optional(string)]),
                ],
            ]),
            "Indicator": object(
                [
                    "id": uuid, "code": text(.code), "sector": text(.code), "label": text(.line), "unit": text(.code),
                    "valueType": oneOf(IndicatorValueType.self), "derived": optional(oneOf(DerivedIndicator.self)),
                    "standard": [
                        "type": ["object", "null"],
                        "properties": [
                            "comparison": oneOf(Comparison.self),
                            "cuts": ["type": "array", "items": number, "minItems": 4, "maxItems": 4],
                        ],
                    ],
                    "options": [
                        "type": "array",
                        "items": object([
                            "value": string, "label": string,
                            "severity": ["type": ["integer", "null"], "minimum": 1, "maximum": 5],
                        ]),
                    ],
                    "source": text(.line), "archived": boolean,
                ], required: ["code", "sector", "label", "unit", "valueType"]),
            "RoundInput": object(
                [
                    "conductedOn": day, "keyInformants": ["type": "array", "items": string],
                    "values": [
                        "type": "object", "additionalProperties": ["type": ["number", "string"]],
                        "description": "Answers by indicator code: numbers, or answer codes such as adequate or yes",
                    ],
                ],
                required: ["conductedOn", "values"]),
            "Round": object([
                "id": uuid, "siteId": uuid, "conductedOn": day, "keyInformants": ["type": "array", "items": string],
                "catalogueVersion": integer, "population": optional(integer),
                "values": ["type": "object", "additionalProperties": ["type": ["number", "string"]]],
                "overallSeverity": ["type": ["integer", "null"], "minimum": 1, "maximum": 5],
                "sectorSeverities": ["type": "object", "additionalProperties": integer],
                "unmetStandards": [
                    "type": "array",
                    "items": object([
                        "indicator": string, "sector": string, "severity": integer,
                        "value": optional(number), "standard": number, "summary": string,
                    ]),
                ],
                "source": oneOf(MonitoringRound.Source.self),
            ]),
            "GapAnalysis": object(
                [
                    "items": [
                        "type": "array",
                        "items": object([
                            "siteId": uuid, "code": string, "name": string, "type": oneOf(SiteType.self),
                            "adminArea": string, "population": integer, "conductedOn": day, "severity": integer,
                            "overallSeverity": optional(integer),
                            "sectorSeverities": ["type": "object", "additionalProperties": integer],
                            "unmetStandards": ["type": "array", "items": string],
                        ]),
                    ],
                    "total": integer, "limit": integer, "offset": integer,
                    "summary": object([
                        "sitesAssessed": integer, "peopleAssessed": integer,
                        "sitesBySeverity": ["type": "array", "items": integer],
                        "peopleBySeverity": ["type": "array", "items": integer], "peopleInNeed": integer,
                        "areaSeverity": optional(integer),
                    ]),
                ], required: ["items", "total", "limit", "offset", "summary"]),
            "ActivityInput": object(activityInput, required: activityRequired),
            "Activity": object(activity, required: ["id"] + activityRequired),
            "ImportPreview": importPreview,
            "ImportFile": object(["file": ["type": "string", "format": "binary"]], required: ["file"]),
            "LockedMonth": object(["month": month, "locked": boolean]),
            "Gap": object([
                "siteId": uuid, "code": string, "sector": string, "severity": integer, "population": integer,
            ]),
            "Duplication": object([
                "siteId": uuid, "activity": string, "organisationIds": ["type": "array", "items": uuid],
                "reached": integer, "population": optional(integer),
            ]),
            "TargetInput": object(targetInput, required: ["sector", "fromMonth", "toMonth", "people"]),
            "Target": object(target, required: ["id", "sector", "fromMonth", "toMonth", "people"]),
            "Progress": progress,
            "ActivityType": object(
                [
                    "id": uuid, "code": ["type": "string", "maxLength": 20],
                    "sector": ["type": "string", "enum": ResponseSector.all.map(\.code)], "name": text(.name),
                    "archived": boolean,
                ], required: ["code", "sector", "name"]),
            "SitePresence": object([
                "siteId": uuid, "code": string, "name": string,
                "sectors": ["type": "object", "additionalProperties": ["type": "array", "items": uuid]],
            ]),
            "AreaPresence": object([
                "pcode": string, "name": string, "organisations": integer,
                "organisationIds": ["type": "array", "items": uuid],
                "sectors": ["type": "array", "items": string],
            ]),
            "FeedbackCategory": object([
                "code": ["type": "string", "maxLength": 20], "label": text(.name), "sensitive": boolean,
                "acknowledgeDays": integer, "respondHours": integer,
            ]),
            "FeedbackInput": object(
                feedbackInput, required: ["siteId", "channel", "category", "description", "consentToContact"]),
            "Feedback": object(
                feedback,
                required: ["id", "reference", "receivedAt", "channel", "siteId", "category", "sensitive", "status"]),
            "FeedbackTransition": object(
                [
                    "to": oneOf(FeedbackStatus.self), "organisationId": optional(uuid),
                    "focalPoint": optional(text(.name)),
                    "response": optional(text(.note)), "closedVia": optional(oneOf(FeedbackChannel.self)),
                    "satisfaction": optional(oneOf(FeedbackSatisfaction.self)),
                ], required: ["to"]),
            "FeedbackReclassification": object(
                ["category": string, "sector": optional(["type": "string", "enum": ResponseSector.all.map(\.code)])],
                required: ["category"]),
            "Service": object(
                [
                    "id": uuid, "siteId": uuid, "sector": ["type": "string", "enum": ResponseSector.all.map(\.code)],
                    "providerId": uuid,
                    "name": text(.name), "location": optional(text(.line)), "hours": optional(text(.line)),
                    "contact": optional(text(.line)),
                    "referralFocalPoint": optional(text(.line)), "archived": boolean,
                ], required: ["siteId", "sector", "providerId", "name"]),
            "FeedbackFigures": feedbackFigures,
            "Problem": object(
                [
                    "type": string, "title": string, "status": integer,
                    "detail": ["type": "string", "maxLength": 2_000],
                    "errors": ["type": "array", "items": fieldError, "maxItems": 100],
                ], required: ["status", "detail"]),
        ]
    }
}
