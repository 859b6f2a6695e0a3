package workspace

import (
	"context"

	"github.com/lacuna-project/lacuna/internal/report"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
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
	br, record, err := b.BriefIn(ctx, country, template, lang)
	if err != nil {
		return nil, err
	}
	record()
	return br, nil
}

// Brief is BriefIn with the default language.
func (b *Batch) Brief(ctx context.Context, country, template string) (*report.Briefing, func(), error) {
	return b.BriefIn(ctx, country, template, "")
}

// BriefIn is BriefingIn without recording: record hands the fresh result
// to the batch's Recorder; the caller calls it once the pack is written,
// so a pack whose output failed is never recorded as a run.
func (b *Batch) BriefIn(ctx context.Context, country, template, lang string) (br *report.Briefing, record func(), err error) {
	a, err := b.Country(ctx, country)
	if err != nil {
		return nil, nil, err
	}
	if a.Skipped {
		return nil, nil, nothingInForce(country, b.opts.AsOf)
	}
	record = func() { b.Record(a, map[string]string{"command": "brief", "template": template}) }
	br, err = b.build(a, country, template, lang)
	if err != nil {
		return nil, nil, err
	}
	return br, record, nil
}

func (b *Batch) build(a *CountryAnalysis, country, template, lang string) (*report.Briefing, error) {
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

// GitBriefOptions choose what GitBriefing briefs.
type GitBriefOptions struct {
	Country  string // "" = the history's one country
	AsOf     string // the versions in force then; "" = the latest
	Template string
	// Lang is the pack's language; "" = the language of most provisions
	// analysed when a pack exists in it, else English (report.DefaultLang).
	Lang string
	// Overrides are reviewer decisions, applied to every analysis, the
	// timeline's too: a decision recording the versions it was made on
	// applies to those and is stale, the machine verdict kept, for the
	// others (see GitHistory.OverrideWarnings).
	Overrides []score.Override
}

// GitBriefing builds the briefing model of the statutes of a git history:
// the analysis of the versions in force at o.AsOf, and, for the
// amendments template, the timeline of every version.
func (w *Workspace) GitBriefing(m *standard.Map, h *GitHistory, o GitBriefOptions) (*report.Briefing, error) {
	country, asOf, template := o.Country, o.AsOf, o.Template
	if country == "" {
		c, err := h.Country()
		if err != nil {
			return nil, err
		}
		country = c
	}
	opts := score.Options{Country: country, AsOf: asOf, LacunaVersion: w.cfg.ToolVersion, Today: w.Today(), Overrides: o.Overrides}
	res, err := score.Analyze(h.Corpus, m, opts)
	if err != nil {
		return nil, inputErr(err)
	}
	if len(res.Statutes) == 0 {
		return nil, nothingInForce(country, asOf)
	}
	lang := o.Lang
	if lang == "" {
		counts := map[string]int{}
		for _, st := range AnalysedStatutes(res, h.Corpus) {
			counts[st.Meta.Lang()] += len(st.All)
		}
		lang = report.DefaultLang(counts)
	}
	loc, err := report.EmbeddedLocale(lang)
	if err != nil {
		return nil, err
	}
	titles, err := w.MapTitles(m, lang, true)
	if err != nil {
		return nil, err
	}
	var metas []statute.Meta
	for _, st := range h.Corpus.Country(country).Statutes {
		metas = append(metas, st.Meta)
	}
	in := report.Input{Result: res, Map: m, Statutes: metas, Date: w.Today(), ToolVersion: w.cfg.ToolVersion, Locale: loc, Titles: titles}
	for _, md := range metas {
		if md.CountryName != "" {
			in.CountryName = md.CountryName
			break
		}
	}
	if template == AmendmentsTemplate {
		tl, err := Timeline(m, h.Corpus, opts)
		if err != nil {
			return nil, err
		}
		in.Timeline = tl
	}
	return report.Build(in)
}
