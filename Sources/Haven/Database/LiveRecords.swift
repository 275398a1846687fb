import Fluent

extension QueryBuilder where Model: Audited {
    /// Records not archived: what lists, lookups and figures read unless archived ones are asked for.
    @discardableResult
    func live() -> Self {
        filter(
            .extendedPath(["archived_at"], schema: Model.schemaOrAlias, space: Model.spaceIfNotAliased), .equal, .null)
    }

    /// Archived records only, for the pages that list them to restore.
    @discardableResult
    func archived() -> Self {
        filter(
            .extendedPath(["archived_at"], schema: Model.schemaOrAlias, space: Model.spaceIfNotAliased), .notEqual,
            .null)
    }
}
