package workspace

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/lacuna-project/lacuna/internal/index"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/store"
	"github.com/lacuna-project/lacuna/mapping"
)

// Progress is told how much of a long step is done (done of total); nil
// reports nothing. It is called from one goroutine at a time.
type Progress func(done, total int)

// catalog is the corpus as the store knows it: every statute file of the
// corpus directory with its front matter (read again only when its size or
// modification time changed) and content hash (once a search or listing
// selected it: see hashSelected), and how many provisions of
// each version are indexed for search under the current key. Nothing in
// it is parsed beyond the front matter.
type catalog struct {
	w      *Workspace
	s      *store.Store
	fsys   fs.FS
	prefix string
	key    string
	// all holds every readable file, sorted as a loaded corpus is (by
	// country, statute, version date, path).
	all []*entry
	// count is the number of provisions indexed under key, by content
	// hash, for the versions ensureIndexed was asked about.
	count map[string]int
	// warnings are the problems of the walk that are not errors (skipped
	// symbolic links).
	warnings statute.ErrorList
}

// entry is one file of the catalog: its record, its path as shown and
// the sort key of its version date (statute.SortKey, computed once).
type entry struct {
	store.CorpusFile
	shown, key string
}

// meta is the front matter an entry records.
func (e *entry) meta() statute.Meta {
	return statute.Meta{ID: statute.StatuteID(e.StatuteID), Country: e.Country, VersionDate: e.VersionDate,
		Language: e.Language, Title: e.Title, ShortTitle: e.ShortTitle}
}

// sortEntries sorts as statute.Corpus sorts its statutes.
func sortEntries(es []*entry) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Country != b.Country {
			return a.Country < b.Country
		}
		if a.StatuteID != b.StatuteID {
			return a.StatuteID < b.StatuteID
		}
		if a.key != b.key {
			return a.key < b.key
		}
		return a.shown < b.shown
	})
}

// ofCountry keeps the entries of one country (compared without regard to
// case), as statute.Corpus.Country.
func ofCountry(es []*entry, code string) []*entry {
	var out []*entry
	for _, e := range es {
		if strings.EqualFold(e.Country, code) {
			out = append(out, e)
		}
	}
	return out
}

// latest keeps the newest version of each statute (the last in sort
// order), as statute.Corpus.Latest.
func latest(es []*entry) []*entry {
	last := map[string]*entry{}
	for _, e := range es {
		last[e.StatuteID] = e
	}
	var out []*entry
	for _, e := range es {
		if last[e.StatuteID] == e {
			out = append(out, e)
		}
	}
	return out
}

// asOf keeps, for each statute, the latest version dated on or before
// date, as statute.Corpus.AsOf (which see).
func asOf(es []*entry, date string) []*entry {
	if date == "" {
		return latest(es)
	}
	limit := date
	if len(date) == 4 {
		limit = date + "-12-31"
	}
	dated := map[string]bool{}
	for _, e := range es {
		if e.key != "" {
			dated[e.StatuteID] = true
		}
	}
	pick := map[string]*entry{}
	for _, e := range es { // sorted by date within a statute
		switch {
		case e.key == "" && !dated[e.StatuteID]:
			pick[e.StatuteID] = e
		case e.key != "" && e.key <= limit:
			pick[e.StatuteID] = e
		}
	}
	var out []*entry
	for _, e := range es {
		if pick[e.StatuteID] == e {
			out = append(out, e)
		}
	}
	return out
}

// searchKeyVersion changes whenever what is stored for search changes
// shape (folding, role bits, snippet columns).
const searchKeyVersion = "lacuna-search-index 1"

// SearchKey names the engine, lexicon and map that classify the provisions
// indexed for search: the tool's version and build, the embedded lexicon
// (whose phrases give the roles) and the embedded map. A version indexed
// under another key is indexed again, so stored roles are never stale
// after an upgrade.
func (w *Workspace) SearchKey() string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\ntool %s %s\n", searchKeyVersion, w.cfg.ToolVersion, w.toolBuild())
	_ = fs.WalkDir(mapping.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if p == "map.yaml" || strings.HasPrefix(p, "lexicon/") {
			b, _ := fs.ReadFile(mapping.FS, p)
			fmt.Fprintf(h, "file %s %x\n", p, sha256.Sum256(b))
		}
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))
}

// corpusRoot is the key of the configured corpus in the store: its
// absolute directory, or "embedded:" for the embedded demo corpus.
func (w *Workspace) corpusRoot() string {
	if w.cfg.Corpus == "" {
		return "embedded:"
	}
	if abs, err := filepath.Abs(w.cfg.Corpus); err == nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(w.cfg.Corpus)
}

// scanned is one file read during a catalog update.
type scanned struct {
	rec  store.CorpusFile
	ok   bool  // front matter read
	errs error // its problems when not ok
	rd   error // unreadable
}

// openCatalog brings the store's record of the corpus up to date: files
// whose size or modification time changed (or that are new) have their
// front matter read again (their hash is left for hashSelected); files
// gone are forgotten. A file
// whose front matter cannot be read is parsed, and its problems (with the
// walk's errors and duplicate versions) are returned in bad, as loading
// the corpus reports them; the catalog then holds the good files.
//
// stored, when not nil, is called as soon as the store's record is read,
// with the entries it records (sorted), before the files are looked at: a
// caller may start work on them, valid when unchanged is returned true
// (every file as recorded, no problem found).
func (w *Workspace) openCatalog(ctx context.Context, s *store.Store, stored func(all []*entry)) (cat *catalog, bad statute.ErrorList, unchanged bool, err error) {
	fsys, prefix, err := corpusSource(w.cfg.Corpus)
	if err != nil {
		return nil, nil, false, err
	}
	cat = &catalog{w: w, s: s, fsys: fsys, prefix: prefix, key: w.SearchKey(), count: map[string]int{}}
	root := w.corpusRoot()
	// The store's record is read (and a search started on it, by stored)
	// while the corpus is walked and its files looked at: the walk, the
	// stats and the query take about as long each at 10,000 files.
	var recs []store.CorpusFile
	var recEntries []*entry
	var recErr error
	recDone := make(chan struct{})
	go func() {
		defer close(recDone)
		recs, recErr = s.CorpusCatalog(ctx, root)
		if recErr == nil {
			recEntries = entriesOf(recs, prefix)
			if stored != nil {
				stored(recEntries)
			}
		}
	}()
	paths, walkErrs, err := statute.List(fsys, ".", prefix)
	if err != nil {
		<-recDone
		return nil, nil, false, err
	}
	var errs statute.ErrorList
	for _, e := range walkErrs {
		if e.Severity == statute.SevWarning {
			cat.warnings = append(cat.warnings, e)
		} else {
			errs = append(errs, e)
		}
	}
	infos := make([]fs.FileInfo, len(paths))
	statErrs := make([]error, len(paths))
	parallelChunks(len(paths), func(i int) { infos[i], statErrs[i] = fs.Stat(fsys, paths[i]) })
	<-recDone
	if recErr != nil {
		return nil, nil, false, recErr
	}
	known := make(map[string]store.CorpusFile, len(recs))
	for _, r := range recs {
		known[r.Path] = r
	}
	var keep []store.CorpusFile
	var dirty []int
	for i, p := range paths {
		if statErrs[i] != nil {
			errs.Add(statute.Pos{File: path.Join(prefix, p)}, "cannot read: %v", unwrapPathErr(statErrs[i]))
			continue
		}
		info := infos[i]
		r, ok := known[p]
		if mt := info.ModTime().UnixNano(); ok && mt != 0 && r.MTime == mt && r.Size == info.Size() {
			keep = append(keep, r)
			continue
		}
		dirty = append(dirty, i)
	}
	// Changed and new files are read in parallel (hashing dominates).
	res := make([]scanned, len(dirty))
	parallel(len(dirty), func(k int) {
		i := dirty[k]
		res[k] = scanFile(fsys, paths[i], path.Join(prefix, paths[i]), infos[i])
	})
	var fresh []store.CorpusFile
	changed := false
	for k, r := range res {
		shown := path.Join(prefix, paths[dirty[k]])
		switch {
		case r.rd != nil:
			errs.Add(statute.Pos{File: shown}, "cannot read: %v", unwrapPathErr(r.rd))
		case !r.ok:
			var el statute.ErrorList
			if errors.As(r.errs, &el) {
				errs = append(errs, el...)
			} else if r.errs != nil {
				errs.Add(statute.Pos{File: shown}, "%v", r.errs)
			}
		default:
			fresh = append(fresh, r.rec)
			if k, ok := known[r.rec.Path]; !ok || k != r.rec {
				changed = true // (an embedded file, with no time, is read each time but rarely changes)
			}
		}
	}
	all := append(keep, fresh...)
	same := !changed && len(all) == len(recs)
	if same {
		// the files are those recorded (each kept as recorded, or read
		// again and found as recorded): their entries are made and sorted
		// already (only read from here on)
		cat.all = recEntries
	} else {
		cat.all = entriesOf(all, prefix)
	}
	errs = append(errs, cat.duplicates()...)
	// Record what changed (only then is the store written).
	if !same {
		sort.Slice(all, func(i, j int) bool { return all[i].Path < all[j].Path })
		if err := s.PutCorpusCatalog(ctx, root, all); err != nil {
			return nil, nil, false, err
		}
	}
	errs.Sort()
	unchanged = same && len(errs) == 0
	return cat, errs, unchanged, nil
}

// entriesOf makes the sorted entries of recorded files.
func entriesOf(recs []store.CorpusFile, prefix string) []*entry {
	ents := make([]entry, len(recs))
	out := make([]*entry, len(recs))
	clean := path.Clean(prefix)
	for i, r := range recs {
		ents[i] = entry{CorpusFile: r, shown: joinShown(prefix, clean, r.Path), key: statute.SortKey(r.VersionDate)}
		out[i] = &ents[i]
	}
	sortEntries(out)
	return out
}

// joinShown is path.Join(prefix, p) (clean is path.Clean(prefix)),
// without cleaning again a path the walk found (valid, so already clean):
// a search makes 10,000 of them.
func joinShown(prefix, clean, p string) string {
	switch {
	case !fs.ValidPath(p) || p == ".":
		return path.Join(prefix, p)
	case clean == ".":
		return p
	case clean == "/":
		return "/" + p
	}
	return clean + "/" + p
}

// scanFile decodes the front matter of one file (reading only as far as
// its end: the file is hashed when a search or listing selects it, see
// hashSelected); when the front matter cannot be read that way, the whole
// file is read and hashed, and parsed for its problems.
func scanFile(fsys fs.FS, p, shown string, info fs.FileInfo) scanned {
	r := scanned{rec: store.CorpusFile{Path: p, Size: info.Size(), MTime: info.ModTime().UnixNano()}}
	if info.Size() > int64(statute.MaxFileSize) {
		var el statute.ErrorList
		el.Add(statute.Pos{File: shown, Line: 1}, "file is %d bytes, larger than the limit of %d bytes, expected one statute of ordinary size", info.Size(), statute.MaxFileSize)
		r.errs = el
		return r
	}
	if fm := statute.ScanFile(fsys, p, shown); fm.OK {
		r.ok = true
		setMeta(&r.rec, fm.Meta)
		return r
	}
	b, err := statute.ReadFile(fsys, p)
	var el statute.ErrorList
	if errors.As(err, &el) {
		r.errs = statute.TooLarge(shown, int64(statute.MaxFileSize))
		return r
	}
	if err != nil {
		r.rd = err
		return r
	}
	sum := sha256.Sum256(b)
	r.rec.SHA256 = hex.EncodeToString(sum[:])
	meta, ok := statute.ParseMeta(shown, b)
	if !ok {
		_, r.errs = statute.Parse(shown, b)
		if r.errs == nil { // the front matter alone is at fault
			r.errs = fmt.Errorf("front matter cannot be read")
		}
		return r
	}
	r.ok = true
	setMeta(&r.rec, meta)
	return r
}

// setMeta records the front matter meta in f.
func setMeta(f *store.CorpusFile, meta statute.Meta) {
	f.StatuteID, f.Country, f.VersionDate = string(meta.ID), meta.Country, meta.VersionDate
	f.Language, f.Title, f.ShortTitle = meta.Language, meta.Title, meta.ShortTitle
}

// hashSelected hashes the entries of sel the catalog has not hashed yet
// (in parallel) and records their hashes in the store. Each file is read
// whole; its size, time and front matter must still be those recorded
// (its selection rests on them), else the search is refused as when a file
// changes while it is indexed (the next one reads it again).
func (cat *catalog) hashSelected(ctx context.Context, sel []*entry) error {
	var need []*entry
	for _, e := range sel {
		if e.SHA256 == "" {
			need = append(need, e)
		}
	}
	if len(need) == 0 {
		return nil
	}
	sums := make([]string, len(need))
	errs := make([]error, len(need))
	parallel(len(need), func(k int) {
		e := need[k]
		changed := fmt.Errorf("index %s: the file changed while it was being indexed, expected it unchanged (search again)", e.shown)
		b, err := statute.ReadFile(cat.fsys, e.Path)
		if err != nil {
			errs[k] = fmt.Errorf("index %s: %w", e.shown, err)
			return
		}
		info, err := fs.Stat(cat.fsys, e.Path)
		if err != nil || info.Size() != e.Size || info.ModTime().UnixNano() != e.MTime || int64(len(b)) != e.Size {
			errs[k] = changed
			return
		}
		meta, ok := statute.ParseMeta(e.shown, b)
		var got store.CorpusFile
		setMeta(&got, meta)
		want := e.CorpusFile
		got.Path, got.Size, got.MTime, got.SHA256 = want.Path, want.Size, want.MTime, want.SHA256
		if !ok || got != want {
			errs[k] = changed
			return
		}
		sum := sha256.Sum256(b)
		sums[k] = hex.EncodeToString(sum[:])
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	for k, e := range need {
		if errs[k] == nil {
			e.SHA256 = sums[k]
		}
	}
	// record what was hashed, even when some file changed
	recs := make([]store.CorpusFile, len(cat.all))
	for i, e := range cat.all {
		recs[i] = e.CorpusFile
	}
	sort.Slice(recs, func(i, j int) bool { return recs[i].Path < recs[j].Path })
	if err := cat.s.PutCorpusCatalog(ctx, cat.w.corpusRoot(), recs); err != nil {
		return err
	}
	return errors.Join(errs...)
}

// duplicates reports two files defining the same statute version, as
// loading the corpus does (positioned at their version_date keys).
func (cat *catalog) duplicates() statute.ErrorList {
	var errs statute.ErrorList
	type key struct{ id, date string }
	seen := make(map[key]*entry, len(cat.all))
	for _, e := range cat.all {
		k := key{e.StatuteID, e.VersionDate}
		first, dup := seen[k]
		if !dup {
			seen[k] = e
			continue
		}
		label := e.VersionDate
		if label == "" {
			label = "(no version_date)"
		}
		for _, pair := range [][2]*entry{{e, first}, {first, e}} {
			errs.Add(cat.keyPos(pair[0]), "statute %q version %q is also defined in %s, expected one file per id and version_date", e.StatuteID, label, pair[1].shown)
		}
	}
	return errs
}

// keyPos is the position of an entry's version_date (else id) key, read
// from its file.
func (cat *catalog) keyPos(e *entry) statute.Pos {
	if b, err := statute.ReadFile(cat.fsys, e.Path); err == nil {
		if st, err := statute.Parse(e.shown, b); st != nil && err == nil {
			if e.VersionDate != "" {
				return st.KeyPos("version_date")
			}
			return st.KeyPos("id")
		}
	}
	return statute.Pos{File: e.shown, Line: 1}
}

// indexBatch and indexBatchBytes bound what one transaction indexes:
// short enough that another writer waits well under a second, long enough
// that commits do not dominate.
const (
	indexBatch      = 32
	indexBatchBytes = 2 << 20
)

// ensureIndexed indexes for search the versions of sel (stubs of the
// catalog) not yet indexed under the current key: each is parsed (in
// parallel), its provisions classified and written in short transactions.
// A file that changed since the catalog was read, or that no longer
// parses, is an error.
func (cat *catalog) ensureIndexed(ctx context.Context, sel []*entry, progress Progress) error {
	if err := cat.hashSelected(ctx, sel); err != nil {
		return err
	}
	var ask []string
	for _, e := range sel {
		if _, ok := cat.count[e.SHA256]; !ok {
			ask = append(ask, e.SHA256)
		}
	}
	indexed, err := cat.s.IndexedUnder(ctx, ask, cat.key)
	if err != nil {
		return err
	}
	for sha, n := range indexed {
		cat.count[sha] = n
	}
	var need []*entry
	seen := map[string]bool{}
	for _, e := range sel {
		if _, ok := cat.count[e.SHA256]; ok || seen[e.SHA256] {
			continue
		}
		seen[e.SHA256] = true
		need = append(need, e)
	}
	if len(need) == 0 {
		return nil
	}
	added := cat.w.now().UTC().Format(time.RFC3339)
	type parsed struct {
		e   store.IndexEntry
		err error
	}
	workers := max(1, min(runtime.GOMAXPROCS(0), len(need)))
	jobs := make(chan int)
	// room for two batches: the workers go on parsing while a batch is
	// written (with room for a few only, they waited for every flush)
	out := make(chan parsed, 2*indexBatch)
	var wg sync.WaitGroup
	for k := 0; k < workers; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				e, err := cat.parseForIndex(need[i])
				out <- parsed{e, err}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range need {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(out) }()
	var errs statute.ErrorList
	var firstErr error
	var batch []store.IndexEntry
	batchBytes, done := 0, 0
	flush := func() {
		if len(batch) == 0 || firstErr != nil {
			batch = nil
			return
		}
		if err := cat.s.IndexVersions(ctx, batch, cat.key, added); err != nil {
			firstErr = err
		}
		for _, e := range batch {
			cat.count[e.Statute.SHA256] = e.Provisions()
		}
		batch = nil
	}
	for p := range out {
		done++
		switch {
		case p.err != nil:
			var el statute.ErrorList
			if errors.As(p.err, &el) {
				errs = append(errs, el...)
			} else if firstErr == nil {
				firstErr = p.err
			}
		default:
			batch = append(batch, p.e)
			batchBytes += len(p.e.Source)
			if len(batch) >= indexBatch || batchBytes >= indexBatchBytes {
				flush()
				batchBytes = 0
			}
		}
		if progress != nil {
			progress(done, len(need))
		}
	}
	flush()
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(errs) > 0 {
		errs.Sort()
		return inputErr(errs)
	}
	return firstErr
}

// parseForIndex reads and parses one version and classifies its
// provisions.
func (cat *catalog) parseForIndex(e *entry) (store.IndexEntry, error) {
	b, err := statute.ReadFile(cat.fsys, e.Path)
	if err != nil {
		return store.IndexEntry{}, fmt.Errorf("index %s: %w", e.shown, err)
	}
	sum := sha256.Sum256(b)
	if hex.EncodeToString(sum[:]) != e.SHA256 {
		return store.IndexEntry{}, fmt.Errorf("index %s: the file changed while it was being indexed, expected it unchanged (search again)", e.shown)
	}
	st, err := statute.Parse(e.shown, b)
	if err != nil {
		return store.IndexEntry{}, err
	}
	ie := store.IndexEntry{Statute: st, Source: b, Roles: statuteRoles(st)}
	ie.Prepare()
	return ie, nil
}

// statuteRoles returns the role bits of each provision of st.All, as the
// engine classifies the statute on its own: the union of its segments'
// roles (repealed text excluded), else its section's.
func statuteRoles(st *statute.Statute) []uint8 {
	roles := provisionRoles(index.Build(statute.NewCorpus(st)))
	out := make([]uint8, len(st.All))
	for i, p := range st.All {
		rs := roles[p]
		if rs == 0 {
			rs = roles[p.Section()]
		}
		out[i] = uint8(rs)
	}
	return out
}

// withBad adds the problems bad found while reading the catalog to err
// (an *InputError listing a statute.ErrorList, or another error, which
// wins), sorted, so every problem of the corpus is told at once.
func withBad(bad statute.ErrorList, err error) error {
	if len(bad) == 0 {
		return err
	}
	all := append(statute.ErrorList{}, bad...)
	if err != nil {
		var el statute.ErrorList
		if !errors.As(err, &el) {
			return err
		}
		all = append(all, el...)
	}
	all.Sort()
	return inputErr(all)
}

// parallelChunks runs fn(0..n-1) on GOMAXPROCS goroutines, each taking a
// contiguous share (for cheap calls such as a stat, where handing out one
// index at a time would cost more than the call).
func parallelChunks(n int, fn func(int)) {
	workers := max(1, min(runtime.GOMAXPROCS(0), n/256))
	var wg sync.WaitGroup
	for k := 0; k < workers; k++ {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				fn(i)
			}
		}(k*n/workers, (k+1)*n/workers)
	}
	wg.Wait()
}

// parallel runs fn(0..n-1) on GOMAXPROCS goroutines.
func parallel(n int, fn func(int)) {
	workers := max(1, min(runtime.GOMAXPROCS(0), n))
	var wg sync.WaitGroup
	next := make(chan int)
	for k := 0; k < workers; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
