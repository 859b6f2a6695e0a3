package workspace

import (
	"context"

	"github.com/lacuna-project/lacuna/internal/report"
)

// AmendmentsTemplate is the briefing template that replays every version
// (its Batch must be over a Plan of AllVersions, without reuse).
const AmendmentsTemplate = "amendments"

// Briefing is BriefingIn with the default language.
func (b *Batch) Briefing(ctx context.Context, country, template string) (*report.Briefing, error) {
	return b.BriefingIn(ctx, country, template, "")
}

// BriefingIn analyses one country (or reuses its stored result), records a
// fresh result with the batch's Recorder, and builds the country's
// briefing model for template (with its timeline for the amendments
// template) in lang: en, fr or es, or "" for the language of most of the
// provisions analysed when it is fr or es, else en (report.DefaultLang).
// The country is named by its statutes' country_name when they give one.
// A country with nothing in force at the batch's date is an *InputError
// wrapping ErrNothingInForce.
func (b *Batch) BriefingIn(ctx context.Context, country, template, lang string) (*report.Briefing, error) {
	a, err := b.Country(ctx, country)
	if err != nil {
		return nil, err
	}
	if a.Skipped {
		return nil, nothingInForce(country, b.opts.AsOf)
	}
	if lang == "" {
		counts, err := b.plan.ProvisionLanguages(country)
		if err != nil {
			return nil, err
		}
		lang = report.DefaultLang(counts)
	}
	loc, err := report.EmbeddedLocale(lang)
	if err != nil {
		return nil, err
	}
	b.Record(a, map[string]string{"command": "brief", "template": template})
	metas := b.plan.Metas(country)
	titles, err := b.w.MapTitles(b.m, lang, true)
	if err != nil {
		return nil, err
	}
	in := report.Input{Result: a.Result, Map: b.m, Statutes: metas, Date: b.today, ToolVersion: b.w.cfg.ToolVersion, Locale: loc, Titles: titles}
	for _, m := range metas {
		if m.CountryName != "" {
			in.CountryName = m.CountryName
			break
		}
	}
	if template == AmendmentsTemplate {
		tl, err := Timeline(b.m, a.Corpus, a.Options)
		if err != nil {
			return nil, err
		}
		in.Timeline = tl
	}
	return report.Build(in)
}
