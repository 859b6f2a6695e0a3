package workspace

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// ImportOptions say what "corpus import" writes.
type ImportOptions struct {
	Out string // the corpus directory written into
	// AllVersions writes every version of a git history, one file per
	// version (<id>-<date>.md); otherwise the version in force at AsOf
	// ("" = the latest) is written as <id>.md.
	AllVersions bool
	AsOf        string
}

// Imported is one file written by an import.
type Imported struct {
	Path    string // the file written
	Statute statute.StatuteID
	Version string
	Dialect string // the dialect it was read in ("" = Lacuna's own)
}

// ImportGit writes the versions of a git history as canonical Lacuna
// statute files (statute.Canonical) under opts.Out/<country>/, with their
// provenance (source_repository, source_commit, source_path). Each file
// is written to a temporary file and renamed.
func ImportGit(ctx context.Context, h *GitHistory, opts ImportOptions) ([]Imported, error) {
	var sts []*statute.Statute
	if opts.AllVersions {
		sts = h.Corpus.Statutes
	} else {
		sts = h.Corpus.AsOf(opts.AsOf).Statutes
	}
	if len(sts) == 0 {
		return nil, inputErr(fmt.Errorf("no version of %s is in force on %s", strings.Join(h.Source.Paths, ", "), opts.AsOf))
	}
	r, err := openRepo(ctx, h.Source.Repo)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var out []Imported
	for _, st := range sts {
		src, err := readVersion(ctx, r, st.Meta.SourceCommit, st.Meta.SourcePath)
		if err != nil {
			return nil, err
		}
		im, err := writeCanonical(st, src, opts)
		if err != nil {
			return nil, err
		}
		out = append(out, im)
	}
	return out, nil
}

// ImportFiles writes statute files (in any known dialect) as canonical
// Lacuna statute files under opts.Out/<country>/<id>.md. A file that does
// not parse is an *InputError.
func ImportFiles(files []string, opts ImportOptions) ([]Imported, error) {
	var out []Imported
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, inputErr(fmt.Errorf("%s: %v", f, err))
		}
		st, err := statute.Parse(f, src)
		if err != nil {
			return nil, inputErr(err)
		}
		im, err := writeCanonical(st, src, ImportOptions{Out: opts.Out})
		if err != nil {
			return nil, err
		}
		out = append(out, im)
	}
	return out, nil
}

func writeCanonical(st *statute.Statute, src []byte, opts ImportOptions) (Imported, error) {
	b, err := statute.Canonical(st, src)
	if err != nil {
		return Imported{}, inputErr(err)
	}
	id := string(st.Meta.ID)
	name := id[strings.LastIndexByte(id, '/')+1:]
	if opts.AllVersions && st.Meta.VersionDate != "" {
		name += "-" + st.Meta.VersionDate
	}
	dir := filepath.Join(opts.Out, strings.ToLower(st.Meta.Country))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Imported{}, err
	}
	dst := filepath.Join(dir, name+".md")
	tmp, err := os.CreateTemp(dir, ".import-*.md")
	if err != nil {
		return Imported{}, err
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return Imported{}, err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return Imported{}, err
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		os.Remove(tmp.Name())
		return Imported{}, err
	}
	return Imported{Path: dst, Statute: st.Meta.ID, Version: st.Meta.VersionDate, Dialect: st.Meta.Dialect}, nil
}
