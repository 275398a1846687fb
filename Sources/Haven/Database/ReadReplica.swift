import Fluent
import Vapor

extension DatabaseID {
    /// The PostgreSQL read replica of `DATABASE_READ_URL`.
    static let readReplica = DatabaseID(string: "read-replica")
}

extension Request {
    /// Where dashboards, figures and public pages read: the read replica when one is configured, which may
    /// lag the primary by the replication delay, otherwise the database itself. Nothing that decides a
    /// write, checks a permission or shows what someone has just saved reads here.
    var replica: any Database {
        application.havenSettings.readReplicaURL == nil ? db : db(.readReplica)
    }
}
