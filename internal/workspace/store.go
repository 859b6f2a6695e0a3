package workspace

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/store"
)

// OpenStore opens the store at Config.DB, creating it and its directory;
// ErrNoStore when no location is configured. The caller closes it.
func (w *Workspace) OpenStore(ctx context.Context) (*store.Store, error) {
	p := w.cfg.DB
	if p == "" {
		return nil, ErrNoStore
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, fmt.Errorf("open store %s: create its directory: %w", p, err)
	}
	// Create the file first (an empty file is an empty SQLite database):
	// a directory that cannot be written is then named as a permission
	// problem, not SQLite's "unable to open database file".
	if fh, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666); err == nil {
		fh.Close()
	} else if !errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("open store %s: %w", p, unwrapPathErr(err))
	}
	return store.Open(ctx, p)
}

// unwrapPathErr drops a *fs.PathError's operation and path (the caller
// names the path) and keeps the cause.
func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// IsUnwritable reports whether err says the store's location cannot be
// written (no location, a read-only or foreign directory): a command that
// only reads may go on without the store.
func IsUnwritable(err error) bool {
	return errors.Is(err, ErrNoStore) || errors.Is(err, fs.ErrPermission) ||
		errors.Is(err, syscall.EROFS) || errors.Is(err, syscall.ENOTDIR)
}

// ReadStore opens the configured store for reading only (see
// store.OpenReadOnly): it is never created, written or locked, so a read
// never waits for a save. No location or no file yet gives a nil store and
// no error; the caller closes a non-nil one.
func (w *Workspace) ReadStore(ctx context.Context) (*store.Store, error) {
	if w.cfg.DB == "" {
		return nil, nil
	}
	if _, err := os.Stat(w.cfg.DB); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return store.OpenReadOnly(ctx, w.cfg.DB)
}

// HasStore reports whether a store exists at the configured location;
// readers that must never create one (history, diff) ask first.
func (w *Workspace) HasStore() bool {
	if w.cfg.DB == "" {
		return false
	}
	_, err := os.Stat(w.cfg.DB)
	return err == nil
}

// runOptions drops empty options and adds as_of.
func runOptions(res *score.Result, options map[string]string) map[string]string {
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
	return opts
}

// runID is "20260115T120000Z-XEA-1a2b3c4d": the time, the country ("ALL"
// when none) and the key's first eight digits.
func runID(now time.Time, country, key string) string {
	if country == "" {
		country = "ALL"
	}
	return fmt.Sprintf("%s-%s-%s", now.Format("20060102T150405Z"), strings.ToUpper(country), key[:8])
}

// SaveRun records an analysis of c in the store: the statute versions
// analysed (by content hash, with their source bytes and provisions), the
// run with its tool and map versions, as_of, options and time (from
// Config.Now), its findings, penalty rows and overrides. It returns the
// run ID, derived from the time and the inputs:
// "20260115T120000Z-XEA-1a2b3c4d". Saving the same inputs at the same
// instant twice records one run.
func (w *Workspace) SaveRun(ctx context.Context, res *score.Result, c *statute.Corpus, options map[string]string) (string, error) {
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
		src, err := w.Source(st)
		if err != nil {
			return "", err
		}
		sts = append(sts, st)
		srcs = append(srcs, src)
		shas = append(shas, st.SHA256)
	}
	sort.Strings(shas)
	opts := runOptions(res, options)
	key := runKey(res, shas, opts)
	now := w.now().UTC()
	run := store.Run{ID: runID(now, res.Country, key), Created: now.Format(time.RFC3339), Options: opts, CacheKey: key}
	s, err := w.OpenStore(ctx)
	if err != nil {
		return "", err
	}
	defer s.Close()
	if err := s.SaveRun(ctx, run, res, sts, srcs); err != nil {
		return "", err
	}
	return run.ID, nil
}

// Recorder saves runs to the store in batches, one transaction per batch.
// A nil *Recorder records nothing. Add, Flush and Close are for one
// goroutine; with Start, Queue hands runs to a goroutine of its own.
type Recorder struct {
	w       *Workspace
	s       *store.Store
	pending []store.RunInput
	// Saved counts the runs written.
	Saved int
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

// runBatch is how many runs one transaction records.
const runBatch = 8

// OpenRecorder opens the store for recording; with optional true, no store
// location at all gives a nil Recorder, not an error.
func (w *Workspace) OpenRecorder(ctx context.Context, optional bool) (*Recorder, error) {
	if optional && w.cfg.DB == "" {
		return nil, nil
	}
	s, err := w.OpenStore(ctx)
	if err != nil {
		return nil, err
	}
	return &Recorder{w: w, s: s}, nil
}

// Start makes the recorder save in its own goroutine: Queue never waits
// for the database (beyond a short buffer), so workers keep rendering
// while a batch is written. Close waits for the queue to drain.
func (r *Recorder) Start(ctx context.Context) {
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
func (r *Recorder) Queue(res *score.Result, js []byte, sts []*statute.Statute, srcs [][]byte, key string, options map[string]string) {
	if r == nil {
		return
	}
	r.queue <- queuedRun{res, js, sts, srcs, key, options}
}

// Cached returns the run and result (JSON) stored under key; a nil result
// when there is none.
func (r *Recorder) Cached(ctx context.Context, key string) (store.Run, []byte, error) {
	if r == nil || key == "" {
		return store.Run{}, nil, nil
	}
	run, js, err := r.s.CachedResult(ctx, key)
	if errors.Is(err, store.ErrNotFound) {
		return store.Run{}, nil, nil
	}
	return run, js, err
}

// Add queues a run (saved at the next batch boundary or Close) and returns
// its ID. js is the result's JSON (EncodeResult) stored for reuse under
// key; with no key, the run is keyed by its result.
func (r *Recorder) Add(ctx context.Context, res *score.Result, js []byte, sts []*statute.Statute, srcs [][]byte, key string, options map[string]string) (string, error) {
	if r == nil {
		return "", nil
	}
	opts := runOptions(res, options)
	if key == "" {
		key = runKey(res, shasOf(sts), opts)
	}
	now := r.w.now().UTC()
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
func (r *Recorder) Flush(ctx context.Context) error {
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
func (r *Recorder) Close(ctx context.Context) error {
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
