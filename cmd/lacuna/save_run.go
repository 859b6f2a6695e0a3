package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/lacuna-project/lacuna/corpus"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/store"
)

// saveRun records an analysis in the store: the statute versions analysed
// (by content hash, with their source bytes and provisions), the run with
// its tool and map versions, as_of, options and time (from f.Now), its
// findings, penalty rows and overrides. It returns the run ID, derived from
// the time and the inputs: "20260115T120000Z-XEA-1a2b3c4d". Saving the same
// inputs at the same instant twice records one run.
func saveRun(ctx context.Context, f *Factory, res *score.Result, c *statute.Corpus) (string, error) {
	return saveRunWith(ctx, f, res, c, nil)
}

// saveRunWith is saveRun with extra options recorded with the run (the
// command's flags that shaped the result).
func saveRunWith(ctx context.Context, f *Factory, res *score.Result, c *statute.Corpus, options map[string]string) (string, error) {
	bySHA := map[string]*statute.Statute{}
	for _, st := range c.Statutes {
		bySHA[st.SHA256] = st
	}
	var sts []*statute.Statute
	var srcs [][]byte
	var shas []string
	for _, ref := range res.Statutes {
		st := bySHA[ref.SHA256]
		if st == nil {
			return "", fmt.Errorf("save run: statute %s (%s) is not in the corpus analysed", ref.ID, ref.SHA256)
		}
		src, err := statuteSource(f, st)
		if err != nil {
			return "", err
		}
		sts = append(sts, st)
		srcs = append(srcs, src)
		shas = append(shas, st.SHA256)
	}
	sort.Strings(shas)
	opts := map[string]string{}
	for k, v := range options {
		if v != "" {
			opts[k] = v
		}
	}
	if res.AsOf != "" {
		opts["as_of"] = res.AsOf
	}
	if res.LexiconHash != "" {
		opts["lexicon"] = res.LexiconHash // the run record names the lexicon read
	}
	key := runCacheKey(res, shas, opts)
	now := f.Now().UTC()
	country := res.Country
	if country == "" {
		country = "ALL"
	}
	id := fmt.Sprintf("%s-%s-%s", now.Format("20060102T150405Z"), strings.ToUpper(country), key[:8])
	run := store.Run{ID: id, Created: now.Format(time.RFC3339), Options: opts, CacheKey: key}
	s, err := openStore(ctx, f)
	if err != nil {
		return "", err
	}
	defer s.Close()
	if err := s.SaveRun(ctx, run, res, sts, srcs); err != nil {
		return "", err
	}
	return id, nil
}

// runCacheKey hashes what determines a result: tool and map versions, the
// statute versions, the options and the reviewers' overrides.
func runCacheKey(res *score.Result, shas []string, opts map[string]string) string {
	h := sha256.New()
	fmt.Fprintf(h, "lacuna %s\nmap %s\ncountry %s\nas_of %s\n", res.LacunaVersion, res.MappingVersion, res.Country, res.AsOf)
	for _, s := range shas {
		fmt.Fprintf(h, "statute %s\n", s)
	}
	keys := make([]string, 0, len(opts))
	for k := range opts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(h, "option %s=%s\n", k, opts[k])
	}
	for _, o := range res.Overrides {
		fmt.Fprintf(h, "override %s %s %s %s %s %v\n", o.Requirement, o.Verdict, o.Reviewer, o.Date, o.Expires, o.Expired)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// statuteSource returns the bytes a statute was parsed from: the embedded
// demo corpus for "corpus/…" paths when no --corpus is given, else the file
// at its path. The bytes must hash to the statute's SHA256, so a file
// edited since it was loaded is never recorded under the old hash.
func statuteSource(f *Factory, st *statute.Statute) ([]byte, error) {
	var cands [][]byte
	if f.Global.Corpus == "" && strings.HasPrefix(st.Path, "corpus/") {
		if b, err := fs.ReadFile(corpus.FS, strings.TrimPrefix(st.Path, "corpus/")); err == nil {
			cands = append(cands, b)
		}
	}
	b, err := os.ReadFile(st.Path)
	if err == nil {
		cands = append(cands, b)
	}
	for _, c := range cands {
		sum := sha256.Sum256(c)
		if hex.EncodeToString(sum[:]) == st.SHA256 {
			return c, nil
		}
	}
	if len(cands) > 0 {
		return nil, fmt.Errorf("save run: %s changed since it was read (content hash differs)", st.Path)
	}
	return nil, fmt.Errorf("save run: read %s: %w", st.Path, err)
}

// recordRun saves the run of a command that records every analysis
// ("lacuna brief"): like saveRunWith, but with no store location at all
// (no --db, XDG_DATA_HOME or HOME) it records nothing rather than fail.
func recordRun(f *Factory, res *score.Result, c *statute.Corpus, options map[string]string) error {
	if _, err := dbPath(f); err != nil {
		return nil
	}
	_, err := saveRunWith(context.Background(), f, res, c, options)
	return err
}
