package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/lacuna-project/lacuna/internal/workspace"
)

// ---- corpus import ----

type corpusImportOptions struct {
	IO          *IOStreams
	Factory     *Factory
	Files       []string
	Git         string
	Paths       []string
	Out         string
	AllVersions bool
	AsOf        string
	DateFrom    string
}

func newCmdCorpusImport(f *Factory, runF func(*corpusImportOptions) error) *cobra.Command {
	opts := &corpusImportOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "import (FILE… | --git REPO --path FILE…) --out DIR",
		Short: "Write statute files from other formats or a legislation repository as canonical corpus files",
		Long: `Import reads statute files as they are kept elsewhere — the front matter dialects
of legislation repositories (see corpus/FORMAT.md) — and writes them in Lacuna's own
format under DIR/<country>/<id>.md, the body kept byte for byte, so that a curated
corpus can be built from repositories.

With --git REPO --path FILE (repeatable), the files come from a git repository (a
directory with .git or a git bundle): the version in force at --as-of DATE (default:
the latest commit), or with --all-versions every commit as DIR/<country>/<id>-<date>.md,
each dated by its commit's author date (--date-from front-matter prefers the file's
own date) and carrying its provenance: source_repository, source_commit, source_path.

Files are written to a temporary file and renamed; an existing file of the same name
is replaced.` + exitStatusHelp,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			switch {
			case opts.Out == "":
				return usageErrorf("corpus import needs --out DIR, expected e.g. lacuna corpus import --git REPO --path FILE --out corpus/")
			case (opts.Git == "") != (len(opts.Paths) == 0):
				return usageErrorf("corpus import --git REPO needs --path FILE (and --path needs --git)")
			case opts.Git != "" && len(args) > 0:
				return usageErrorf("corpus import takes statute files or --git REPO --path FILE, not both")
			case opts.Git == "" && len(args) == 0:
				return usageErrorf("corpus import needs statute files or --git REPO --path FILE")
			case opts.Git == "" && (opts.AllVersions || opts.AsOf != ""):
				return usageErrorf("--all-versions and --as-of choose commits, expected them with --git")
			case opts.AllVersions && opts.AsOf != "":
				return usageErrorf("--all-versions writes every version, expected no --as-of")
			case opts.AsOf != "" && !validDay(opts.AsOf) && !(len(opts.AsOf) == 4 && validDay(opts.AsOf+"-01-01")):
				return usageErrorf("--as-of %q, expected a date YYYY-MM-DD or a year YYYY", opts.AsOf)
			case opts.DateFrom != workspace.DateFromCommit && opts.DateFrom != workspace.DateFromFrontMatter:
				return usageErrorf("unknown --date-from %q, expected %s or %s", opts.DateFrom, workspace.DateFromCommit, workspace.DateFromFrontMatter)
			}
			if runF != nil {
				return runF(opts)
			}
			return corpusImportRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Out, "out", "", "corpus directory to write into")
	fl.StringVar(&opts.Git, "git", "", "legislation repository: a directory with .git or a git bundle")
	fl.StringArrayVar(&opts.Paths, "path", nil, "with --git: statute file inside the repository (repeatable)")
	fl.BoolVar(&opts.AllVersions, "all-versions", false, "with --git: write every version, one file per commit date")
	fl.StringVar(&opts.AsOf, "as-of", "", "with --git: write the version in force on this date (default: the latest)")
	fl.StringVar(&opts.DateFrom, "date-from", workspace.DateFromCommit, "with --git: date of a version, commit (author date) or front-matter")
	return cmd
}

func corpusImportRun(ctx context.Context, opts *corpusImportOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	var ims []workspace.Imported
	var err error
	if opts.Git != "" {
		var h *workspace.GitHistory
		h, err = workspace.LoadGit(ctx, workspace.GitSource{Repo: opts.Git, Paths: opts.Paths, DateFrom: opts.DateFrom})
		if err != nil {
			return err
		}
		for _, wn := range h.Warnings {
			fmt.Fprintln(opts.IO.ErrOut, wn.Error())
		}
		ims, err = workspace.ImportGit(ctx, h, workspace.ImportOptions{Out: opts.Out, AllVersions: opts.AllVersions, AsOf: opts.AsOf})
	} else {
		ims, err = workspace.ImportFiles(opts.Files, workspace.ImportOptions{Out: opts.Out})
	}
	if err != nil {
		return err
	}
	for _, im := range ims {
		fmt.Fprintf(opts.IO.Out, "%s\t%s\t%s\t%s\n", im.Path, im.Statute, orDash(im.Version), dialectName(im.Dialect))
	}
	return nil
}
