import Plot

/// The search results page: what was looked for, and what each source found.
struct SearchView {
    var user: UserContext
    var query: SearchQuery
    var groups: [SearchQuery.Group]

    func render() -> String {
        Layout.page(
            query.text.isEmpty ? "Search" : "Search: \(query.text)", user: user,
            .h1("Search"),
            .form(
                .class("filters"), .method(.get), .action(Paths.search),
                .label(
                    "Sites, areas, organisations, activities, complaint references",
                    .input(.type(.search), .name("q"), .value(escaping: query.text))),
                .button(.type(.submit), "Search")),
            .if(
                !query.text.isEmpty && groups.isEmpty,
                .p(
                    .text("Nothing found for “\(query.text)”. Each word is matched as the start of a word: "),
                    .text("try fewer words, or part of a name or code."))),
            .forEach(groups) { group in
                .section(
                    .h2(
                        .text(
                            "\(group.heading) (\(group.results.count == SearchQuery.limit ? "first " : "")\(group.results.count))"
                        )),
                    .ul(
                        .class("results"),
                        .forEach(group.results) { result in
                            .li(.a(.href(result.link), .text(result.title)), " ", .small(.text(result.detail)))
                        }))
            })
    }
}
