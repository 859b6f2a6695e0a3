package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/workspace"
)

// country is one country's analysis as a page shows it, with what it was
// made from: the statute versions (law, a hash of their content hashes)
// and the overrides file (ovHash, its ContentHash).
type country struct {
	cc       string
	res      *score.Result
	corpus   *statute.Corpus
	lines    map[string][]string // statute path -> source lines
	ovPath   string
	ovHash   string
	law      string
	writable bool
	m        *standard.Map
}

// errNotFound marks an ID that the loaded corpus or map does not know.
var errNotFound = errors.New("not found")

// countries lists the corpus's country codes.
func (s *Server) countryCodes() ([]string, error) {
	plan, err := s.w.Plan("")
	if err != nil {
		return nil, err
	}
	return plan.Countries, nil
}

// load analyses country cc (its latest statute versions, its overrides
// file), reusing the last analysis while neither the statutes nor the
// overrides file have changed. An unknown country is errNotFound.
func (s *Server) load(ctx context.Context, cc string) (*country, error) {
	plan, err := s.w.Plan("")
	if err != nil {
		return nil, err
	}
	if !plan.Has(cc) {
		return nil, errNotFound
	}
	m, err := s.w.Map()
	if err != nil {
		return nil, err
	}
	in, err := plan.Read(cc)
	if err != nil {
		return nil, err
	}
	lh := sha256.Sum256([]byte(strings.Join(in.SHAs, "\n")))
	law := hex.EncodeToString(lh[:])
	var ovPath string
	var ovSrc []byte
	writable := s.w.Config().Corpus != ""
	if writable {
		if ovPath, ovSrc, err = s.w.DecisionFile(cc); err != nil {
			return nil, err
		}
	} else {
		ov, err := s.w.Overrides(m, cc)
		if err != nil {
			return nil, err
		}
		ovPath, ovSrc = ov.Path, ov.Source
	}
	ovHash := workspace.ContentHash(ovSrc)
	s.mu.Lock()
	if c := s.cache[cc]; c != nil && c.law == law && c.ovHash == ovHash {
		s.mu.Unlock()
		return c, nil
	}
	s.mu.Unlock()

	corp, err := plan.Load(in)
	if err != nil {
		return nil, err
	}
	srcs, err := in.Sources(corp.Statutes)
	if err != nil {
		return nil, err
	}
	ovs, err := score.ParseOverrides(ovPath, ovSrc, m)
	if err != nil {
		return nil, &workspace.InputError{Err: err}
	}
	a, err := s.w.Analyze(ctx, corp, m, score.Options{Country: cc, LacunaVersion: s.w.Config().ToolVersion, Overrides: ovs, Today: s.w.Today()}, false)
	if err != nil {
		return nil, err
	}
	c := &country{cc: cc, res: a.Result, corpus: corp, lines: map[string][]string{}, ovPath: ovPath, ovHash: ovHash,
		law: law, writable: writable, m: m}
	for i, st := range corp.Statutes {
		c.lines[st.Path] = strings.Split(strings.ReplaceAll(string(srcs[i]), "\r\n", "\n"), "\n")
	}
	s.mu.Lock()
	s.cache[cc] = c
	s.mu.Unlock()
	return c, nil
}

// statute returns the analysed statute with ID id, or nil.
func (c *country) statute(id string) *statute.Statute {
	for _, st := range c.corpus.Statutes {
		if string(st.Meta.ID) == id {
			return st
		}
	}
	return nil
}

// relPath is a statute's path relative to the corpus directory, as the
// overrides format's evidence entries and gold files' files name it.
func (s *Server) relPath(st *statute.Statute) string {
	prefix := "corpus"
	if d := s.w.Config().Corpus; d != "" {
		prefix = strings.TrimSuffix(path.Clean(strings.ReplaceAll(d, "\\", "/")), "/")
	}
	return strings.TrimPrefix(st.Path, prefix+"/")
}

// resolveEvidence turns a form's "statute-id#provision-id" into the
// overrides file's "path#provision", accepting only a provision of a
// statute analysed.
func (s *Server) resolveEvidence(c *country, v string) (string, error) {
	id, prov, ok := strings.Cut(v, "#")
	st := c.statute(id)
	if !ok || st == nil || st.Lookup(statute.ProvisionID(prov)) == nil {
		return "", fmt.Errorf("evidence %q is not a provision of %s's statutes", v, c.cc)
	}
	return s.relPath(st) + "#" + prov, nil
}

// reviewState is what a page says about a finding's review.
type reviewState struct {
	Reviewed, Confirmed, Expired, Stale bool
	StaleWhy                            string
}

func stateOf(f *score.Finding) reviewState {
	o := f.Override
	if o == nil {
		return reviewState{}
	}
	st := reviewState{Expired: o.Expired, Stale: len(o.Stale) > 0 && !o.Expired}
	st.Reviewed = !st.Expired && !st.Stale
	st.Confirmed = st.Reviewed && (o.Confirms() || o.Verdict == f.MachineVerdict)
	st.StaleWhy = strings.Join(o.Stale, "; ")
	return st
}

// queue orders findings for review: unreviewed first (no decision, or one
// expired or stale), then those the engine flags for review, more reasons
// first, then by confidence ascending, then by requirement ID.
func queue(res *score.Result) []*score.Finding {
	out := make([]*score.Finding, len(res.Findings))
	for i := range res.Findings {
		out[i] = &res.Findings[i]
	}
	flags := func(f *score.Finding) int {
		if f.Review == nil || !f.Review.Needed {
			return 0
		}
		return 1 + len(f.Review.Reasons)
	}
	conf := func(f *score.Finding) float64 {
		if f.Confidence == nil {
			return 1
		}
		return f.Confidence.Value
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		ra, rb := stateOf(a).Reviewed, stateOf(b).Reviewed
		if ra != rb {
			return !ra
		}
		if fa, fb := flags(a), flags(b); fa != fb {
			return fa > fb
		}
		if ca, cb := conf(a), conf(b); ca != cb {
			return ca < cb
		}
		return a.Requirement < b.Requirement
	})
	return out
}

// nextUnreviewed is the first unreviewed finding in queue order after
// requirement after ("" = from the start), wrapping around; "" when every
// finding is reviewed.
func nextUnreviewed(res *score.Result, after string) string {
	q := queue(res)
	start := 0
	for i, f := range q {
		if f.Requirement == after {
			start = i + 1
		}
	}
	for k := 0; k < len(q); k++ {
		f := q[(start+k)%len(q)]
		if f.Requirement != after && !stateOf(f).Reviewed {
			return f.Requirement
		}
	}
	return ""
}
