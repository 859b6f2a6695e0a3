package workspace

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/lacuna-project/lacuna/internal/gitrepo"
	"github.com/lacuna-project/lacuna/internal/report"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// Version dates of statutes read from git: DateFromCommit (the default)
// dates a version by its commit's author date, which legislation
// repositories set to the day the reform came into force;
// DateFromFrontMatter keeps the file's own version date (last_updated,
// ultima_actualizacion) when it has one.
const (
	DateFromCommit      = "commit"
	DateFromFrontMatter = "front-matter"
)

// GitSource names statute files kept in a git repository.
type GitSource struct {
	Repo     string   // a directory of the repository or a git bundle
	Paths    []string // files inside the repository; together one corpus
	DateFrom string   // DateFromCommit ("" too) or DateFromFrontMatter
}

// GitVersion is one commit of one file and the statute version it holds.
type GitVersion struct {
	gitrepo.Commit
	// Statute is nil for a commit that removed the file and for a
	// commit superseded by a later one of the same day.
	Statute *statute.Statute
}

// GitHistory is every version of the files of a GitSource.
type GitHistory struct {
	Source   GitSource
	Versions []GitVersion // by date, then path
	// Corpus holds the statute versions: on a date, the corpus in force is
	// every path's latest version on or before it.
	Corpus *statute.Corpus
	// Warnings are about the history: a front matter date that disagrees
	// with its commit, two commits of one day, a removed file. The
	// statute texts' own warnings are in Corpus.Warnings.
	Warnings statute.ErrorList
}

// LoadGit reads every commit that touched the files of src, oldest first,
// and parses each version. A version is dated by its commit's author date
// unless src.DateFrom says otherwise; a front matter date that disagrees is
// a warning. The provenance keys (source_repository, source_commit,
// source_path) are set from git. A file that does not parse is an
// *InputError naming the commit; a repository that cannot be read is an
// operational error.
func LoadGit(ctx context.Context, src GitSource) (*GitHistory, error) {
	switch src.DateFrom {
	case "", DateFromCommit, DateFromFrontMatter:
	default:
		return nil, inputErr(fmt.Errorf("date source %q is not known, expected %s or %s", src.DateFrom, DateFromCommit, DateFromFrontMatter))
	}
	if len(src.Paths) == 0 {
		return nil, inputErr(fmt.Errorf("no statute file named in %s, expected at least one --path FILE", src.Repo))
	}
	for _, p := range src.Paths {
		if err := gitrepo.CheckPath(p); err != nil {
			return nil, inputErr(err)
		}
	}
	r, err := openRepo(ctx, src.Repo)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	h := &GitHistory{Source: src}
	// Provenance names the repository's origin URL when it has one, else
	// the repository as given.
	repoName := r.Origin(ctx)
	if repoName == "" {
		repoName = src.Repo
	}
	var all []*statute.Statute
	var errs statute.ErrorList
	seenPath := map[string]bool{}
	for _, p := range src.Paths {
		if seenPath[p] {
			continue
		}
		seenPath[p] = true
		cs, err := r.Log(ctx, p)
		if err != nil {
			return nil, inputErr(err)
		}
		byDate := map[string]int{} // date -> index in h.Versions of this path's version
		for _, c := range cs {
			v := GitVersion{Commit: c}
			if c.Deleted {
				h.Warnings.Warn(statute.Pos{File: p + "@" + c.Short()}, "%s was removed by commit %s on %s (%q); its last version stays in force after that date, expected a repealed statute to be marked status: repealed", p, c.Short(), c.Date, c.Subject)
				h.Versions = append(h.Versions, v)
				continue
			}
			b, err := readVersion(ctx, r, c.Hash, p)
			if err != nil {
				return nil, err
			}
			st, perr := statute.Parse(p+"@"+c.Short(), b)
			if perr != nil {
				if l, ok := perr.(statute.ErrorList); ok {
					errs = append(errs, l...)
					continue
				}
				return nil, perr
			}
			fm := st.Meta.VersionDate
			switch {
			case src.DateFrom == DateFromFrontMatter && fm != "":
			default:
				if fm != "" && fm != c.Date {
					h.Warnings.Warn(st.KeyPos("version_date"), "the front matter dates this version %s, its commit %s (%q) %s; the commit's author date is used (--date-from front-matter prefers the front matter)", fm, c.Short(), c.Subject, c.Date)
				}
				st.Meta.VersionDate = c.Date
			}
			st.Meta.SourceRepository = repoName
			st.Meta.SourceCommit = c.Hash
			st.Meta.SourcePath = p
			v.Statute = st
			if i, dup := byDate[st.Meta.VersionDate]; dup {
				prev := h.Versions[i]
				h.Warnings.Warn(statute.Pos{File: p + "@" + c.Short()}, "commits %s and %s of %s are both dated %s; the later one, %s, is that day's version", prev.Short(), c.Short(), p, st.Meta.VersionDate, c.Short())
				h.Versions[i].Statute = nil
			}
			byDate[st.Meta.VersionDate] = len(h.Versions)
			h.Versions = append(h.Versions, v)
		}
	}
	if err := errs.Err(); err != nil {
		errs.Sort()
		return nil, inputErr(errs)
	}
	for _, v := range h.Versions {
		if v.Statute != nil {
			all = append(all, v.Statute)
		}
	}
	sort.SliceStable(h.Versions, func(i, j int) bool {
		if h.Versions[i].Date != h.Versions[j].Date {
			return h.Versions[i].Date < h.Versions[j].Date
		}
		return h.Versions[i].Path < h.Versions[j].Path
	})
	h.Corpus = statute.NewCorpus(all...)
	h.Warnings.Sort()
	return h, nil
}

// openRepo opens a repository; a path that is no repository is an
// *InputError, a cancelled context an operational error.
func openRepo(ctx context.Context, name string) (*gitrepo.Repo, error) {
	r, err := gitrepo.Open(ctx, name)
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		return nil, inputErr(err)
	}
	r.Limit = int64(statute.MaxFileSize)
	return r, nil
}

// readVersion reads file as commit left it; one past the statute size
// limit is a positioned *InputError ("FILE@COMMIT:1: …"), refused before
// it is read.
func readVersion(ctx context.Context, r *gitrepo.Repo, commit, file string) ([]byte, error) {
	b, err := r.Read(ctx, commit, file)
	var tl *gitrepo.TooLargeError
	if errors.As(err, &tl) {
		return nil, inputErr(statute.TooLarge(file+"@"+gitrepo.Commit{Hash: commit}.Short(), tl.Limit))
	}
	return b, err
}

// Country is the one country of the history's statutes; an *InputError
// when they belong to several or none.
func (h *GitHistory) Country() (string, error) {
	cs := h.Corpus.Countries()
	switch len(cs) {
	case 1:
		return cs[0], nil
	case 0:
		return "", inputErr(fmt.Errorf("no statute version read from %s", h.Source.Repo))
	}
	return "", inputErr(fmt.Errorf("the files of %s belong to several countries (%s), expected --country to choose one", h.Source.Repo, strings.Join(cs, ", ")))
}

// OverrideWarnings checks the evidence of reviewer decisions ("path#id",
// path as inside the repository) against the versions of h in force at
// asOf (the latest when ""), as OverrideEvidenceWarnings does for files:
// a provision the version does not have, or has under a new ID, is a
// warning. Whether a decision still applies to the version analysed is
// the engine's business (score.Override: a decision that records the
// versions it was made on, "xea/ctip-act@2017-03-16", is stale for any
// other version and the machine verdict stands).
func (h *GitHistory) OverrideWarnings(ovs []score.Override, country, asOf string) statute.ErrorList {
	if len(ovs) == 0 {
		return nil
	}
	sel := score.Select(h.Corpus, country, asOf)
	return overrideEvidenceWarnings(ovs, sel.Statutes, func(st *statute.Statute) string { return st.Meta.SourcePath })
}

// GitPoint is the analysis as of one version date of a git history.
type GitPoint struct {
	Date      string           `json:"date"`
	Commits   []gitrepo.Commit `json:"commits"` // the commits of this date
	Bootstrap bool             `json:"bootstrap,omitempty"`
	Overall   float64          `json:"overall"`
	Pillars   map[string]float64
	Counts    []report.VerdictCount
	Changes   []report.VerdictChange // since the previous point, with the provision changes that explain them
}

// GitTimeline is the score of a country at every version date of a git
// history.
type GitTimeline struct {
	Country string
	Points  []GitPoint
}

// GitTimelineOf analyses h as of each of its version dates (up to opts.AsOf)
// and says, for each verdict change, which commit's amendment of which
// provision explains it. opts.Country defaults to h's one country.
func GitTimelineOf(m *standard.Map, h *GitHistory, opts score.Options) (*GitTimeline, error) {
	if opts.Country == "" {
		c, err := h.Country()
		if err != nil {
			return nil, err
		}
		opts.Country = c
	}
	tl, err := Timeline(m, h.Corpus, opts)
	if err != nil {
		return nil, err
	}
	commits := map[string][]gitrepo.Commit{}
	for _, v := range h.Versions {
		if v.Statute != nil && strings.EqualFold(v.Statute.Meta.Country, opts.Country) {
			commits[v.Statute.Meta.VersionDate] = append(commits[v.Statute.Meta.VersionDate], v.Commit)
		}
	}
	out := &GitTimeline{Country: opts.Country}
	for _, p := range tl.Points {
		gp := GitPoint{Date: p.VersionDate, Commits: commits[p.VersionDate], Overall: p.Overall,
			Pillars: map[string]float64{}, Counts: p.Counts}
		for _, ch := range p.Changes {
			ch.Causes = compact(ch.Causes)
			gp.Changes = append(gp.Changes, ch)
		}
		if gp.Commits == nil {
			gp.Commits = []gitrepo.Commit{}
		}
		for _, c := range gp.Commits {
			gp.Bootstrap = gp.Bootstrap || c.Bootstrap
		}
		for _, ps := range p.Pillars {
			gp.Pillars[ps.Pillar] = ps.Score
		}
		out.Points = append(out.Points, gp)
	}
	return out, nil
}

// compact drops repeated strings, keeping the first of each.
func compact(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
