package statute

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// skipFile reports whether a file in a corpus tree is not a statute:
// README.md and FORMAT.md document the corpus; names starting with "_" or
// "." are drafts and hidden files.
func skipFile(name string) bool {
	if !strings.HasSuffix(strings.ToLower(name), ".md") {
		return true
	}
	switch strings.ToUpper(name) {
	case "README.MD", "FORMAT.MD", "SOURCES.MD", "CHANGELOG.MD", "LICENSE.MD", "LICENCE.MD":
		return true
	}
	return strings.HasPrefix(name, "_") || strings.HasPrefix(name, ".")
}

// Load parses every statute file (*.md) under root in fsys, in any layout.
// Directories whose names start with "." or "_" are skipped, and so are
// symbolic links (with a warning): a link can point out of the tree or
// form a loop. Files are parsed concurrently; the result is sorted by
// country, statute ID, version date and path, whatever the schedule.
//
// Load collects the problems of every file. The returned Corpus holds the
// files without errors and every warning; the error, when not nil, is an
// ErrorList with every error of every file, including two files that share
// an ID and version date (reported at both).
func Load(fsys fs.FS, root string) (*Corpus, error) {
	return LoadNamed(fsys, root, "")
}

// LoadNamed is Load with every path (in statutes and positions) prefixed
// by name, e.g. the directory the fs.FS was opened on, so that messages
// name files as the user knows them.
func LoadNamed(fsys fs.FS, root, name string) (*Corpus, error) {
	if root == "" {
		root = "."
	}
	paths, errs, werr := walkStatutes(fsys, root, name)
	if werr != nil {
		return &Corpus{}, werr
	}
	c := loadPaths(fsys, paths, name, &errs)
	return c, finishLoad(c, errs)
}

type result struct {
	st  *Statute
	err error
	rd  error
}

// LoadWorkers is how many files Load parses at once; 0 means GOMAXPROCS.
// BenchmarkLoad measures the gain (see /work/brief/bench-statute.md).
var LoadWorkers = 0

func loadPaths(fsys fs.FS, paths []string, name string, errs *ErrorList) *Corpus {
	return loadPathsN(fsys, paths, name, errs, 0)
}

func loadPathsN(fsys fs.FS, paths []string, name string, errs *ErrorList, workers int) *Corpus {
	results := make([]result, len(paths))
	if workers <= 0 {
		workers = LoadWorkers
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers > len(paths) {
		workers = len(paths)
	}
	if workers < 1 {
		workers = 1
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = parseOne(fsys, paths[i], path.Join(name, paths[i]))
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()

	c := &Corpus{}
	for i, r := range results {
		if r.rd != nil {
			errs.Add(Pos{File: path.Join(name, paths[i])}, "cannot read: %v", unwrapPath(r.rd))
			continue
		}
		c.Warnings = append(c.Warnings, r.st.Warnings...)
		if r.err != nil {
			var el ErrorList
			if errors.As(r.err, &el) {
				*errs = append(*errs, el...)
			} else {
				errs.Add(Pos{File: path.Join(name, paths[i])}, "%v", r.err)
			}
			continue
		}
		c.Statutes = append(c.Statutes, r.st)
	}
	return c
}

func parseOne(fsys fs.FS, p, shown string) result {
	if info, err := fs.Stat(fsys, p); err == nil && info.Size() > int64(MaxFileSize) {
		return result{st: &Statute{Path: shown}, err: ErrorList{{Pos: Pos{File: shown, Line: 1}, Msg: fmt.Sprintf("file is %d bytes, larger than the limit of %d bytes, expected one statute of ordinary size", info.Size(), MaxFileSize)}}}
	}
	b, err := ReadFile(fsys, p)
	var el ErrorList
	if errors.As(err, &el) {
		return result{st: &Statute{Path: shown}, err: TooLarge(shown, int64(MaxFileSize))}
	}
	if err != nil {
		return result{rd: err}
	}
	st, perr := Parse(shown, b)
	return result{st: st, err: perr}
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// finishLoad sorts the corpus, checks for duplicate versions and returns
// the errors, if any.
func finishLoad(c *Corpus, errs ErrorList) error {
	c.sort()
	seen := map[string]*Statute{}
	var keep []*Statute
	for _, s := range c.Statutes {
		k := string(s.Meta.ID) + "@" + s.Meta.VersionDate
		if first, dup := seen[k]; dup {
			errs.Add(s.keyPos("version_date", "id"), "statute %q version %q is also defined in %s, expected one file per id and version_date", s.Meta.ID, versionLabel(s.Meta.VersionDate), first.Path)
			errs.Add(first.keyPos("version_date", "id"), "statute %q version %q is also defined in %s, expected one file per id and version_date", s.Meta.ID, versionLabel(s.Meta.VersionDate), s.Path)
			continue
		}
		seen[k] = s
		keep = append(keep, s)
	}
	c.Statutes = keep
	for _, e := range errs {
		if e.Severity == SevWarning {
			c.Warnings = append(c.Warnings, e)
		}
	}
	c.Warnings.Sort()
	if err := errs.Err(); err != nil {
		return err
	}
	return nil
}

func versionLabel(v string) string {
	if v == "" {
		return "(no version_date)"
	}
	return v
}

// KeyPos returns the position of a front matter key, given by its Lacuna
// name ("version_date" also finds a dialect's "last_updated"), or of the
// file's first line when the key is absent.
func (s *Statute) KeyPos(key string) Pos { return s.keyPos(key) }

// keyPos returns the position of the first front matter key found.
func (s *Statute) keyPos(keys ...string) Pos {
	for _, k := range keys {
		if l, ok := s.keyLines[k]; ok {
			return Pos{File: s.Path, Line: l}
		}
	}
	return Pos{File: s.Path, Line: 1}
}

// ParseFile reads and parses one statute file from disk (for file
// arguments on the command line).
func ParseFile(name string) (*Statute, error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if info.Size() > int64(MaxFileSize) {
		var l ErrorList
		l.Add(Pos{File: name, Line: 1}, "file is %d bytes, larger than the limit of %d bytes, expected one statute of ordinary size", info.Size(), MaxFileSize)
		return &Statute{Path: name}, l.Err()
	}
	b, err := ReadPath(name)
	var el ErrorList
	if errors.As(err, &el) {
		return &Statute{Path: name}, err
	}
	if err != nil {
		return nil, err
	}
	return Parse(name, b)
}

// SortKey returns the version date in a form that sorts in time order:
// "2013" becomes "2013-01-01", "unknown" and "" become "" (before every
// date).
func SortKey(versionDate string) string {
	switch {
	case len(versionDate) == 4 && yearRe.MatchString(versionDate):
		return versionDate + "-01-01"
	case versionDate == "unknown":
		return ""
	}
	return versionDate
}

func (c *Corpus) sort() {
	sort.SliceStable(c.Statutes, func(i, j int) bool {
		a, b := c.Statutes[i], c.Statutes[j]
		if a.Meta.Country != b.Meta.Country {
			return a.Meta.Country < b.Meta.Country
		}
		if a.Meta.ID != b.Meta.ID {
			return a.Meta.ID < b.Meta.ID
		}
		if ka, kb := SortKey(a.Meta.VersionDate), SortKey(b.Meta.VersionDate); ka != kb {
			return ka < kb
		}
		return a.Path < b.Path
	})
}

// NewCorpus builds a sorted corpus from statutes (for callers that parse
// files themselves).
func NewCorpus(statutes ...*Statute) *Corpus {
	c := &Corpus{Statutes: append([]*Statute(nil), statutes...)}
	for _, s := range statutes {
		c.Warnings = append(c.Warnings, s.Warnings...)
	}
	c.sort()
	c.Warnings.Sort()
	return c
}

func (c *Corpus) subset(keep func(*Statute) bool) *Corpus {
	out := &Corpus{}
	files := map[string]bool{}
	for _, s := range c.Statutes {
		if keep(s) {
			out.Statutes = append(out.Statutes, s)
			files[s.Path] = true
		}
	}
	for _, w := range c.Warnings {
		if files[w.Pos.File] {
			out.Warnings = append(out.Warnings, w)
		}
	}
	return out
}

// AsOf returns, for each statute ID, the latest version dated on or before
// date (YYYY-MM-DD or YYYY). A year-only version date counts as 1 January of
// that year; a year-only date argument as 31 December. A version dated
// "unknown" cannot be placed in time: it is chosen only when its statute has
// no version with a date at all. An empty date returns Latest.
func (c *Corpus) AsOf(date string) *Corpus {
	if date == "" {
		return c.Latest()
	}
	limit := date
	if len(date) == 4 {
		limit = date + "-12-31"
	}
	pick := map[StatuteID]*Statute{}
	dated := map[StatuteID]bool{}
	for _, s := range c.Statutes {
		if SortKey(s.Meta.VersionDate) != "" {
			dated[s.Meta.ID] = true
		}
	}
	for _, s := range c.Statutes { // sorted by date within an ID
		k := SortKey(s.Meta.VersionDate)
		switch {
		case k == "" && !dated[s.Meta.ID]:
			pick[s.Meta.ID] = s
		case k != "" && k <= limit:
			pick[s.Meta.ID] = s
		}
	}
	return c.subset(func(s *Statute) bool { return pick[s.Meta.ID] == s })
}

// Latest returns the newest version of each statute.
func (c *Corpus) Latest() *Corpus {
	pick := map[StatuteID]*Statute{}
	for _, s := range c.Statutes {
		pick[s.Meta.ID] = s
	}
	return c.subset(func(s *Statute) bool { return pick[s.Meta.ID] == s })
}

// Country returns the statutes of one country (code compared without
// regard to case).
func (c *Corpus) Country(code string) *Corpus {
	return c.subset(func(s *Statute) bool { return strings.EqualFold(s.Meta.Country, code) })
}

// Countries returns the sorted, distinct country codes of the corpus.
func (c *Corpus) Countries() []string {
	var out []string
	for _, s := range c.Statutes {
		if n := len(out); n == 0 || out[n-1] != s.Meta.Country {
			out = append(out, s.Meta.Country)
		}
	}
	sort.Strings(out)
	return compactStrings(out)
}

func compactStrings(s []string) []string {
	var out []string
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// IDs returns the distinct statute IDs in corpus order.
func (c *Corpus) IDs() []StatuteID {
	var out []StatuteID
	seen := map[StatuteID]bool{}
	for _, s := range c.Statutes {
		if !seen[s.Meta.ID] {
			seen[s.Meta.ID] = true
			out = append(out, s.Meta.ID)
		}
	}
	return out
}

// Versions returns the versions of one statute, oldest first.
func (c *Corpus) Versions(id StatuteID) []*Statute {
	var out []*Statute
	for _, s := range c.Statutes {
		if s.Meta.ID == id {
			out = append(out, s)
		}
	}
	return out
}

// Ref names a statute version: "ken/ctip-act-2010@2010-01-01". An empty
// Date means the latest version.
type Ref struct {
	ID   StatuteID
	Date string
}

func (r Ref) String() string {
	if r.Date == "" {
		return string(r.ID)
	}
	return string(r.ID) + "@" + r.Date
}

// ParseRef parses "ID" or "ID@DATE" (DATE is YYYY-MM-DD, YYYY or unknown).
func ParseRef(s string) (Ref, error) {
	id, date, _ := strings.Cut(strings.TrimSpace(s), "@")
	if !statuteIDRe.MatchString(id) {
		return Ref{}, fmt.Errorf("statute reference %q: %q is not a statute id, expected e.g. \"ken/ctip-act-2010\" or \"ken/ctip-act-2010@2010-01-01\"", s, id)
	}
	if strings.Contains(s, "@") {
		var l ErrorList
		checkDate("date", "date", date, Pos{}, &l)
		if date == "" || l.Err() != nil {
			return Ref{}, fmt.Errorf("statute reference %q: date %q is not valid, expected YYYY-MM-DD, YYYY or unknown", s, date)
		}
	}
	return Ref{ID: StatuteID(id), Date: date}, nil
}

// Resolve finds the version r names: the exact version_date when r.Date
// matches one, otherwise the version in force on r.Date (AsOf rules), or
// the latest when r.Date is empty. It returns nil when there is none.
func (c *Corpus) Resolve(r Ref) *Statute {
	vs := c.Versions(r.ID)
	if len(vs) == 0 {
		return nil
	}
	if r.Date == "" {
		return vs[len(vs)-1]
	}
	for _, s := range vs {
		if s.Meta.VersionDate == r.Date {
			return s
		}
	}
	if r.Date == "unknown" {
		return nil
	}
	sub := (&Corpus{Statutes: vs}).AsOf(r.Date)
	if len(sub.Statutes) == 0 {
		return nil
	}
	return sub.Statutes[0]
}

// Lookup finds a statute version by reference string ("id" or "id@date").
func (c *Corpus) Lookup(ref string) (*Statute, error) {
	r, err := ParseRef(ref)
	if err != nil {
		return nil, err
	}
	s := c.Resolve(r)
	if s == nil {
		if len(c.Versions(r.ID)) == 0 {
			return nil, fmt.Errorf("statute %q is not in the corpus", r.ID)
		}
		return nil, fmt.Errorf("statute %q has no version on or before %s", r.ID, r.Date)
	}
	return s, nil
}
