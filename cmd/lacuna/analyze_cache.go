package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/store"
)

// analyzeCache lets "analyze --country X --save" reuse a stored result:
// the key is the one analyze --all and brief use (content hashes of the
// versions selected, map, tool version, as_of, overrides), so any of them
// can reuse the others' runs. Looking up is best effort: a store that
// cannot be read means a fresh analysis, and saving reports the problem.
type analyzeCache struct {
	use    bool
	key    string
	reused *store.Run
}

// analyze returns the stored result for c's inputs when there is one,
// else analyses c.
func (a *analyzeCache) analyze(f *Factory, c *statute.Corpus, m *standard.Map, opts score.Options) (*score.Result, error) {
	if !a.use {
		return score.Analyze(c, m, opts)
	}
	a.key = inputCacheKey(cacheKeyInput{MapVersion: m.Version, MapHash: mapHash(m), Country: opts.Country, AsOf: opts.AsOf,
		SHAs: shasOf(c.Statutes), Overrides: opts.Overrides, Today: opts.Today, Options: map[string]string{"command": "analyze"}})
	if p, err := dbPath(f); err == nil && a.key != "" && fileExists(p) {
		ctx := context.Background()
		if s, err := store.Open(ctx, p); err == nil {
			run, js, err := s.CachedResult(ctx, a.key)
			s.Close()
			var res score.Result
			if err == nil && json.Unmarshal(js, &res) == nil {
				a.reused = &run
				return &res, nil
			}
		}
	}
	return score.Analyze(c, m, opts)
}

// save records the run under the cache key (nothing when the result was
// reused) and returns the run's ID.
func (a *analyzeCache) save(f *Factory, res *score.Result, c *statute.Corpus, options map[string]string) (string, error) {
	ctx := context.Background()
	if a.reused != nil {
		return a.reused.ID, nil
	}
	if !a.use || a.key == "" {
		return saveRunWith(ctx, f, res, c, options)
	}
	sts := analysedStatutes(res, c)
	srcs := make([][]byte, len(sts))
	for i, st := range sts {
		src, err := statuteSource(f, st)
		if err != nil {
			return "", err
		}
		srcs[i] = src
	}
	var buf bytes.Buffer
	if err := writeAnalyzeJSON(&buf, res); err != nil {
		return "", err
	}
	rec, err := openRecorder(ctx, f, false)
	if err != nil {
		return "", err
	}
	id, err := rec.Add(ctx, res, buf.Bytes(), sts, srcs, a.key, options)
	if cerr := rec.Close(ctx); err == nil {
		err = cerr
	}
	return id, err
}

// verb says what happened to the run: "saved" or "reused".
func (a *analyzeCache) verb() string {
	if a.reused != nil {
		return "reused"
	}
	return "saved"
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
