package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/lacuna-project/lacuna/corpus"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/store"
)

// corpusPlan is the corpus scanned once (front matter only) and its files
// grouped by country, so that each country is loaded, analysed and dropped
// in turn: memory follows one country, not the corpus.
type corpusPlan struct {
	fsys     fs.FS
	prefix   string
	asOf     string
	selected map[string][]statute.FileMeta // country -> files to parse
	all      map[string][]statute.FileMeta // country -> every file
	// Countries are the corpus's countries (upper case), sorted.
	Countries []string
}

// planCorpus scans the corpus and selects, per country, the versions an
// analysis as of asOf can choose ("" = the latest; allVersions = every
// version). Files whose front matter cannot be read make the whole plan
// fail with their positioned errors, as loading the whole corpus does.
func planCorpus(f *Factory, asOf string) (*corpusPlan, error) {
	fsys, prefix, err := corpusSource(f)
	if err != nil {
		return nil, err
	}
	metas, walkErrs, err := statute.ScanNamed(fsys, ".", prefix)
	if err != nil {
		return nil, err
	}
	var bad []string
	p := &corpusPlan{fsys: fsys, prefix: prefix, asOf: asOf,
		selected: map[string][]statute.FileMeta{}, all: map[string][]statute.FileMeta{}}
	for _, m := range metas {
		if !m.OK {
			bad = append(bad, m.Path)
			continue
		}
		cc := strings.ToUpper(m.Meta.Country)
		if cc == "" {
			continue
		}
		p.all[cc] = append(p.all[cc], m)
	}
	errs := walkErrs
	if len(bad) > 0 {
		_, err := statute.LoadFiles(fsys, bad, prefix, 0)
		var el statute.ErrorList
		if errors.As(err, &el) {
			errs = append(errs, el...)
		} else if err != nil {
			return nil, err
		}
	}
	if err := errs.Err(); err != nil {
		return nil, &inputError{err}
	}
	sel := statute.Selection{AsOf: asOf, AllVersions: asOf == allVersions}
	for cc, ms := range p.all {
		p.Countries = append(p.Countries, cc)
		p.selected[cc] = sel.Select(ms)
	}
	sort.Strings(p.Countries)
	return p, nil
}

// Metas returns the front matter of every version of a country's statutes
// in corpus order (country, statute ID, version date, path), as the
// statutes of a whole loaded corpus would give them.
func (p *corpusPlan) Metas(country string) []statute.Meta {
	ms := append([]statute.FileMeta(nil), p.all[country]...)
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i].Meta, ms[j].Meta
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		if ka, kb := statute.SortKey(a.VersionDate), statute.SortKey(b.VersionDate); ka != kb {
			return ka < kb
		}
		return ms[i].Shown < ms[j].Shown
	})
	out := make([]statute.Meta, len(ms))
	for i, m := range ms {
		out[i] = m.Meta
	}
	return out
}

// countryInput is what one country's analysis reads: its selected files
// (bytes and content hashes).
type countryInput struct {
	Country string
	paths   []string
	shown   []string
	sources map[string][]byte // shown path -> bytes
	SHAs    []string          // sorted
}

// Read reads a country's selected files and hashes them.
func (p *corpusPlan) Read(country string) (*countryInput, error) {
	in := &countryInput{Country: country, sources: map[string][]byte{}}
	for _, m := range p.selected[country] {
		b, err := fs.ReadFile(p.fsys, m.Path)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", m.Shown, err)
		}
		sum := sha256.Sum256(b)
		in.paths = append(in.paths, m.Path)
		in.shown = append(in.shown, m.Shown)
		in.sources[m.Shown] = b
		in.SHAs = append(in.SHAs, hex.EncodeToString(sum[:]))
	}
	sort.Strings(in.SHAs)
	return in, nil
}

// Load parses a country's selected files (one at a time: callers run
// countries in parallel). A bad file is an input error.
func (p *corpusPlan) Load(in *countryInput) (*statute.Corpus, error) {
	c, err := statute.LoadFiles(p.fsys, in.paths, p.prefix, 1)
	if err != nil {
		var el statute.ErrorList
		if errors.As(err, &el) {
			return nil, &inputError{el}
		}
		return nil, err
	}
	return c, nil
}

// Sources returns the bytes of the statutes analysed, checked against
// their content hashes (a file edited since it was read is refused).
func (in *countryInput) Sources(sts []*statute.Statute) ([][]byte, error) {
	out := make([][]byte, len(sts))
	for i, st := range sts {
		b, ok := in.sources[st.Path]
		if !ok {
			return nil, fmt.Errorf("save run: %s was not read with its country", st.Path)
		}
		sum := sha256.Sum256(b)
		if hex.EncodeToString(sum[:]) != st.SHA256 {
			return nil, fmt.Errorf("save run: %s changed since it was read (content hash differs)", st.Path)
		}
		out[i] = b
	}
	return out, nil
}

// mapHash hashes the whole map (requirements, instruments, ratifications,
// version) as loaded, so that editing a requirement file changes it.
func mapHash(m *standard.Map) string {
	b, err := json.Marshal(m)
	if err != nil {
		return "" // no cache key: never reuse
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// cacheKeyInput is what determines a country's result.
type cacheKeyInput struct {
	MapVersion, MapHash string
	Country, AsOf       string
	SHAs                []string         // sorted content hashes of the versions selected
	Overrides           []score.Override // the reviewers' decisions, if any
	Today               string           // matters only with overrides (expiry)
	Options             map[string]string
}

// inputCacheKey is the key a run is stored and reused under: sha256 over
// the tool version, the map (version and content hash), country, as_of,
// the content hashes of the statute versions selected, the overrides and
// the options. It is computed before anything is parsed. An empty map hash
// gives no key.
func inputCacheKey(k cacheKeyInput) string {
	if k.MapHash == "" {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "lacuna-input-key 1\ntool %s %s\nmap %s %s\ncountry %s\nas_of %s\n", version, toolBuild(), k.MapVersion, k.MapHash, k.Country, k.AsOf)
	for _, s := range k.SHAs {
		fmt.Fprintf(h, "statute %s\n", s)
	}
	if len(k.Overrides) > 0 {
		b, err := json.Marshal(k.Overrides)
		if err != nil {
			return ""
		}
		fmt.Fprintf(h, "overrides %x today %s\n", sha256.Sum256(b), k.Today)
	}
	keys := make([]string, 0, len(k.Options))
	for o := range k.Options {
		keys = append(keys, o)
	}
	sort.Strings(keys)
	for _, o := range keys {
		fmt.Fprintf(h, "option %s=%s\n", o, k.Options[o])
	}
	return hex.EncodeToString(h.Sum(nil))
}

var (
	toolBuildOnce sync.Once
	toolBuildHash string
)

// toolBuild identifies the running binary by the hash of its executable,
// so that a development build whose code changed (same version string)
// never reuses results of the old code; "" when it cannot be read.
func toolBuild() string {
	toolBuildOnce.Do(func() {
		p, err := os.Executable()
		if err != nil {
			return
		}
		fh, err := os.Open(p)
		if err != nil {
			return
		}
		defer fh.Close()
		h := sha256.New()
		if _, err := io.Copy(h, fh); err == nil {
			toolBuildHash = hex.EncodeToString(h.Sum(nil))
		}
	})
	return toolBuildHash
}

// countryOverrides finds a country's reviewer decisions beside the corpus
// (<corpus>/<country>/overrides.yaml or <corpus>/overrides/<COUNTRY>.yaml,
// in the embedded demo corpus when no --corpus is given), as analyze does.
// It returns the overrides, the file's path and bytes (nil when none).
func countryOverrides(f *Factory, m *standard.Map, country string) ([]score.Override, string, []byte, error) {
	var read func(string) ([]byte, error)
	var cands []string
	if dir := f.Global.Corpus; dir != "" {
		read = os.ReadFile
		cands = []string{filepath.Join(dir, strings.ToLower(country), "overrides.yaml"),
			filepath.Join(dir, "overrides", strings.ToUpper(country)+".yaml")}
	} else {
		read = func(p string) ([]byte, error) { return fs.ReadFile(corpus.FS, strings.TrimPrefix(p, "corpus/")) }
		cands = []string{path.Join("corpus", strings.ToLower(country), "overrides.yaml"),
			path.Join("corpus", "overrides", strings.ToUpper(country)+".yaml")}
	}
	for _, p := range cands {
		src, err := read(p)
		if err != nil {
			continue
		}
		ovs, err := score.ParseOverrides(p, src, m)
		if err != nil {
			return nil, "", nil, &inputError{err}
		}
		return ovs, p, src, nil
	}
	return nil, "", nil, nil
}

// runRecorder saves runs to the store in batches, one transaction per
// batch; it is used from one goroutine.
type runRecorder struct {
	f       *Factory
	s       *store.Store
	pending []store.RunInput
	Saved   int
	// with Start: runs queued for the saving goroutine
	queue chan queuedRun
	done  chan struct{}
	err   error
}

type queuedRun struct {
	res     *score.Result
	js      []byte
	sts     []*statute.Statute
	srcs    [][]byte
	key     string
	options map[string]string
}

// Start makes the recorder save in its own goroutine: Queue never waits
// for the database (beyond a short buffer), so workers keep rendering
// while a batch is written. Close waits for the queue to drain.
func (r *runRecorder) Start(ctx context.Context) {
	if r == nil {
		return
	}
	r.queue = make(chan queuedRun, 8) // little memory: queued runs hold parsed statutes
	r.done = make(chan struct{})
	go func() {
		defer close(r.done)
		for q := range r.queue {
			if r.err != nil {
				continue
			}
			if _, err := r.Add(ctx, q.res, q.js, q.sts, q.srcs, q.key, q.options); err != nil {
				r.err = err
			}
		}
	}()
}

// Queue hands a run to the saving goroutine (see Start).
func (r *runRecorder) Queue(res *score.Result, js []byte, sts []*statute.Statute, srcs [][]byte, key string, options map[string]string) {
	if r == nil {
		return
	}
	r.queue <- queuedRun{res, js, sts, srcs, key, options}
}

// runBatch is how many runs one transaction records.
const runBatch = 25

// openRecorder opens the store; with optional true, no store location at
// all (no --db, XDG_DATA_HOME or HOME) gives a nil recorder, not an error.
func openRecorder(ctx context.Context, f *Factory, optional bool) (*runRecorder, error) {
	if optional {
		if _, err := dbPath(f); err != nil {
			return nil, nil
		}
	}
	s, err := openStore(ctx, f)
	if err != nil {
		return nil, err
	}
	return &runRecorder{f: f, s: s}, nil
}

// Cached returns the run and result (JSON) stored under key; a nil
// result when there is none.
func (r *runRecorder) Cached(ctx context.Context, key string) (store.Run, []byte, error) {
	if r == nil || key == "" {
		return store.Run{}, nil, nil
	}
	run, js, err := r.s.CachedResult(ctx, key)
	if errors.Is(err, store.ErrNotFound) {
		return store.Run{}, nil, nil
	}
	return run, js, err
}

// Add queues a run (saved at the next batch boundary or Close) and
// returns its ID.
func (r *runRecorder) Add(ctx context.Context, res *score.Result, js []byte, sts []*statute.Statute, srcs [][]byte, key string, options map[string]string) (string, error) {
	if r == nil {
		return "", nil
	}
	opts := map[string]string{}
	for k, v := range options {
		if v != "" {
			opts[k] = v
		}
	}
	if res.AsOf != "" {
		opts["as_of"] = res.AsOf
	}
	if key == "" {
		key = runCacheKey(res, shasOf(sts), opts)
	}
	now := r.f.Now().UTC()
	id := fmt.Sprintf("%s-%s-%s", now.Format("20060102T150405Z"), strings.ToUpper(res.Country), key[:8])
	r.pending = append(r.pending, store.RunInput{
		Run:    store.Run{ID: id, Created: now.Format(time.RFC3339), Options: opts, CacheKey: key},
		Result: res, ResultJSON: js, Statutes: sts, Sources: srcs,
	})
	if len(r.pending) >= runBatch {
		return id, r.Flush(ctx)
	}
	return id, nil
}

// Flush saves the queued runs in one transaction.
func (r *runRecorder) Flush(ctx context.Context) error {
	if r == nil || len(r.pending) == 0 {
		return nil
	}
	err := r.s.SaveRuns(ctx, r.pending)
	if err == nil {
		r.Saved += len(r.pending)
	}
	r.pending = nil
	return err
}

// Close flushes and closes the store.
func (r *runRecorder) Close(ctx context.Context) error {
	if r == nil {
		return nil
	}
	if r.queue != nil {
		close(r.queue)
		<-r.done
		r.queue = nil
	}
	err := r.err
	if ferr := r.Flush(ctx); err == nil {
		err = ferr
	}
	if cerr := r.s.Close(); err == nil {
		err = cerr
	}
	return err
}

func shasOf(sts []*statute.Statute) []string {
	out := make([]string, len(sts))
	for i, st := range sts {
		out[i] = st.SHA256
	}
	sort.Strings(out)
	return out
}

// analysedStatutes returns the statutes of c that res analysed (by hash).
func analysedStatutes(res *score.Result, c *statute.Corpus) []*statute.Statute {
	by := map[string]*statute.Statute{}
	for _, st := range c.Statutes {
		by[st.SHA256] = st
	}
	var out []*statute.Statute
	for _, ref := range res.Statutes {
		if st := by[ref.SHA256]; st != nil {
			out = append(out, st)
		}
	}
	return out
}

// memoryBackstop sets a soft heap limit for the --all commands (unless
// GOMEMLIMIT is set): the GC works harder near the limit instead of letting
// the heap grow. Per-country loading is what bounds memory; this only
// guards against an unusually large country.
func memoryBackstop() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(768 << 20)
	}
}
