// Package report builds the format-neutral briefing pack (Briefing) from an
// analysis Result, the standards Map and the statutes' front matter, and
// renders it through Markdown templates.
//
// Data flow: Build → Briefing → Execute(template) → Markdown with directive
// fences (cover, toc, chart, pagebreak) → a Renderer: MarkdownRenderer here
// (directives expanded to plain Markdown), report/pdf for PDF, report/html
// for a self-contained HTML file. Statute text enters templates only through
// Escape/EscapeBlock, so it is never read as Markdown or template code.
//
// The engine's explanations are reason codes with arguments: Build keeps
// the result's English texts, or renders them from Input.Reasons (an
// internal/reason catalogue) in that catalogue's language.
//
// Languages: a pack is written in one Locale (en, fr, es): every word a
// reader sees comes from templates/lang/<lang>.yaml (templates call t and
// count; Build, the PDF and HTML renderers take their words, numbers,
// dates and terms from the Locale), the engine's sentences from
// templates/reasons/<lang>.yaml (including the checks' found and missing
// labels and the score computation lines), the map's texts (titles,
// statements, element labels, recommendations, model provisions, article
// summaries; unofficial translations, which the pack says in its limits
// and in Briefing.MapNote) from Input.Titles. A key
// missing from a catalogue fails the template; tests check that every
// language has every key. Quotations stay in the statute's language.
//
// It must not import goldmark or fpdf (those live in report/pdf and
// report/html), read the clock or touch the file system beyond the fs.FS of
// templates it is given.
package report
