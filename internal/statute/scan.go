package statute

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// FileMeta is what a front-matter-only scan learns about one statute file:
// enough to choose files by country and date before parsing them.
type FileMeta struct {
	// Path is the file's path inside the scanned fs.FS; Shown is the path
	// used in messages (prefixed by the name given to ScanNamed).
	Path  string
	Shown string
	Size  int64
	Meta  Meta
	// OK is false when the front matter could not be read (missing,
	// unclosed, not YAML, too large, unreadable file): such a file cannot be
	// placed by country or date, so selections always keep it and its full
	// parse reports the problem.
	OK bool
}

// Scan reads the front matter of every statute file under root, as Load
// would find them, without parsing their bodies. See ScanNamed.
func Scan(fsys fs.FS, root string) ([]FileMeta, ErrorList, error) {
	return ScanNamed(fsys, root, "")
}

// ScanNamed is Scan with shown paths prefixed by name (as LoadNamed). It
// returns the files sorted by path, the problems of the walk (unreadable
// directories, skipped symbolic links) and an error when root itself
// cannot be read. Front matter problems are not reported here: the file is
// returned with OK false and its full parse reports them.
func ScanNamed(fsys fs.FS, root, name string) ([]FileMeta, ErrorList, error) {
	if root == "" {
		root = "."
	}
	paths, errs, err := walkStatutes(fsys, root, name)
	if err != nil {
		return nil, errs, err
	}
	out := make([]FileMeta, len(paths))
	workers := min(runtime.GOMAXPROCS(0), len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = scanOne(fsys, paths[i], path.Join(name, paths[i]))
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	return out, errs, nil
}

// walkStatutes lists the statute files under root (sorted), with the
// problems met on the way.
func walkStatutes(fsys fs.FS, root, name string) ([]string, ErrorList, error) {
	var paths []string
	var errs ErrorList
	werr := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			errs.Add(Pos{File: path.Join(name, p)}, "cannot read: %v", unwrapPath(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		base := d.Name()
		if d.Type()&fs.ModeSymlink != 0 {
			if !strings.HasPrefix(base, ".") && !strings.HasPrefix(base, "_") {
				errs.Warn(Pos{File: path.Join(name, p)}, "symbolic link skipped, expected regular files and directories inside the corpus")
			}
			return nil
		}
		if d.IsDir() {
			if p != root && (strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_")) {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || skipFile(base) {
			return nil
		}
		paths = append(paths, p)
		return nil
	})
	if werr != nil {
		return nil, errs, fmt.Errorf("load corpus %s: %w", root, werr)
	}
	sort.Strings(paths)
	return paths, errs, nil
}

// ScanFile reads the front matter of one file as Scan does (only as many
// bytes as it takes to find its end): p is its path inside fsys, shown the
// path used in messages.
func ScanFile(fsys fs.FS, p, shown string) FileMeta { return scanOne(fsys, p, shown) }

// scanChunk is how much of a file scanOne reads at a time while looking
// for the end of the front matter.
const scanChunk = 8 << 10

// scanOne reads the front matter of one file: only as many bytes as it
// takes to find the closing delimiter (at most MaxFrontMatter and a chunk).
func scanOne(fsys fs.FS, p, shown string) FileMeta {
	fm := FileMeta{Path: p, Shown: shown}
	fh, err := fsys.Open(p)
	if err != nil {
		return fm
	}
	defer fh.Close()
	if info, err := fh.Stat(); err == nil {
		fm.Size = info.Size()
	}
	var buf []byte
	chunk := make([]byte, scanChunk)
	for {
		n, rerr := fh.Read(chunk)
		buf = append(buf, chunk[:n]...)
		end := frontMatterEnd(buf)
		if end < 0 {
			return fm // no front matter: the parse says so
		}
		if end > 0 {
			buf = buf[:end]
			break
		}
		if rerr != nil || len(buf) > MaxFrontMatter+scanChunk {
			return fm // never closed, too large or unreadable: the parse says so
		}
	}
	meta, ok := ParseMeta(shown, buf)
	fm.Meta, fm.OK = meta, ok
	return fm
}

// frontMatterEnd returns the offset just past the closing delimiter line
// of the front matter at the start of b, or 0 when b holds no complete
// front matter yet. Only complete lines are considered.
func frontMatterEnd(b []byte) int {
	b0 := len(b)
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	bom := b0 - len(b)
	first := true
	for off := 0; ; {
		nl := bytes.IndexByte(b[off:], '\n')
		if nl < 0 {
			return 0
		}
		line := bytes.TrimRight(b[off:off+nl], " \t\r")
		if first {
			if string(line) != "---" {
				return -1 // not front matter: report as unreadable at once
			}
			first = false
		} else if string(line) == "---" || string(line) == "..." {
			return bom + off + nl + 1
		}
		off += nl + 1
	}
}

// ParseMeta decodes the front matter at the start of src (which may hold
// the front matter only) as Parse would, including the ID derived from the
// file name when the front matter gives none. ok is false when the front
// matter has an error; the body is not looked at.
func ParseMeta(path string, src []byte) (Meta, bool) {
	var errs ErrorList
	s := newSource(path, src)
	fm, ok := splitFrontMatter(s, &errs)
	if !ok {
		return Meta{}, false
	}
	st := &Statute{Path: path}
	p := &parse{st: st, errs: &errs, s: s}
	keyLines := map[string]int{}
	var decoded bool
	st.Meta, decoded = decodeMeta(s, fm, &errs, keyLines)
	p.checkMeta(fm, keyLines, decoded)
	if errs.Err() != nil {
		return st.Meta, false
	}
	return st.Meta, true
}

// Selection chooses files from a scan before they are parsed.
type Selection struct {
	// Countries keeps the files of these countries (compared without
	// regard to case); empty keeps every country.
	Countries []string
	// AllVersions keeps every version of each statute; otherwise only the
	// version(s) that an analysis as of AsOf can choose are kept: per
	// statute ID, the latest version dated on or before AsOf (every
	// version when AsOf is empty) — all files with that date, so that
	// duplicates are still reported — or, when the statute has no such
	// dated version, its undated versions.
	AllVersions bool
	AsOf        string
}

// Select returns the files of metas that s keeps, in the order of metas.
// Files whose front matter could not be read are always kept.
func (s Selection) Select(metas []FileMeta) []FileMeta {
	want := map[string]bool{}
	for _, c := range s.Countries {
		want[strings.ToUpper(c)] = true
	}
	pick := map[StatuteID]string{}  // ID -> chosen date ("" = undated only)
	undated := map[StatuteID]bool{} // ID has undated versions
	var keep []FileMeta
	for _, m := range metas {
		if !m.OK {
			continue
		}
		if len(want) > 0 && !want[strings.ToUpper(m.Meta.Country)] {
			continue
		}
		if s.AllVersions {
			continue
		}
		d := m.Meta.VersionDate
		if !isDated(d) {
			undated[m.Meta.ID] = true
			continue
		}
		if s.AsOf != "" && d[:min(len(d), len(s.AsOf))] > s.AsOf {
			continue
		}
		if cur, ok := pick[m.Meta.ID]; !ok || d > cur {
			pick[m.Meta.ID] = d
		}
	}
	for _, m := range metas {
		switch {
		case !m.OK:
			keep = append(keep, m)
		case len(want) > 0 && !want[strings.ToUpper(m.Meta.Country)]:
		case s.AllVersions:
			keep = append(keep, m)
		default:
			d, dated := pick[m.Meta.ID]
			if dated && m.Meta.VersionDate == d || !dated && !isDated(m.Meta.VersionDate) {
				keep = append(keep, m)
			}
		}
	}
	return keep
}

func isDated(s string) bool { return len(s) >= 4 && s[0] >= '0' && s[0] <= '9' }

// LoadFiles parses the given files of fsys (paths inside fsys, as Scan
// returns them), with shown paths prefixed by name, as LoadNamed does for
// a whole tree: sorted corpus, duplicate versions reported, every problem
// collected. workers caps the files parsed at once (0: LoadWorkers).
func LoadFiles(fsys fs.FS, paths []string, name string, workers int) (*Corpus, error) {
	var errs ErrorList
	ps := append([]string(nil), paths...)
	sort.Strings(ps)
	c := loadPathsN(fsys, ps, name, &errs, workers)
	return c, finishLoad(c, errs)
}

// LoadSelected scans root, keeps the files sel selects and parses only
// those. The walk's problems (unreadable directories, skipped links) are
// reported as Load reports them.
func LoadSelected(fsys fs.FS, root, name string, sel Selection) (*Corpus, error) {
	metas, errs, err := ScanNamed(fsys, root, name)
	if err != nil {
		return &Corpus{}, err
	}
	var paths []string
	for _, m := range sel.Select(metas) {
		paths = append(paths, m.Path)
	}
	c := loadPathsN(fsys, paths, name, &errs, 0)
	return c, finishLoad(c, errs)
}
