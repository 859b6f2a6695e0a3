package diff

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// VersionDates returns the distinct version dates of c's statutes that can
// be placed in time ("2013-08-07", "2013"; not "unknown"), in time order.
func VersionDates(c *statute.Corpus) []string {
	seen := map[string]bool{}
	var out []string
	for _, st := range c.Statutes {
		d := st.Meta.VersionDate
		if statute.SortKey(d) == "" || seen[d] {
			continue
		}
		seen[d] = true
		out = append(out, d)
	}
	sort.SliceStable(out, func(i, j int) bool {
		ki, kj := statute.SortKey(out[i]), statute.SortKey(out[j])
		if ki != kj {
			return ki < kj
		}
		return out[i] < out[j]
	})
	return out
}

// History analyses c (one country's statutes) as of each of its version
// dates, oldest first: the score trend across amendments. Each Result's AsOf
// is the version date. opts.AsOf is ignored; the other options apply to
// every analysis. A date at which no statute is in force gives no result.
// Dates whose statutes in force read the same to the engine (see
// AnalysisKey) are analysed once. The engine is used from several
// goroutines at once.
func History(e *score.Engine, c *statute.Corpus, opts score.Options) ([]*score.Result, error) {
	rs, _, err := HistoryCounted(e, c, opts)
	return rs, err
}

// HistoryCounted is History that also says how many analyses it ran: one
// per distinct selection key, the other dates reuse the result of the
// first date with the same key, with their own versions' provenance
// (dates, hashes, paths) put in.
func HistoryCounted(e *score.Engine, c *statute.Corpus, opts score.Options) ([]*score.Result, int, error) {
	dates := VersionDates(c)
	results := make([]*score.Result, len(dates))
	errs := make([]error, len(dates))
	sels := make([]*statute.Corpus, len(dates))
	for i, d := range dates {
		sels[i] = c.AsOf(d)
	}
	keys := selectionKeys(sels, opts)
	first := map[string]int{} // key -> the first date with it
	var todo []int
	for i, k := range keys {
		if len(sels[i].Statutes) == 0 {
			continue
		}
		if _, dup := first[k]; dup && k != "" {
			continue
		}
		first[k] = i
		todo = append(todo, i)
	}
	// The analyses are independent: run them on every CPU, each writing
	// its own slot, then merge in date order.
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(todo)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				o := opts
				o.AsOf = ""
				r, err := e.Analyze(sels[i], o)
				if err != nil {
					errs[i] = err
					continue
				}
				r.AsOf = dates[i]
				results[i] = r
			}
		}()
	}
	for _, i := range todo {
		work <- i
	}
	close(work)
	wg.Wait()
	var out []*score.Result
	for i := range dates {
		if errs[i] != nil {
			return nil, 0, errs[i]
		}
		r := results[i]
		if r == nil && len(sels[i].Statutes) > 0 {
			src := results[first[keys[i]]]
			if src == nil {
				continue // its first date failed, reported above
			}
			r = rebase(src, sels[i])
			r.AsOf = dates[i]
		}
		if r != nil && len(r.Statutes) > 0 {
			out = append(out, r)
		}
	}
	return out, len(todo), nil
}

// AnalysisKey hashes what the engine reads of a statute version: its
// provisions (IDs, numbers, headings, text, segments and their lines) and
// its front matter, except the keys that only say when and where the
// version was recorded (version_date, source_repository, source_path,
// source_commit, the informational keys). Two commits of a legislation
// repository that differ only in such keys, or in text outside the
// provisions (the front matter's dates, a footnote that parses to
// nothing), have the same key.
func AnalysisKey(st *statute.Statute) string {
	m := st.Meta
	m.VersionDate, m.SourceRepository, m.SourcePath, m.SourceCommit, m.Extra = "", "", "", "", nil
	h := sha256.New()
	enc := json.NewEncoder(h)
	if err := enc.Encode(struct {
		Meta  statute.Meta
		Title string
		Roots []*statute.Provision
	}{m, st.Title, st.Roots}); err != nil {
		return "" // no key: analysed on its own
	}
	return hex.EncodeToString(h.Sum(nil))
}

// selectionKeys gives each selection a key: equal keys read the same to
// the engine. "" = no key (analysed on its own): a selection whose
// statutes lack distinct IDs, whose results could not be told apart by
// statute. With overrides every version is analysed on its own, since
// whether a reviewer's decision still applies depends on the versions it
// was made on.
func selectionKeys(sels []*statute.Corpus, opts score.Options) []string {
	memo := map[*statute.Statute]string{}
	var mu sync.Mutex
	var all []*statute.Statute
	for _, sel := range sels {
		for _, st := range sel.Statutes {
			if _, ok := memo[st]; !ok {
				memo[st] = ""
				all = append(all, st)
			}
		}
	}
	if len(opts.Overrides) == 0 {
		work := make(chan *statute.Statute)
		var wg sync.WaitGroup
		for w := 0; w < min(runtime.GOMAXPROCS(0), len(all)); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for st := range work {
					k := AnalysisKey(st)
					mu.Lock()
					memo[st] = k
					mu.Unlock()
				}
			}()
		}
		for _, st := range all {
			work <- st
		}
		close(work)
		wg.Wait()
	}
	keys := make([]string, len(sels))
	for i, sel := range sels {
		seen := map[statute.StatuteID]bool{}
		var parts []string
		for _, st := range sel.Statutes {
			k := memo[st]
			if k == "" || st.Meta.ID == "" || seen[st.Meta.ID] {
				parts = nil
				break
			}
			seen[st.Meta.ID] = true
			parts = append(parts, string(st.Meta.ID)+" "+k)
		}
		if len(parts) == 0 {
			continue
		}
		sort.Strings(parts)
		sum := sha256.Sum256([]byte(strings.Join(parts, "\n")))
		keys[i] = hex.EncodeToString(sum[:])
	}
	return keys
}

// rebase copies r, the result of a selection with the same key as sel,
// with the provenance of sel's versions: each statute's version date,
// hash and path in the statute list, the evidence and the warnings.
func rebase(r *score.Result, sel *statute.Corpus) *score.Result {
	by := map[string]*statute.Statute{}
	for _, st := range sel.Statutes {
		by[string(st.Meta.ID)] = st
	}
	out := *r
	out.Statutes = make([]score.StatuteRef, len(r.Statutes))
	var paths []string // old, new pairs
	for i, ref := range r.Statutes {
		if st := by[ref.ID]; st != nil {
			if ref.Path != st.Path {
				paths = append(paths, ref.Path, st.Path)
			}
			ref.VersionDate, ref.SHA256, ref.Path = st.Meta.VersionDate, st.SHA256, st.Path
		}
		out.Statutes[i] = ref
	}
	if len(r.Warnings) > 0 {
		rp := strings.NewReplacer(paths...)
		out.Warnings = make([]string, len(r.Warnings))
		for i, w := range r.Warnings {
			out.Warnings[i] = rp.Replace(w)
		}
	}
	fix := func(e *score.Evidence) {
		if st := by[e.Statute]; st != nil {
			e.VersionDate, e.Path = st.Meta.VersionDate, st.Path
		}
	}
	out.Findings = make([]score.Finding, len(r.Findings))
	for i, f := range r.Findings {
		if f.Evidence != nil {
			ev := make([]score.Evidence, len(f.Evidence))
			copy(ev, f.Evidence)
			for j := range ev {
				fix(&ev[j])
			}
			f.Evidence = ev
		}
		if f.Review != nil && f.Review.Candidate != nil {
			rv, cand := *f.Review, *f.Review.Candidate
			fix(&cand)
			rv.Candidate = &cand
			f.Review = &rv
		}
		out.Findings[i] = f
	}
	return &out
}
