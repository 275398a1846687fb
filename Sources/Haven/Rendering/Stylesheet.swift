import Vapor

/// One small stylesheet, served from memory: readable on a phone, clean on paper, no build step.
enum Stylesheet {
    static let css = """
        :root { --ink: #1d2733; --muted: #5b6877; --line: #d5dbe2; --accent: #0b5c8e; --bad: #b3261e; --bg: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
        header.top { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .6rem 1rem; background: var(--accent); color: #fff; }
        header.top a { color: #fff; text-decoration: none; }
        .brand { font-weight: 700; font-size: 1.15rem; }
        header nav { display: flex; flex-wrap: wrap; gap: .8rem; align-items: center; flex: 1; }
        .who { margin-inline-start: auto; font-size: .85rem; opacity: .9; }
        form.search { margin: 0; margin-inline-start: auto; }
        form.search input { width: 11rem; max-width: 40vw; padding: .25rem .5rem; border: 0; border-radius: 3px; font: inherit; }
        form.search + .who { margin-inline-start: 0; }
        ul.results { list-style: none; padding: 0; } ul.results li { padding: .3rem 0; border-bottom: 1px solid var(--line); }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.5rem; margin: .2rem 0 .8rem; }
        h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
        a { color: var(--accent); }
        table { border-collapse: collapse; width: 100%; font-size: .92rem; }
        th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: var(--bg); font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .table-wrap { overflow-x: auto; }
        /* On a narrow screen a wide table scrolls inside its frame while the column that says what each row is stays in view. */
        .table-wrap th:first-child, .table-wrap td:first-child { position: sticky; inset-inline-start: 0; background: #fff; z-index: 1; }
        .table-wrap th:first-child { background: var(--bg); }
        .filters { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; margin-bottom: 1rem; padding: .6rem; background: var(--bg); border-radius: 6px; }
        .filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
        input, select, textarea, button { font: inherit; padding: .35rem .5rem; border: 1px solid #aab4bf; border-radius: 4px; max-width: 100%; }
        button, .button { background: var(--accent); color: #fff; border: 0; cursor: pointer; text-decoration: none; padding: .45rem .9rem; border-radius: 4px; display: inline-block; }
        button.secondary { background: #e4e9ee; color: var(--ink); }
        .field { margin-bottom: .8rem; display: flex; flex-direction: column; max-width: 32rem; }
        .field label { font-weight: 600; font-size: .9rem; }
        .field small, small.code { color: var(--muted); }
        small.code { white-space: nowrap; }
        .field.invalid input, .field.invalid select { border-color: var(--bad); background: #fff5f4; }
        .error, .errors { color: var(--bad); }
        p.error { margin: .2rem 0 0; font-size: .9rem; }
        .notice { padding: .6rem .8rem; background: #e8f4ea; border-inline-start: 4px solid #2e7d32; margin-bottom: 1rem; }
        .alert { padding: .6rem .8rem; background: #fdecea; border-inline-start: 4px solid var(--bad); margin-bottom: 1rem; }
        .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .2rem 1rem; margin: 0; }
        .facts div { padding: .3rem 0; border-bottom: 1px dotted var(--line); }
        .facts dt { font-size: .8rem; color: var(--muted); }
        .facts dd { margin: 0; }
        .totals { display: flex; flex-wrap: wrap; gap: 1rem; margin: .5rem 0 1rem; }
        .totals div { background: var(--bg); padding: .5rem .8rem; border-radius: 6px; }
        .totals strong { display: block; font-size: 1.3rem; }
        .pager { display: flex; gap: 1rem; align-items: center; margin: .8rem 0; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
        svg { max-width: 100%; height: auto; }
        svg text { font: 11px system-ui, sans-serif; fill: var(--muted); }
        .status { padding: .05rem .4rem; border-radius: 3px; font-size: .8rem; background: #e4e9ee; }
        .status-open { background: #dcefdc; } .status-closing { background: #fdf0d5; } .status-closed { background: #eee; color: #666; }
        .actions { display: flex; gap: .5rem; flex-wrap: wrap; margin: .5rem 0 1rem; }
        .changes { margin: 0; padding-inline-start: 1rem; font-size: .85rem; }
        .sadd input { width: 6rem; } .sadd input.invalid { border-color: var(--bad); background: #fff5f4; }
        .sev { display: inline-block; min-width: 1.6rem; text-align: center; border-radius: 3px; padding: 0 .3rem; font-weight: 600; }
        .sev1 { background: #d4ecd4; fill: #7fbf7f; } .sev2 { background: #fff1a8; fill: #e8c800; }
        .sev3 { background: #fdc982; fill: #f39c34; } .sev4 { background: #f48a66; fill: #dd4b1a; }
        .sev5 { background: #b3261e; color: #fff; fill: #8c1111; }
        fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 1rem; padding: .5rem .8rem; }
        legend { font-weight: 700; padding: 0 .3rem; }
        .worse { color: var(--bad); } .better { color: #2e7d32; }
        .legend { display: flex; flex-wrap: wrap; gap: .4rem; font-size: .85rem; }
        table.heat td, table.heat th { padding: .25rem .35rem; }
        table.heat th.sector { font-size: .75rem; writing-mode: vertical-rl; transform: rotate(180deg); height: 7rem; }
        svg.map circle { stroke: #fff; stroke-width: .5; }
        .hint { color: var(--muted); font-size: .9rem; }
        nav.sublinks { display: flex; flex-wrap: wrap; gap: .3rem 1rem; margin: 0 0 1rem; font-size: .95rem; }
        nav.sublinks strong { color: var(--ink); }
        nav.languages { display: flex; flex-wrap: wrap; gap: .3rem 1rem; justify-content: flex-end; font-size: 1rem; }
        [dir=rtl] td, [dir=rtl] th { text-align: right; } [dir=rtl] td.num, [dir=rtl] th.num { text-align: left; }
        td.progress { white-space: nowrap; } td.progress strong { display: inline-block; min-width: 3.2rem; }
        svg.progress { width: 10rem; vertical-align: middle; }
        svg.bars { max-width: 30rem; }
        td.who { font-size: .8rem; }
        .missing { display: inline-block; margin: .1rem; padding: .05rem .4rem; border-radius: 3px; background: #fdecea; }
        svg.areas path { stroke: #fff; stroke-width: .8; stroke-linejoin: round; }
        .shade0 { fill: #e4e9ee; } .shade1 { fill: #c6dbef; } .shade2 { fill: #9ecae1; } .shade3 { fill: #6baed6; }
        .shade4 { fill: #3182bd; } .shade5 { fill: #08519c; }
        svg.map path.area { fill: #fff; stroke: #8a94a0; stroke-width: .8; stroke-linejoin: round; }
        @media (max-width: 40rem) {
          .hide-narrow { display: none; }
          main { padding: .6rem; }
          th, td { padding: .3rem; }
        }
        @page { size: A4; margin: 10mm; }
        @media print {
          /* Severity colours print as they show; the number in each chip says the same for a grey printer. */
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          body { font-size: 9pt; line-height: 1.3; }
          header.top, .filters, .pager, .actions, form, nav, .noprint, p.links, details, .downloads { display: none !important; }
          main { max-width: none; padding: 0; }
          a { color: inherit; text-decoration: none; }
          h1 { font-size: 14pt; margin: 0 0 4pt; }
          h2 { font-size: 10.5pt; margin: 7pt 0 3pt; break-after: avoid; }
          table, svg { break-inside: avoid; }
          .table-wrap { overflow: visible; }
          .table-wrap th:first-child, .table-wrap td:first-child { position: static; }
          table { font-size: 8.5pt; } th, td { padding: .5pt 3pt; }
          h3 { font-size: 9.5pt; margin: 5pt 0 2pt; } ul { margin: 2pt 0; }
          .totals { gap: 4pt; margin: 2pt 0 4pt; } .totals div { padding: 2pt 5pt; } .totals strong { font-size: 11pt; }
          .facts { grid-template-columns: repeat(4, 1fr); } .facts div { padding: 1pt 0; } .facts .empty, tr.quiet, .explain { display: none; }
          ul.in-columns { columns: 2; column-gap: 8mm; }
          div.qr svg { width: 40mm; height: 40mm; }
          .charts { grid-template-columns: repeat(3, 1fr); gap: 4pt; } .charts svg { max-height: 32mm; }
          .printed { display: block !important; color: var(--muted); font-size: 8pt; }
        }
        .printed { display: none; }
        div.qr { float: inline-end; margin: 0 0 .5rem 1rem; } div.qr svg { width: 9rem; height: 9rem; }
        """

    static func response() -> Response {
        let response = Response(status: .ok)
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        response.body = .init(string: css)
        return response
    }
}
