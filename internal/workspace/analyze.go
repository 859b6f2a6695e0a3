package workspace

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/store"
)

// OverridesFor resolves the reviewer decisions of one country's analysis:
// the file at explicit when given, else an overrides file that exists
// beside a corpus directory (read strictly: an unreadable file is an
// *InputError), else the embedded demo corpus's file, else none.
func (w *Workspace) OverridesFor(m *standard.Map, country, explicit string) (*Overrides, error) {
	p := explicit
	if p == "" && country != "" {
		if w.cfg.Corpus == "" {
			return w.Overrides(m, country)
		}
		p = w.OverridesPath(country)
	}
	if p == "" {
		return &Overrides{}, nil
	}
	return ReadOverrides(p, m)
}

// Analysis is a result and how it was obtained.
type Analysis struct {
	Result *score.Result
	// Overrides are the reviewer decisions applied (AnalyzeCountry).
	Overrides *Overrides
	// Key is the input key the result is stored under ("" when not cached).
	Key string
	// Reused is the stored run whose result was reused; nil when analysed
	// afresh.
	Reused *store.Run
	// Warnings are about the inputs: an override whose evidence cites a
	// provision the statute does not have, or has under a new ID.
	Warnings statute.ErrorList
	corpus   *statute.Corpus
}

// Analyze analyses c against m. With cache true, a result stored under the
// same inputs (InputKey: content hashes of the versions selected, map,
// tool, as_of, overrides) is reused instead; looking up is best effort:
// a store that cannot be read means a fresh analysis. An analysis error is
// an *InputError.
func (w *Workspace) Analyze(ctx context.Context, c *statute.Corpus, m *standard.Map, opts score.Options, cache bool) (*Analysis, error) {
	a := &Analysis{corpus: c, Warnings: OverrideEvidenceWarnings(opts.Overrides, c)}
	if cache {
		a.Key = w.InputKey(KeyInput{MapVersion: m.Version, MapHash: MapHash(m), Country: opts.Country, AsOf: opts.AsOf,
			SHAs: shasOf(c.Statutes), Overrides: opts.Overrides, Today: opts.Today, Options: analyzeOptions()})
		if a.Key != "" {
			if s, err := w.ReadStore(ctx); err == nil && s != nil {
				run, js, err := s.CachedResult(ctx, a.Key)
				s.Close()
				var res score.Result
				if err == nil && json.Unmarshal(js, &res) == nil {
					a.Reused, a.Result = &run, &res
					return a, nil
				}
			}
		}
	}
	res, err := score.Analyze(c, m, opts)
	if err != nil {
		return nil, inputErr(err)
	}
	a.Result = res
	return a, nil
}

// AnalyzeCountry analyses one country of the configured corpus with the
// configured map: its latest statute versions, or those in force at asOf,
// with the overrides of OverridesFor(country, overridesFile), reusing a
// stored result when cache is true (see Analyze). A country with nothing
// to analyse gives a Result without statutes; the caller says why.
func (w *Workspace) AnalyzeCountry(ctx context.Context, country, asOf, overridesFile string, cache bool) (*Analysis, error) {
	m, err := w.Map()
	if err != nil {
		return nil, err
	}
	c, err := w.CorpusFor(country, asOf)
	if err != nil {
		return nil, err
	}
	ov, err := w.OverridesFor(m, country, overridesFile)
	if err != nil {
		return nil, err
	}
	a, err := w.Analyze(ctx, c, m, score.Options{Country: country, AsOf: asOf, LacunaVersion: w.cfg.ToolVersion,
		Overrides: ov.List, Today: w.Today()}, cache)
	if err != nil {
		return nil, err
	}
	a.Overrides = ov
	return a, nil
}

// Save records a's run under its key (nothing when the result was reused)
// and returns the run's ID; options are the command's flags that shaped
// the result.
func (w *Workspace) Save(ctx context.Context, a *Analysis, options map[string]string) (string, error) {
	if a.Reused != nil {
		return a.Reused.ID, nil
	}
	if a.Key == "" {
		return w.SaveRun(ctx, a.Result, a.corpus, options)
	}
	sts := AnalysedStatutes(a.Result, a.corpus)
	srcs := make([][]byte, len(sts))
	for i, st := range sts {
		src, err := w.Source(st)
		if err != nil {
			return "", err
		}
		srcs[i] = src
	}
	js, err := resultJSON(a.Result)
	if err != nil {
		return "", err
	}
	rec, err := w.OpenRecorder(ctx, false)
	if err != nil {
		return "", err
	}
	id, err := rec.Add(ctx, a.Result, js, sts, srcs, a.Key, options)
	if cerr := rec.Close(ctx); err == nil {
		err = cerr
	}
	return id, err
}

// BatchOptions shape a Batch.
type BatchOptions struct {
	AsOf string
	// Overrides is an overrides file for every country (one country's
	// batch); "" = each country's file beside the corpus.
	Overrides string
	// Reuse keys each result and reuses a stored one (with a Recorder).
	Reuse bool
	// Decode decodes a reused result (its findings are needed); else only
	// its JSON and scores are returned.
	Decode bool
	// JSON encodes every fresh result (EncodeResult) into CountryAnalysis.JSON.
	JSON bool
	// OnAnalyze, when set, is called each time a country is analysed
	// afresh rather than reused (tests count them).
	OnAnalyze func(country string)
}

// Batch analyses the countries of a Plan one at a time, with the map
// compiled once, reusing stored results and recording fresh ones through a
// Recorder (nil = no store). Country may be called from several
// goroutines.
type Batch struct {
	w       *Workspace
	m       *standard.Map
	plan    *Plan
	eng     *score.Engine
	rec     *Recorder
	opts    BatchOptions
	today   string
	mapHash string
}

// NewBatch compiles m (an error is an *InputError) and returns a Batch
// over plan, without a store until SetRecorder. "Today" (review expiry) is
// fixed now, from Config.Now.
func (w *Workspace) NewBatch(m *standard.Map, plan *Plan, opts BatchOptions) (*Batch, error) {
	eng, err := score.Compile(m)
	if err != nil {
		return nil, inputErr(err)
	}
	return &Batch{w: w, m: m, plan: plan, eng: eng, opts: opts, today: w.Today(), mapHash: MapHash(m)}, nil
}

// SetRecorder makes the batch reuse stored results and record fresh ones
// through rec (nil = no store). It is called before the first Country.
func (b *Batch) SetRecorder(rec *Recorder) { b.rec = rec }

// Today is the date the batch judges review expiry by.
func (b *Batch) Today() string { return b.today }

// CountryAnalysis is one country's outcome in a Batch.
type CountryAnalysis struct {
	Country string
	// Result is nil for a reused result not decoded (BatchOptions.Decode).
	Result *score.Result
	// JSON is the result as EncodeResult writes it (reused, or fresh with
	// BatchOptions.JSON or a key).
	JSON []byte
	// Scores and Statutes (how many) are set for every result, for
	// summaries.
	Scores   score.Scores
	Statutes int
	Reused   bool
	// Skipped: nothing in force at the batch's date (no result).
	Skipped bool
	// Corpus is the country's statutes as loaded (nil when reused).
	Corpus    *statute.Corpus
	Overrides *Overrides
	Options   score.Options

	key  string
	sts  []*statute.Statute
	srcs [][]byte
}

// Country analyses one country of the plan, or reuses its stored result.
func (b *Batch) Country(ctx context.Context, cc string) (*CountryAnalysis, error) {
	out := &CountryAnalysis{Country: cc}
	var err error
	if b.opts.Overrides != "" {
		out.Overrides, err = ReadOverrides(b.opts.Overrides, b.m)
	} else {
		out.Overrides, err = b.w.Overrides(b.m, cc)
	}
	if err != nil {
		return nil, err
	}
	in, err := b.plan.Read(cc)
	if err != nil {
		return nil, err
	}
	out.Options = score.Options{Country: cc, AsOf: b.opts.AsOf, LacunaVersion: b.w.cfg.ToolVersion, Overrides: out.Overrides.List, Today: b.today}
	if b.rec != nil && b.opts.Reuse {
		out.key = b.w.InputKey(KeyInput{MapVersion: b.m.Version, MapHash: b.mapHash, Country: cc, AsOf: b.opts.AsOf,
			SHAs: in.SHAs, Overrides: out.Overrides.List, Today: b.today, Options: analyzeOptions()})
		run, js, err := b.rec.Cached(ctx, out.key)
		if err != nil {
			return nil, err
		}
		if js != nil {
			out.JSON, out.Reused, out.Scores, out.Statutes = js, true, run.Scores, len(run.Statutes)
			if !b.opts.Decode {
				return out, nil
			}
			var res score.Result
			if err := json.Unmarshal(js, &res); err == nil {
				out.Result = &res
				return out, nil
			}
			out.Reused = false // unreadable: analyse afresh
		}
	}
	if b.opts.OnAnalyze != nil {
		b.opts.OnAnalyze(cc)
	}
	c, err := b.plan.Load(in)
	if err != nil {
		return nil, err
	}
	res, err := b.eng.Analyze(c, out.Options)
	if err != nil {
		return nil, inputErr(err)
	}
	if len(res.Statutes) == 0 {
		out.Skipped = true
		return out, nil
	}
	out.Result, out.Corpus, out.JSON, out.Scores, out.Statutes = res, c, nil, res.Scores, len(res.Statutes)
	if b.opts.JSON || out.key != "" {
		if out.JSON, err = resultJSON(res); err != nil {
			return nil, err
		}
	}
	if b.rec != nil {
		out.sts = AnalysedStatutes(res, c)
		if out.srcs, err = in.Sources(out.sts); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Record hands a fresh result to the batch's Recorder (nothing when
// reused, skipped or without a Recorder), with the options that shaped it.
func (b *Batch) Record(a *CountryAnalysis, options map[string]string) {
	if b.rec == nil || a.Reused || a.Skipped || a.Result == nil {
		return
	}
	b.rec.Queue(a.Result, a.JSON, a.sts, a.srcs, a.key, options)
}

// errNothingInForce wraps ErrNothingInForce for one country.
func nothingInForce(country, asOf string) error {
	return inputErr(fmt.Errorf("no statutes for country %q in force at %s: %w", country, asOf, ErrNothingInForce))
}

// IsNothingInForce reports whether err says a country has no statute in
// force at the date asked for.
func IsNothingInForce(err error) bool { return errors.Is(err, ErrNothingInForce) }

// OverrideEvidenceWarnings checks the evidence of overrides ("path#id")
// against the statutes of c at that path: a provision ID the statute does
// not have is a warning, and so is one whose provision has a new ID since
// provision IDs changed (statute.Statute.Resolve), which
// names the new ID. Evidence naming a file c does not hold is not checked.
func OverrideEvidenceWarnings(ovs []score.Override, c *statute.Corpus) statute.ErrorList {
	return overrideEvidenceWarnings(ovs, c.Statutes, func(st *statute.Statute) string { return st.Path })
}

// overrideEvidenceWarnings is OverrideEvidenceWarnings over sts, each
// statute named in evidence by pathOf(st).
func overrideEvidenceWarnings(ovs []score.Override, sts []*statute.Statute, pathOf func(*statute.Statute) string) statute.ErrorList {
	var out statute.ErrorList
	for _, o := range ovs {
		at := statute.Pos{File: o.Source}
		if i := strings.LastIndexByte(o.Source, ':'); i > 0 {
			if l, err := strconv.Atoi(o.Source[i+1:]); err == nil {
				at = statute.Pos{File: o.Source[:i], Line: l}
			}
		}
		for _, ev := range o.Evidence {
			file, id, ok := strings.Cut(ev, "#")
			if !ok || id == "" {
				continue
			}
			for _, st := range sts {
				if p := pathOf(st); p != file && !strings.HasSuffix(p, "/"+file) {
					continue
				}
				p, now, renamed := st.Resolve(statute.ProvisionID(id))
				switch {
				case p == nil:
					out.Warn(at, "override of %s: evidence %q cites provision %q, which %s (version %s) does not have, expected a provision ID of that statute (lacuna corpus show %s)", o.Requirement, ev, id, st.Meta.ID, st.Meta.VersionDate, st.Meta.ID)
				case renamed:
					out.Warn(at, "override of %s: evidence %q cites provision %q, which is now %q in %s (provision IDs changed, see \"IDs that changed\" in corpus/FORMAT.md), expected %q", o.Requirement, ev, id, now, st.Meta.ID, file+"#"+string(now))
				}
			}
		}
	}
	return out
}

// ProvisionLanguages counts the provisions analysed by language
// (statute.Meta.Lang); empty when the corpus is not at hand.
func (a *Analysis) ProvisionLanguages() map[string]int {
	out := map[string]int{}
	if a.corpus == nil {
		return out
	}
	for _, s := range a.corpus.Statutes {
		out[s.Meta.Lang()] += len(s.All)
	}
	return out
}
