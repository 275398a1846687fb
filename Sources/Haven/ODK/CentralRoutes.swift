import Fluent
import Vapor

/// The part of ODK Central's REST API that the pyodk client uses: sessions, the current user, the project,
/// its form, submissions, and the OData feed of submissions.
struct CentralRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let v1 = routes.grouped("v1")
        v1.post("sessions", use: openSession)
        v1.get("users", "current", use: currentUser)
        v1.get("projects", use: projects)
        let project = v1.grouped("projects", ":project")
        project.get(use: oneProject)
        project.get("forms", use: forms)
        project.get("forms", ":form", use: form)
        project.get("forms", ":form", "submissions", use: submissions)
        project.on(.POST, "forms", ":form", "submissions", body: .collect(maxSize: "10mb"), use: createSubmission)
        project.get("forms", ":form", "submissions", ":instance", use: submission)
        // Clients ask for a submission's attachments right after sending it; Haven's forms have none.
        project.get("forms", ":form", "submissions", ":instance", "attachments") { req -> [String] in
            _ = try await Self.received(req, readingBack: false)
            return []
        }
        project.get("forms", ":form", "Submissions", use: odata)
    }

    struct Session: Content {
        var token: String
        var expiresAt: Date
        var createdAt: Date
    }

    func openSession(req: Request) async throws -> Session {
        let credentials = try req.content.decode(SessionAPI.Credentials.self)
        let opened = try await Login.open(email: credentials.email, password: credentials.password, kind: .api, on: req)
        return Session(token: opened.token, expiresAt: opened.expiresAt, createdAt: Date())
    }

    struct Actor: Content {
        var id: Int
        var type = "user"
        var displayName: String
        var email: String
        var createdAt: Date
    }

    func currentUser(req: Request) async throws -> Actor {
        let user = try req.requireUser()
        return Actor(
            id: user.id.odkActorID, displayName: user.name.isEmpty ? user.email : user.name, email: user.email,
            createdAt: Date())
    }

    struct Project: Content {
        var id: Int
        var name: String
        var createdAt: Date
        var archived: Bool
    }

    static let operation = Project(
        id: OpenRosaRoutes.project, name: "Haven operation", createdAt: Date(timeIntervalSince1970: 0), archived: false)

    func projects(req: Request) async throws -> [Project] {
        _ = try req.requireUser()
        return [Self.operation]
    }

    func oneProject(req: Request) async throws -> Project {
        _ = try OpenRosaRoutes.project(req)
        return Self.operation
    }

    /// A form as Central describes it; pyodk expects every one of these fields, the nullable ones too.
    struct Form: Content {
        var projectId: Int
        var xmlFormId: String
        var version: String
        var hash: String
        var state = "open"
        var createdAt: Date
        var name: String?
        var enketoId: String?
        var keyId: Int?
        var updatedAt: Date?
        var publishedAt: Date?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(projectId, forKey: .projectId)
            try c.encode(xmlFormId, forKey: .xmlFormId)
            try c.encode(version, forKey: .version)
            try c.encode(hash, forKey: .hash)
            try c.encode(state, forKey: .state)
            try c.encode(createdAt, forKey: .createdAt)
            try c.encode(name, forKey: .name)
            try c.encode(enketoId, forKey: .enketoId)
            try c.encode(keyId, forKey: .keyId)
            try c.encode(updatedAt, forKey: .updatedAt)
            try c.encode(publishedAt, forKey: .publishedAt)
        }
    }

    func forms(req: Request) async throws -> [Form] {
        _ = try OpenRosaRoutes.project(req)
        return try await ODKForms.current(req).map(Self.describe)
    }

    static func describe(_ form: ODKForms.Published) -> Form {
        Form(
            projectId: OpenRosaRoutes.project, xmlFormId: form.id, version: form.version,
            hash: ODKForms.hash(form.document),
            createdAt: Date(timeIntervalSince1970: 0), name: form.title, updatedAt: Date(),
            publishedAt: Date(timeIntervalSince1970: 0))
    }

    /// `forms/haven_feedback` is the form's description; `forms/haven_feedback.xml` the XForm itself.
    func form(req: Request) async throws -> Response {
        _ = try OpenRosaRoutes.project(req)
        let name = req.parameters.get("form") ?? ""
        if name.hasSuffix(".xml") {
            return OpenRosaRoutes.xml(try await ODKForms.named(String(name.dropLast(4)), req).document)
        }
        return try await Self.describe(try await ODKForms.named(name, req)).encodeResponse(for: req)
    }

    struct Submission: Content {
        var instanceId: String
        var submitterId: Int
        var createdAt: Date
        var updatedAt: Date?
        var reviewState: String?
        var deviceId: String?

        init(_ receipt: ODKReceipt) {
            instanceId = receipt.instanceID
            submitterId = receipt.submitterID?.odkActorID ?? 0
            createdAt = receipt.receivedAt
        }
    }

    /// The form's submissions, for forms whose submissions may be read back.
    func submissions(req: Request) async throws -> [Submission] {
        let form = try Self.form(req, readingBack: true)
        return try await form.submissions(try PageRequest(req).rows, on: req.db).map(Submission.init)
    }

    func createSubmission(req: Request) async throws -> Response {
        let user = try OpenRosaRoutes.project(req)
        let form = try ODKForms.form(req.parameters.get("form"))
        guard let body = req.body.data, body.readableBytes > 0 else {
            throw HavenError.badRequest("The submission XML is missing.")
        }
        let receipt = try await ODKForms.receive(Data(buffer: body), form: form.formID, from: user, on: req)
        return try await Submission(receipt).encodeResponse(status: .ok, for: req)
    }

    func submission(req: Request) async throws -> Submission {
        Submission(try await Self.received(req, readingBack: true))
    }

    /// `forms/<form>.svc/Submissions`, for forms that offer an OData feed.
    func odata(req: Request) async throws -> Response {
        _ = try OpenRosaRoutes.project(req)
        let name = req.parameters.get("form") ?? ""
        guard name.hasSuffix(".svc"), let feed = try await ODKForms.form(String(name.dropLast(4))).odata(req) else {
            throw HavenError.notFound("Form")
        }
        return feed
    }

    /// The form named in the path, in the project; 404 for one that cannot be read back when that is asked.
    static func form(_ req: Request, readingBack: Bool) throws -> any ODKForm.Type {
        _ = try OpenRosaRoutes.project(req)
        let form = try ODKForms.form(req.parameters.get("form"))
        guard form.readsBack || !readingBack else { throw HavenError.notFound("Form") }
        return form
    }

    /// The submission named in the path.
    static func received(_ req: Request, readingBack: Bool) async throws -> ODKReceipt {
        let form = try form(req, readingBack: readingBack)
        let instance = req.parameters.get("instance")?.removingPercentEncoding ?? ""
        guard let receipt = try await form.submission(instance, on: req.db) else {
            throw HavenError.notFound("Submission")
        }
        return receipt
    }
}

extension UUID {
    /// ODK Central identifies actors by small integers; Haven's ids become one, stable and positive.
    var odkActorID: Int {
        let bytes = uuid
        return Int(bytes.0 & 0x7f) << 24 | Int(bytes.1) << 16 | Int(bytes.2) << 8 | Int(bytes.3)
    }
}
